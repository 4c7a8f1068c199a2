"""Reads of the registry of organisations."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from partnerships.core.languages import UN_LANGUAGES
from partnerships.registry.models import Organisation


def organisation_search(*, query: str) -> QuerySet[Organisation]:
    """Organisations whose key, name in any language, acronym, short form, alias,
    former name or identifier contains `query` (case-insensitive)."""
    query = query.strip()
    if not query:
        return Organisation.objects.none()
    condition = Q(key__icontains=query)
    for lang in UN_LANGUAGES:
        condition |= Q(**{f"name_{lang}__icontains": query})
    ids_by_other = Organisation.objects.filter(
        Q(other_names__value__icontains=query) | Q(identifiers__value__icontains=query)
    ).values("id")
    return Organisation.objects.filter(condition | Q(id__in=ids_by_other))


def organisation_by_name(*, name: str) -> Organisation | None:
    """The one organisation known exactly by `name` (any language or kind), if any."""
    name = name.strip()
    condition = Q(key=name) | Q(other_names__value=name) | Q(identifiers__value=name)
    for lang in UN_LANGUAGES:
        condition |= Q(**{f"name_{lang}": name})
    found = list(Organisation.objects.filter(condition).distinct()[:2])
    return found[0] if len(found) == 1 else None
