"""Activities written a chunk at a time: few queries, bulk writes, history kept.

`importer.py` checks and maps each activity as it streams past, then hands it to
`Chunk`. Every CHUNK activities (and at the end of the file) the chunk looks up
what the registry already holds for all of them in a few queries (engagements by
key, their themes, SDG targets, places, participations and contributions, the
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
    contributions_bulk_write,
    engagement_links,
    engagements_bulk_write,
    participations_bulk_write,
    places_bulk_write,
)
from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    Participation,
    Place,
    Role,
)
from partnerships.cooperation.services import EngagementSpec
from partnerships.core.actor import Actor
from partnerships.core.bulk import Row
from partnerships.core.dates import Precision
from partnerships.core.languages import UN_LANGUAGES
from partnerships.interop.iati import inverse, reader
from partnerships.interop.iati.inverse import BUDGET_ROLES, CONTRIBUTION_TYPES
from partnerships.registry.models import Organisation
from partnerships.sources.bulk import evidence_bulk_write, passages_bulk_write
from partnerships.sources.models import Evidence, Passage, SourceDocument

CHUNK = 500
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
    # Filled when the chunk resolves organisations: (role, organisation, quote).
    roles: list[tuple[str, Organisation, str]] = field(default_factory=list)
    # (provider or None for a budget, money) for each contribution to be.
    money: list[tuple[Organisation | None, reader.Money]] = field(default_factory=list)
    reporting: Organisation | None = None


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


def contributes(money: reader.Money) -> bool:
    """Money that becomes a contribution (docs/iati.md, Activities)."""
    if money.kind and money.kind not in CONTRIBUTION_TYPES:
        return False
    return money.amount >= 0 and bool(money.date)


class Chunk:
    """Writes the items of one chunk; `write` returns nothing, counts in items."""

    def __init__(self, document: SourceDocument, *, actor: Actor, reason: str) -> None:
        self.document = document
        self.by = {"actor": actor, "reason": reason}
        # Engagements this import created: the actor fills them (places, money,
        # evidence) and may update them when the file names them again.
        self.created: set[int] = set()

    def write(self, items: list[Item]) -> None:
        if not items:
            return
        passages = self._passages(items)
        engagements = self._engagements(items)
        self._places(items, engagements)
        cited = self._participations(items, engagements)
        self._evidence(items, engagements, passages, cited)

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
    def _engagements(self, items: list[Item]) -> dict[str, Engagement | Row]:
        keys = [item.spec.key for item in items]
        known = {e.key: e for e in Engagement.objects.filter(key__in=keys)}
        themes, targets = engagement_links(e.pk for e in known.values())
        new, changed, fields = [], [], set()
        for item in items:
            spec = item.spec
            values = engagement_values(spec)
            engagement = known.get(spec.key)
            item.existed = engagement is not None
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
            if diff or moved:
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
            **self.by,
        )
        self.created |= {row["id"] for row in new}
        return known

    def _places(
        self, items: list[Item], engagements: dict[str, Engagement | Row]
    ) -> None:
        ids = [engagements[i.spec.key].pk for i in items if i.existed]
        known = {
            (p.engagement_id, p.country_id, p.region_id, p.city_en): p
            for p in Place.objects.filter(engagement_id__in=ids).order_by("id")
        }
        new, changed = [], []
        for item in items:
            pk = engagements[item.spec.key].pk
            for spec in item.spec.places:
                key = (pk, spec.country, spec.region, "")
                place = known.get(key)
                if place is None:
                    place = Row(
                        engagement_id=pk, country_id=spec.country, region_id=spec.region
                    )
                    known[key] = place
                    new.append(place)
                    item.writes += 1
                elif isinstance(place, Place) and any(
                    getattr(place, name) for name in _CITIES
                ):
                    for name in _CITIES:
                        setattr(place, name, "")
                    changed.append(place)
                    item.writes += 1
        places_bulk_write(
            new=new,
            changed=changed,
            fields=_CITIES,
            created=self.created,
            **self.by,
        )

    def _participations(
        self, items: list[Item], engagements: dict[str, Engagement | Row]
    ) -> dict[int, dict[tuple, str]]:
        """Participations and their money; returns, per item, what to cite."""
        ids = [engagements[i.spec.key].pk for i in items if i.existed]
        known = {
            (p.engagement_id, p.organisation_id, p.role): p
            for p in Participation.objects.filter(engagement_id__in=ids)
        }
        new: list[Row] = []
        cited: dict[int, dict[tuple, str]] = {}
        money: list[tuple[Item, tuple, reader.Money]] = []

        def ensure(item: Item, org: Organisation, role: str) -> tuple:
            key = (engagements[item.spec.key].pk, org.pk, role)
            if key not in known:
                known[key] = Row(
                    engagement_id=key[0], organisation_id=org.pk, role=role
                )
                new.append(known[key])
                item.writes += 1
            return key

        for item in items:
            cites: dict[tuple, str] = {}
            for role, org, quote in item.roles:
                cites.setdefault(ensure(item, org, role), quote)
            for provider, amount in item.money:
                if provider is not None:
                    key = ensure(item, provider, Role.FUNDER)
                    cites.setdefault(key, provider.key)
                else:
                    key = self._budget_holder(item, engagements, known, ensure)
                    cites.setdefault(key, item.reporting.key)  # type: ignore[union-attr]
                money.append((item, key, amount))
            cited[item.number] = cites
        participations_bulk_write(new=new, created=self.created, **self.by)
        self._contributions(money, known)
        return {
            number: {known[key].pk: quote for key, quote in cites.items()}
            for number, cites in cited.items()
        }

    def _budget_holder(self, item, engagements, known, ensure) -> tuple:
        """A budget sits on the reporting org's participation: funder, else lead ..."""
        org = item.reporting
        assert org is not None  # importer.py only keeps budgets with a reporting org
        pk = engagements[item.spec.key].pk
        for role in BUDGET_ROLES:
            if (pk, org.pk, role) in known:
                return (pk, org.pk, role)
        return ensure(item, org, Role.LEAD)

    def _contributions(
        self,
        money: list[tuple[Item, tuple, reader.Money]],
        participations: dict[tuple, Participation | Row],
    ) -> None:
        # New participations have no money yet: only the existing ones are asked.
        ids = [p.pk for p in participations.values() if isinstance(p, Participation)]
        known: dict[tuple, Contribution | Row] = {}
        for c in Contribution.objects.filter(participation_id__in=ids).order_by("id"):
            known.setdefault(
                (c.participation_id, c.amount, c.currency_id, c.value_date), c
            )
        new, changed = [], []
        for item, key, amount in money:
            value = inverse.fuzzy((amount.date, Precision.DAY), end=False)
            assert value is not None  # `contributes` keeps dated money only
            pk = participations[key].pk
            lookup = (pk, amount.amount, amount.currency, value.value)
            found = known.get(lookup)
            if found is None:
                known[lookup] = Row(
                    participation_id=pk,
                    amount=amount.amount,
                    currency_id=amount.currency,
                    value_date=value.value,
                    value_precision=value.precision,
                )
                new.append(known[lookup])
                item.writes += 1
            elif isinstance(found, Contribution) and (
                found.value_precision != value.precision
            ):
                found.value_precision = value.precision
                changed.append(found)
                item.writes += 1
        contributions_bulk_write(
            new=new,
            changed=changed,
            fields={"value_precision"},
            created=self.created,
            **self.by,
        )

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
