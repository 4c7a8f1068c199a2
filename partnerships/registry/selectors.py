"""Reads of the registry of organisations (searching by words: `search.py`)."""

from __future__ import annotations

from django.db.models import Q

from partnerships.core.languages import UN_LANGUAGES
from partnerships.registry.models import Organisation, OrganisationName

# The source a terminology import gives names no published source confirms
# (data/reference/SOURCES.md); it stays in the reason of their history record.
UNVERIFIED = "unverified"


def organisation_by_name(*, name: str) -> Organisation | None:
    """The one organisation known exactly by `name` (any language or kind), if any."""
    name = name.strip()
    condition = Q(key=name) | Q(other_names__value=name) | Q(identifiers__value=name)
    for lang in UN_LANGUAGES:
        condition |= Q(**{f"name_{lang}": name})
    found = list(Organisation.objects.filter(condition).distinct()[:2])
    return found[0] if len(found) == 1 else None


def unverified_names(org: Organisation) -> tuple[frozenset[str], frozenset[int]]:
    """The languages of `org`'s names, and the ids of its other names, whose
    present value was written from a source marked unverified: staff see them
    marked until a sourced import or an editor writes them again."""
    fields = [f"name_{lang}" for lang in UN_LANGUAGES]
    records = list(
        org.history.order_by("-history_date", "-history_id").values(
            *fields, "history_change_reason"
        )
    )
    languages = set()
    for lang, field in zip(UN_LANGUAGES, fields, strict=True):
        value = getattr(org, field)
        # The oldest of the newest records that hold the present value set it.
        setter = None
        for record in records:
            if record[field] != value:
                break
            setter = record
        reason = (setter or {}).get("history_change_reason") or ""
        if value and UNVERIFIED in reason:
            languages.add(lang)
    added = OrganisationName.history.filter(
        organisation_id=org.pk,
        history_type="+",
        history_change_reason__contains=UNVERIFIED,
    ).values_list("id", flat=True)
    present = org.other_names.filter(pk__in=list(added)).values_list("pk", flat=True)
    return frozenset(languages), frozenset(present)
