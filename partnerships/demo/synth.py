"""Synthetic registries for scale tests, drawn like the seed report's data.

The shape of the data (mix of categories, kinds, statuses, roles, countries, number
of participants, dates) is measured on the curated seed dataset; names are made up
from word lists and marked `is_synthetic`. The same seed gives the same data.
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
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import Max, Model
from django.utils import timezone

from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    Participation,
    Place,
)
from partnerships.core.upsert import refresh_statistics
from partnerships.reference.models import Country, Theme
from partnerships.registry.models import Organisation
from partnerships.sources.curated.dataset import Dataset, read_dataset

T = TypeVar("T")
BATCH = 5000

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
            "kind": kind,
            "status": str(self.pick(self.shape.statuses)),
            "title_en": f"{words} {kind} {index}",
            "title_zh": f"{''.join(self.rng.sample(_WORDS_ZH, 3))}{index}",
            **self.dates(),
        }


class RowWriter:
    """Plain multi-row INSERTs with ids given here: the ORM's bulk_create spends most
    of its time compiling SQL, which matters at a million rows."""

    def __init__(self) -> None:
        self.ops = connection.ops
        self.now = self.ops.adapt_datetimefield_value(timezone.now())
        self.next_id: dict[type[Model], int] = {}

    def ids(self, model: type[Model], count: int) -> range:
        if model not in self.next_id:
            top = model._default_manager.aggregate(top=Max("id"))["top"] or 0
            self.next_id[model] = top + 1
        first = self.next_id[model]
        self.next_id[model] = first + count
        return range(first, first + count)

    def insert(self, model: type[Model], rows: list[dict[str, object]]) -> list[int]:
        """Insert rows (dicts of column values, defaults filled in); returns their ids."""
        if not rows:
            return []
        fields = [f for f in model._meta.concrete_fields]
        columns = [f.column for f in fields]
        ids = self.ids(model, len(rows))
        values = []
        for row_id, row in zip(ids, rows, strict=True):
            values.append(tuple(self._value(f, row, row_id) for f in fields))
        table = connection.ops.quote_name(model._meta.db_table)
        names = ", ".join(connection.ops.quote_name(c) for c in columns)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # COPY is PostgreSQL's bulk path, an order of magnitude faster.
                with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in values:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(columns))
                # Table and column names come from the models, never from input.
                sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608
                cursor.executemany(sql, values)
        return list(ids)

    def _value(
        self, field: models.Field, row: dict[str, object], row_id: int
    ) -> object:
        if field.primary_key:
            return row_id
        name = field.attname
        if name in row:
            value = row[name]
        elif name in ("created_at", "updated_at"):
            return self.now
        elif name == "is_synthetic":
            value = True
        elif field.has_default():
            value = field.get_default()
        else:
            value = None
        if isinstance(value, dt.date):
            return self.ops.adapt_datefield_value(value)
        if isinstance(value, Decimal):
            return self.ops.adapt_decimalfield_value(value, 18, 2)
        return value

    def reset_sequences(self) -> None:
        statements = self.ops.sequence_reset_sql(no_style(), list(self.next_id))
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def _chunks(total: int, size: int) -> list[range]:
    return [range(i, min(i + size, total)) for i in range(0, total, size)]


def real_data_count() -> int:
    return (
        Organisation.objects.filter(is_synthetic=False).count()
        + Engagement.objects.filter(is_synthetic=False).count()
    )


def remove_synthetic() -> None:
    """Delete synthetic rows with plain DELETEs: the ORM's cascade is too slow at scale."""
    statements = [
        "DELETE FROM cooperation_contribution WHERE participation_id IN ("
        " SELECT p.id FROM cooperation_participation p"
        " JOIN cooperation_engagement e ON e.id = p.engagement_id WHERE e.is_synthetic)",
        "DELETE FROM cooperation_participation WHERE engagement_id IN ("
        " SELECT id FROM cooperation_engagement WHERE is_synthetic)",
        "DELETE FROM cooperation_place WHERE engagement_id IN ("
        " SELECT id FROM cooperation_engagement WHERE is_synthetic)",
        "DELETE FROM cooperation_engagement_themes WHERE engagement_id IN ("
        " SELECT id FROM cooperation_engagement WHERE is_synthetic)",
        "DELETE FROM cooperation_engagement WHERE is_synthetic",
        "DELETE FROM registry_organisation WHERE is_synthetic",
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


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
    writer = RowWriter()
    counts: Counter = Counter()
    org_ids: list[int] = []
    with transaction.atomic():
        for chunk in _chunks(organisations, BATCH):
            org_ids += writer.insert(
                Organisation, [maker.organisation(i) for i in chunk]
            )
            counts["organisations"] = len(org_ids)
            progress(f"organisations: {counts['organisations']}/{organisations}")
        for chunk in _chunks(engagements, BATCH):
            _engagement_batch(maker, writer, chunk, org_ids, counts)
            progress(f"engagements: {counts['engagements']}/{engagements}")
        writer.reset_sequences()
    # Fresh statistics, or the query planners guess badly on a million new rows.
    refresh_statistics()
    return dict(counts)


def _engagement_batch(
    maker: Synthesiser,
    writer: RowWriter,
    chunk: range,
    org_ids: list[int],
    counts: Counter,
) -> None:
    rng, shape = maker.rng, maker.shape
    engagement_ids = writer.insert(Engagement, [maker.engagement(i) for i in chunk])
    parts: list[dict[str, object]] = []
    places: list[dict[str, object]] = []
    themes: list[dict[str, object]] = []
    for engagement_id in engagement_ids:
        size = max(1, int(maker.pick(shape.participants)))
        chosen = rng.sample(org_ids, min(size, len(org_ids)))
        roles = maker.picks(shape.roles, len(chosen))
        for org_id, role in zip(chosen, roles, strict=True):
            parts.append(
                {
                    "engagement_id": engagement_id,
                    "organisation_id": org_id,
                    "role": role,
                }
            )
        for _ in range(int(maker.pick(shape.places))):
            places.append(
                {
                    "engagement_id": engagement_id,
                    "country_id": maker.pick(maker.countries),
                }
            )
        for code in set(maker.picks(shape.themes, rng.randint(1, 3))):
            themes.append({"engagement_id": engagement_id, "theme_id": code})
    part_ids = writer.insert(Participation, parts)
    money = [
        {
            "participation_id": part_id,
            "amount": Decimal(rng.randrange(10_000, 20_000_000, 1_000)),
            "currency_id": maker.pick(maker.currencies),
            "value_date": dt.date(2018, 1, 1),
            "value_precision": "year",
        }
        for part_id, part in zip(part_ids, parts, strict=True)
        if part["role"] == "funder"
    ]
    writer.insert(Contribution, money)
    writer.insert(Place, places)
    writer.insert(Engagement.themes.through, themes)
    counts.update(
        engagements=len(engagement_ids),
        participations=len(parts),
        places=len(places),
        contributions=len(money),
    )
