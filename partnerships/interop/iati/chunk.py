"""Activities written a chunk at a time: few queries, bulk writes, history kept.

`importer.py` checks and maps each activity as it streams past, then hands it to
`Chunk`. Every CHUNK activities (and at the end of the file) the chunk looks up
what the registry already holds for all of them in a few queries (engagements by
their IATI identifier, identity.py; their themes, SDG targets, places, participations and contributions, the
file's passages and their evidence), works out in Python what is new or changed,
and hands it to the apps' bulk services (`cooperation/bulk.py`, `sources/bulk.py`),
which check the actor's permission for the batch, validate every row with the
rules of the single-record path and write it through `core/bulk.py`: one INSERT
or UPDATE per table and batch, each row with its history row. Nothing here writes
a model. Rows that have not changed are not written, so importing the same file
again writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from partnerships.cooperation.bulk import (
    engagement_links,
    engagements_bulk_write,
    money_lines_bulk_write,
    participations_bulk_write,
    places_bulk_write,
)
from partnerships.cooperation.children import Children
from partnerships.cooperation.models import (
    Engagement,
    MoneyLine,
    Participation,
    Place,
)
from partnerships.cooperation.services import EngagementSpec
from partnerships.core.actor import Actor
from partnerships.core.bulk import Row
from partnerships.core.languages import UN_LANGUAGES
from partnerships.interop.iati import identity, reader
from partnerships.interop.iati.kept import write_published
from partnerships.interop.iati.lines import Resolved, money_rows
from partnerships.registry.models import Organisation
from partnerships.sources.bulk import evidence_bulk_write, passages_bulk_write
from partnerships.sources.models import Evidence, Passage, SourceDocument

CHUNK = 100
_CITIES = tuple(f"city_{lang}" for lang in UN_LANGUAGES)


@dataclass
class Item:
    """One checked activity, mapped, waiting for its chunk to be written."""

    number: int
    record: reader.Record
    spec: EngagementSpec
    text: str
    writes: int = 0
    existed: bool = False
    # The activity's digest as read (digest.py), kept once it is written.
    digest: str = ""
    # Filled when the chunk resolves organisations: (role, organisation, quote).
    roles: list[tuple[str, Organisation, str]] = field(default_factory=list)
    # Each money line with its provider and receiver when the registry knows them.
    money: list[Resolved] = field(default_factory=list)
    # What this import does to the engagement's places and money lines, kept in
    # the engagement's history row (cooperation/children.py).
    children: Children = field(default_factory=Children)


def engagement_values(spec: EngagementSpec) -> dict[str, Any]:
    """The engagement's own columns, as `engagement_upsert` writes them."""
    return {**spec.columns(), "parent_id": None}


def passage_values(identifier: str, text: str) -> dict[str, Any]:
    """An activity's (or an organisation's) passage: its identifier and text."""
    return {
        "chapter": identifier if len(identifier) <= 20 else "",
        "chapter_title": identifier[:500],
        "section": "",
        "section_title": "",
        "text": text,
    }


class Chunk:
    """Writes the items of one chunk, counting what it writes in each item."""

    def __init__(self, document: SourceDocument, *, actor: Actor, reason: str) -> None:
        self.document = document
        self.by = {"actor": actor, "reason": reason}
        # Engagements this import created: the actor fills them (places, money,
        # evidence) and may update them when the file names them again.
        self.created: set[int] = set()

    def write(self, items: list[Item]) -> dict[str, Engagement | Row]:
        """Write the items; returns their engagements by key."""
        if not items:
            return {}
        passages = self._passages(items)
        engagements = self._lookup(items)
        # Places and money lines are worked out first: what changes in them goes
        # into the engagement's history row; they get none of their own.
        places = self._places(items, engagements)
        money = self._money(items, engagements)
        self._engagements(items, engagements)
        for row in money[0]:
            row["engagement_id"] = engagements[row.pop("_key")].pk
        places_bulk_write(
            new=[
                Row(engagement_id=engagements[key].pk, country_id=c, region_id=r)
                for key, added in places[0].items()
                for c, r in added
            ],
            changed=places[1],
            fields=_CITIES,
            created=self.created,
            in_engagement_history=True,
            **self.by,
        )
        money_lines_bulk_write(
            new=money[0],
            changed=money[1],
            fields=money[2],
            removed=money[3],
            created=self.created,
            in_engagement_history=True,
            **self.by,
        )
        cited = self._participations(items, engagements)
        write_published(items, engagements, self.created, self.by)
        self._evidence(items, engagements, passages, cited)
        return engagements

    # Passages: one per activity, numbered by its position in the file.
    def _passages(self, items: list[Item]) -> dict[int, Passage | Row]:
        known = {
            p.number: p
            for p in Passage.objects.filter(
                document=self.document, number__in=[i.number for i in items]
            )
        }
        new, changed, fields = [], [], set()
        for item in items:
            values = passage_values(item.record.identifier, item.text)
            passage = known.get(item.number)
            if passage is None:
                passage = Row(
                    document_id=self.document.pk, number=item.number, **values
                )
                known[item.number] = passage
                new.append(passage)
                item.writes += 1
                continue
            diff = _diff(passage, values)
            if diff:
                changed.append(passage)
                fields |= diff
                item.writes += 1
        passages_bulk_write(new=new, changed=changed, fields=fields, **self.by)
        return known

    # Engagements, with their themes and SDG targets.
    def _lookup(self, items: list[Item]) -> dict[str, Engagement | Row]:
        """The engagements the items' activities were imported as, by key
        (found by IATI identifier, never by our key: `identity`)."""
        known: dict[str, Engagement | Row] = dict(identity.match(items))
        for item in items:
            item.existed = item.spec.key in known
        return known

    def _engagements(
        self, items: list[Item], known: dict[str, Engagement | Row]
    ) -> None:
        """Create or update the engagements (adding the new ones to `known`), each
        history row with what the chunk does to its lines."""
        themes, targets = engagement_links(e.pk for e in known.values())
        new, changed, fields, children = [], [], set(), {}
        for item in items:
            spec = item.spec
            values = engagement_values(spec)
            engagement = known.get(spec.key)
            children[spec.key] = item.children.record()
            if engagement is None:
                engagement = Row(key=spec.key, **values)
                known[spec.key] = engagement
                new.append(engagement)
                item.writes += 1
                continue
            diff = _diff(engagement, values)
            moved = set(spec.themes) != set(themes.get(engagement.pk, {})) or set(
                spec.sdg_targets
            ) != set(targets.get(engagement.pk, {}))
            if diff or moved or children[spec.key]:
                changed.append(engagement)
                fields |= diff
                item.writes += 1
        engagements_bulk_write(
            new=new,
            changed=changed,
            fields=fields,
            themes={i.spec.key: i.spec.themes for i in items},
            sdg_targets={i.spec.key: i.spec.sdg_targets for i in items},
            created=self.created,
            children=children,
            **self.by,
        )
        self.created |= {row["id"] for row in new}

    def _places(
        self, items: list[Item], engagements: dict[str, Engagement | Row]
    ) -> tuple[dict[str, list[tuple[str | None, str | None]]], list[Place]]:
        """The new places of each item, as (country, region) by its key, and the
        places whose cities are cleared, each noted in its item's `children`.
        The places an activity names are its record's countries and regions
        (each once, reader.py)."""
        ids = [engagements[i.spec.key].pk for i in items if i.existed]
        held: dict[int, dict[tuple, Place]] = {}
        for p in Place.objects.filter(engagement_id__in=ids).order_by("id"):
            held.setdefault(p.engagement_id, {}).setdefault(
                (p.country_id, p.region_id, p.city_en), p
            )
        new: dict[str, list[tuple[str | None, str | None]]] = {}
        changed = []
        for item in items:
            found = engagements.get(item.spec.key)
            record = item.record
            wanted = [(c, None) for c in record.countries]
            wanted += [(None, r) for r in record.regions]
            known = held.get(found.pk) if found else None
            if known is None:
                added = wanted
            else:
                added = []
                for country, region in wanted:
                    place = known.get((country, region, ""))
                    if place is None:
                        added.append((country, region))
                    elif any(getattr(place, name) for name in _CITIES):
                        before = {name: getattr(place, name) for name in _CITIES}
                        for name in _CITIES:
                            setattr(place, name, "")
                        item.children.place_changed(place, before)
                        changed.append(place)
                        item.writes += 1
            item.children.places_added(added)
            item.writes += len(added)
            new[item.spec.key] = added
        return new, changed

    def _participations(
        self, items: list[Item], engagements: dict[str, Engagement | Row]
    ) -> dict[int, dict[int, str]]:
        """Participations as the file names them; returns, per item, what to cite."""
        ids = [engagements[i.spec.key].pk for i in items if i.existed]
        known = {
            (p.engagement_id, p.organisation_id, p.role): p
            for p in Participation.objects.filter(engagement_id__in=ids)
        }
        new: list[Row] = []
        cited: dict[int, dict[tuple, str]] = {}
        for item in items:
            cites: dict[tuple, str] = {}
            for role, org, quote in item.roles:
                key = (engagements[item.spec.key].pk, org.pk, role)
                if key not in known:
                    known[key] = Row(
                        engagement_id=key[0], organisation_id=org.pk, role=role
                    )
                    new.append(known[key])
                    item.writes += 1
                cites.setdefault(key, quote)
            cited[item.number] = cites
        participations_bulk_write(new=new, created=self.created, **self.by)
        return {
            number: {known[key].pk: quote for key, quote in cites.items()}
            for number, cites in cited.items()
        }

    def _money(
        self, items: list[Item], engagements: dict[str, Engagement | Row]
    ) -> tuple[list[Row], list[MoneyLine], set[str], list[MoneyLine]]:
        """Each item's lines by position: new (their engagement's key in `_key`),
        changed (and the columns that changed), or gone from the file; each noted
        in its item's `children`."""
        ids = [engagements[i.spec.key].pk for i in items if i.existed]
        known: dict[int, dict[int, MoneyLine]] = {}
        for line in MoneyLine.objects.filter(engagement_id__in=ids):
            known.setdefault(line.engagement_id, {})[line.position] = line
        new, changed, removed, fields = [], [], [], set()
        for item in items:
            found = engagements.get(item.spec.key)
            held = known.get(found.pk, {}) if found else {}
            wanted = money_rows(found.pk if found else None, item.money)
            added = []
            for values in wanted:
                line = held.get(values["position"])
                if line is None:
                    values["_key"] = item.spec.key
                    added.append(values)
                    continue
                before = {name: getattr(line, name) for name in values}
                if diff := _diff(line, values):
                    changed.append(line)
                    fields |= diff
                    item.children.money_changed(
                        line.position, {name: before[name] for name in diff}, line
                    )
                    item.writes += 1
            item.children.money_added(added)
            new += map(Row, added)
            item.writes += len(added)
            gone = [line for pos, line in held.items() if pos > len(wanted)]
            for line in gone:
                item.children.money("removed", line)
            removed += gone
            item.writes += len(gone)
        return new, changed, fields, removed

    def _evidence(
        self,
        items: list[Item],
        engagements: dict[str, Engagement | Row],
        passages: dict[int, Passage | Row],
        cited: dict[int, dict[int, str]],
    ) -> None:
        # New passages have no evidence yet: only the existing ones are asked.
        ids = [p.pk for i in items if isinstance(p := passages[i.number], Passage)]
        known = {
            (e.passage_id, e.engagement_id, e.participation_id): e
            for e in Evidence.objects.filter(passage_id__in=ids, organisation=None)
        }
        new, changed = [], []
        for item in items:
            passage = passages[item.number].pk
            engagement = engagements[item.spec.key]
            quote = next(iter(item.spec.title.values()), item.record.identifier)
            wanted = [((passage, engagement.pk, None), quote)]
            wanted += [
                ((passage, None, participation), text)
                for participation, text in cited[item.number].items()
            ]
            for key, text in wanted:
                found = known.get(key)
                if found is None:
                    known[key] = Row(
                        passage_id=key[0],
                        engagement_id=key[1],
                        participation_id=key[2],
                        quote=text,
                    )
                    new.append(known[key])
                    item.writes += 1
                elif isinstance(found, Evidence) and found.quote != text:
                    found.quote = text
                    changed.append(found)
                    item.writes += 1
        evidence_bulk_write(
            new=new,
            changed=changed,
            fields={"quote"},
            created=self.created,
            **self.by,
        )


def _diff(obj: Any, values: dict[str, Any]) -> set[str]:
    """Set on `obj` the values that differ; returns their names."""
    changed = {name for name, value in values.items() if getattr(obj, name) != value}
    for name in changed:
        setattr(obj, name, values[name])
    return changed
