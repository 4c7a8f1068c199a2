"""Reads of the registry of organisations (searching by words: `search.py`)."""

from __future__ import annotations

from django.db.models import Q

from partnerships.core.languages import UN_LANGUAGES
from partnerships.registry.models import Organisation


def organisation_by_name(*, name: str) -> Organisation | None:
    """The one organisation known exactly by `name` (any language or kind), if any."""
    name = name.strip()
    condition = Q(key=name) | Q(other_names__value=name) | Q(identifiers__value=name)
    for lang in UN_LANGUAGES:
        condition |= Q(**{f"name_{lang}": name})
    found = list(Organisation.objects.filter(condition).distinct()[:2])
    return found[0] if len(found) == 1 else None
