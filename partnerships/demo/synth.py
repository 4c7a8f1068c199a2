"""Synthetic registries for scale tests, drawn like the seed report's data.

The shape of the data (mix of categories, kinds, statuses, roles, countries, number
of participants, dates) is measured on the curated seed dataset; names are made up
from word lists and marked `is_synthetic`. The same seed gives the same data.
Rows are written through the apps' bulk services as the system actor "synth", so
they are validated like any other and each has its history row.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from babel import Locale
from django.db import connection, transaction
from simple_history.models import HistoricalRecords

from partnerships.cooperation.bulk import (
    THEMES,
    contributions_bulk_write,
    engagements_bulk_write,
    participations_bulk_write,
    places_bulk_write,
)
from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    Participation,
    Place,
)
from partnerships.core.actor import system_actor
from partnerships.core.planner import refresh_statistics
from partnerships.reference.models import Country, Theme
from partnerships.registry.bulk import organisations_bulk_write
from partnerships.registry.models import Organisation
from partnerships.sources.curated.dataset import Dataset, read_dataset

T = TypeVar("T")
BATCH = 5000
SYNTH = system_actor("synth")

# The seed names money in one currency only; synthetic money uses a wider mix so that
# currency handling is exercised. Weights are this project's choice, not measured.
CURRENCIES = {"USD": 50, "EUR": 25, "GBP": 5, "SEK": 5, "JPY": 5, "KES": 5, "CNY": 5}

_WORDS_EN = [
    "Urban",
    "Habitat",
    "Housing",
    "Land",
    "Water",
    "Planning",
    "Resilience",
    "Youth",
    "Women",
    "Community",
    "Development",
    "Settlements",
    "Cities",
    "Mobility",
    "Safety",
]
_WORDS_ZH = [
    "城市",
    "人居",
    "住房",
    "土地",
    "水",
    "规划",
    "复原力",
    "青年",
    "妇女",
    "社区",
    "发展",
    "住区",
    "城市群",
    "出行",
    "安全",
]
_SUFFIX = {
    "ngo": ("Association", "协会"),
    "academia": ("Institute", "研究所"),
    "private_sector": ("Company", "公司"),
    "foundation": ("Foundation", "基金会"),
    "network": ("Network", "网络"),
    "local_government": ("City Council", "市政府"),
    "national_government": ("Ministry", "部"),
}


def _weighted(counter: Counter) -> tuple[list, list[int]]:
    items = sorted(counter.items(), key=lambda kv: str(kv[0]))
    return [k for k, _ in items], [v for _, v in items]


@dataclass
class Shape:
    """Frequencies measured on the seed dataset."""

    categories: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    statuses: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)
    countries: Counter = field(default_factory=Counter)
    participants: Counter = field(default_factory=Counter)
    places: Counter = field(default_factory=Counter)
    themes: Counter = field(default_factory=Counter)
    years: Counter = field(default_factory=Counter)
    precisions: Counter = field(default_factory=Counter)

    @classmethod
    def of(cls, dataset: Dataset) -> Shape:
        shape = cls()
        for entry in dataset.organisations.values():
            if entry.paragraphs:
                shape.categories[entry.spec.category] += 1
        for entry in dataset.engagements.values():
            spec = entry.spec
            shape.kinds[spec.kind] += 1
            shape.statuses[spec.status] += 1
            shape.participants[len(entry.participants)] += 1
            shape.places[len(spec.places)] += 1
            shape.themes.update(spec.themes)
            shape.roles.update(role for _, role in entry.participants)
            shape.countries.update(p.country for p in spec.places if p.country)
            if spec.start:
                shape.years[spec.start.value.year] += 1
                shape.precisions[spec.start.precision] += 1
        shape.years[None] = len(dataset.engagements) - sum(shape.years.values())
        return shape


class Synthesiser:
    def __init__(self, shape: Shape, seed: int) -> None:
        self.shape = shape
        # Reproducible test data, not secrets.
        self.rng = random.Random(seed)  # noqa: S311
        self.zh = Locale("zh")
        self.theme_codes = list(Theme.objects.values_list("code", flat=True))
        known = set(Country.objects.values_list("code", flat=True))
        self.countries = Counter(
            {c: n for c, n in shape.countries.items() if c in known}
        )
        self.currencies = Counter(CURRENCIES)
        self._tables: dict[int, tuple[list, list[int]]] = {}

    def _table(self, counter: Counter) -> tuple[list, list[int]]:
        # Cumulative weights, computed once per counter: picks are the hot loop.
        table = self._tables.get(id(counter))
        if table is None:
            keys, weights = _weighted(counter)
            table = (keys, list(itertools.accumulate(weights)))
            self._tables[id(counter)] = table
        return table

    def pick(self, counter: Counter) -> object:
        keys, cumulative = self._table(counter)
        return self.rng.choices(keys, cum_weights=cumulative)[0]

    def picks(self, counter: Counter, k: int) -> Sequence:
        keys, cumulative = self._table(counter)
        return self.rng.choices(keys, cum_weights=cumulative, k=k)

    def organisation(self, index: int) -> dict[str, object]:
        category = str(self.pick(self.shape.categories))
        country = str(self.pick(self.countries))
        en_words = self.rng.sample(range(len(_WORDS_EN)), 2)
        suffix_en, suffix_zh = _SUFFIX.get(category, ("Organization", "组织"))
        country_zh = self.zh.territories.get(country, country)
        return {
            "key": f"SYN-O{index:07d}",
            "is_synthetic": True,
            "category": category,
            "country_id": country,
            "name_en": f"{' '.join(_WORDS_EN[i] for i in en_words)} {suffix_en} {index}",
            "name_zh": f"{country_zh}{''.join(_WORDS_ZH[i] for i in en_words)}{suffix_zh}{index}",
        }

    def dates(self) -> dict[str, object]:
        year = self.pick(self.shape.years)
        if year is None:
            return {}
        precision = str(self.pick(self.shape.precisions))
        month = self.rng.randint(1, 12) if precision != "year" else 1
        day = self.rng.randint(1, 28) if precision == "day" else 1
        start = dt.date(int(year), month, day)
        end = start + dt.timedelta(days=self.rng.randint(0, 3 * 365))
        return {
            "start_date": start,
            "start_precision": precision,
            "end_date": end,
            "end_precision": "day",
        }

    def engagement(self, index: int) -> dict[str, object]:
        kind = str(self.pick(self.shape.kinds))
        words = " ".join(self.rng.sample(_WORDS_EN, 3))
        return {
            "key": f"syn-e{index:08d}",
            "is_synthetic": True,
            "kind": kind,
            "status": str(self.pick(self.shape.statuses)),
            "title_en": f"{words} {kind} {index}",
            "title_zh": f"{''.join(self.rng.sample(_WORDS_ZH, 3))}{index}",
            **self.dates(),
        }


def _chunks(total: int, size: int) -> list[range]:
    return [range(i, min(i + size, total)) for i in range(0, total, size)]


def real_data_count() -> int:
    return (
        Organisation.objects.filter(is_synthetic=False).count()
        + Engagement.objects.filter(is_synthetic=False).count()
    )


def remove_synthetic() -> None:
    """Delete synthetic rows and their history with plain DELETEs: the ORM's cascade
    is too slow at scale. A cleaning tool's, not a service: nothing else deletes."""
    synthetic = "SELECT id FROM {engagement} WHERE is_synthetic"
    parts = (
        "SELECT p.id FROM {participation} p JOIN {engagement} e"
        " ON e.id = p.engagement_id WHERE e.is_synthetic"
    )
    history = "SELECT history_id FROM {engagement_history} WHERE is_synthetic"
    statements = [
        ("contribution_history", "participation_id", parts),
        ("contribution", "participation_id", parts),
        ("participation_history", "engagement_id", synthetic),
        ("participation", "engagement_id", synthetic),
        ("place_history", "engagement_id", synthetic),
        ("place", "engagement_id", synthetic),
        ("themes_history", "history_id", history),
        ("targets_history", "history_id", history),
        ("themes", "engagement_id", synthetic),
        ("targets", "engagement_id", synthetic),
    ]
    tables = _tables()
    with transaction.atomic(), connection.cursor() as cursor:
        for table, column, select in statements:
            cursor.execute(
                f"DELETE FROM {tables[table]} WHERE {column} IN ("  # noqa: S608
                + select.format(**tables)
                + ")"
            )
        for table in (
            "engagement_history",
            "engagement",
            "organisation_history",
            "organisation",
        ):
            cursor.execute(f"DELETE FROM {tables[table]} WHERE is_synthetic")  # noqa: S608


def _tables() -> dict[str, str]:
    """Quoted table names of the synthetic records and their history."""
    targets = Engagement._meta.get_field("sdg_targets")
    models = {
        "engagement": Engagement,
        "participation": Participation,
        "place": Place,
        "contribution": Contribution,
        "organisation": Organisation,
    }
    out = {}
    for name, model in models.items():
        out[name] = model._meta.db_table
        out[f"{name}_history"] = model.history.model._meta.db_table
    for name, relation in (("themes", THEMES), ("targets", targets)):
        out[name] = relation.remote_field.through._meta.db_table
        out[f"{name}_history"] = HistoricalRecords.m2m_models[relation]._meta.db_table
    return {name: connection.ops.quote_name(table) for name, table in out.items()}


def synthesise(
    *,
    organisations: int,
    engagements: int,
    seed: int,
    data_dir: Path,
    progress: Callable[[str], None] = lambda _: None,
) -> dict[str, int]:
    dataset = read_dataset(
        data_dir / "sources" / "HSP-HA-1-2-Add.2", data_dir / "reference"
    )
    maker = Synthesiser(Shape.of(dataset), seed)
    counts: Counter = Counter()
    org_ids: list[int] = []
    with transaction.atomic():
        for chunk in _chunks(organisations, BATCH):
            rows = [maker.organisation(i) for i in chunk]
            organisations_bulk_write(actor=SYNTH, new=rows)
            org_ids += [row["id"] for row in rows]
            counts["organisations"] = len(org_ids)
            progress(f"organisations: {counts['organisations']}/{organisations}")
        for chunk in _chunks(engagements, BATCH):
            _engagement_batch(maker, chunk, org_ids, counts)
            progress(f"engagements: {counts['engagements']}/{engagements}")
    # Fresh statistics, or the query planners guess badly on a million new rows.
    refresh_statistics()
    return dict(counts)


def _engagement_batch(
    maker: Synthesiser, chunk: range, org_ids: list[int], counts: Counter
) -> None:
    rng, shape = maker.rng, maker.shape
    rows = [maker.engagement(i) for i in chunk]
    themes: dict[str, set[str]] = {}
    parts: list[dict[str, object]] = []
    places: list[dict[str, object]] = []
    for row in rows:
        key = str(row["key"])
        size = max(1, int(maker.pick(shape.participants)))
        chosen = rng.sample(org_ids, min(size, len(org_ids)))
        roles = maker.picks(shape.roles, len(chosen))
        for org_id, role in zip(chosen, roles, strict=True):
            parts.append({"engagement": key, "organisation_id": org_id, "role": role})
        for _ in range(int(maker.pick(shape.places))):
            places.append(
                {"engagement": key, "country_id": maker.pick(maker.countries)}
            )
        themes[key] = set(maker.picks(shape.themes, rng.randint(1, 3)))
    engagements_bulk_write(actor=SYNTH, new=rows, themes=themes)
    ids = {row["key"]: row["id"] for row in rows}
    for row in parts + places:
        row["engagement_id"] = ids[row.pop("engagement")]
    created = set(ids.values())
    participations_bulk_write(actor=SYNTH, new=parts, created=created)
    money = [
        {
            "participation_id": part["id"],
            "amount": Decimal(rng.randrange(10_000, 20_000_000, 1_000)),
            "currency_id": maker.pick(maker.currencies),
            "value_date": dt.date(2018, 1, 1),
            "value_precision": "year",
        }
        for part in parts
        if part["role"] == "funder"
    ]
    contributions_bulk_write(actor=SYNTH, new=money, created=created)
    places_bulk_write(actor=SYNTH, new=places, created=created)
    counts.update(
        engagements=len(rows),
        participations=len(parts),
        places=len(places),
        contributions=len(money),
    )
