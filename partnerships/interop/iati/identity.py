"""Which engagement an activity is: found by its IATI identifier, never by our key.

An import finds the engagement an activity was imported as by the identifier
kept with it (`PublishedActivity.identifier`, unique), not by `Engagement.key`.
A key is ours: staff choose it, and a hand-made engagement whose key happens to
equal an identifier in somebody's file is not that activity. Such a file makes
a new engagement; its key is the identifier made a key (`safe_key`) when no
engagement holds it, else that base with a random suffix (`registry/keys.py`),
so the new key names the activity and the hand-made record stays as it was.
(docs/iati.md, "Which engagement an activity is".)
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from partnerships.cooperation.bulk import published_bulk_write
from partnerships.cooperation.models import Engagement, PublishedActivity
from partnerships.core.actor import Actor
from partnerships.core.bulk import Row
from partnerships.interop.iati.inverse import ENGAGEMENT_KEY_MAX, safe_key
from partnerships.registry.keys import suffixed_key
from partnerships.sources.models import Evidence

if TYPE_CHECKING:
    from partnerships.interop.iati.chunk import Item

# As PublishedActivity.identifier holds it.
IDENTIFIER_MAX = 500


def identifier_of(item: Item) -> str:
    return item.record.identifier[:IDENTIFIER_MAX]


def match(items: list[Item]) -> dict[str, Engagement]:
    """The engagements the items' activities were imported as, by key; each
    item's key is set to its engagement's, or to a key nobody holds."""
    identifiers = [identifier_of(item) for item in items]
    found = {
        kept.identifier: kept.engagement
        for kept in PublishedActivity.objects.filter(
            identifier__in=identifiers
        ).select_related("engagement")
    }
    new = []
    for item in items:
        engagement = found.get(identifier_of(item))
        if engagement is None:
            new.append(item)
        elif engagement.key != item.spec.key:
            item.spec = dataclasses.replace(item.spec, key=engagement.key)
    _new_keys(new, held={e.key for e in found.values()})
    return {engagement.key: engagement for engagement in found.values()}


def _new_keys(items: list[Item], held: set[str]) -> None:
    """A new activity keeps the identifier as its key unless a record holds it."""
    bases = [item.spec.key for item in items]
    taken = held | set(
        Engagement.objects.filter(key__in=bases).values_list("key", flat=True)
    )
    for item in items:
        if item.spec.key in taken:
            key = suffixed_key(item.spec.key, model=Engagement, avoid=taken)
            item.spec = dataclasses.replace(item.spec, key=key)
        taken.add(item.spec.key)


def from_provenance(evidence: type[Any], kept: type[Any]) -> dict[int, str]:
    """Engagements imported from IATI that hold no identifier (imported before
    identifiers were kept), with their identifier: `{engagement id: identifier}`.

    Known by their provenance: the import cited the engagement itself from the
    activity's passage of a document `IATI:<file>`, whose `chapter_title` is
    the identifier, and made its key from that identifier; both must agree. A
    hand-made engagement has no such citation, whatever its key. Takes the
    models, so that a migration passes its historical ones.
    """
    held = set(kept.objects.values_list("identifier", flat=True))
    cited = evidence.objects.filter(
        engagement__published=None, passage__document__symbol__startswith="IATI:"
    ).values_list("engagement_id", "engagement__key", "passage__chapter_title")
    found: dict[int, str] = {}
    for engagement, key, identifier in cited.order_by("id").iterator():
        if (
            engagement not in found
            and identifier
            and identifier not in held
            and safe_key(identifier, ENGAGEMENT_KEY_MAX) == key
        ):
            found[engagement] = identifier
            held.add(identifier)
    return found


def fill_identifiers(*, actor: Actor, reason: str) -> int:
    """Give every engagement imported before identifiers were kept its
    identifier (after loading a dump that has none); returns rows written."""
    found = from_provenance(Evidence, PublishedActivity)
    rows = [
        Row(engagement_id=engagement, identifier=identifier, elements=[])
        for engagement, identifier in sorted(found.items())
    ]
    published_bulk_write(actor=actor, new=rows, reason=reason)
    return len(rows)
