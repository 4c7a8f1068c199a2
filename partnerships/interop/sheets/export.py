"""Spreadsheet exports of organisations, engagements and participations.

Each exporter is a small registered class whose `chunks` hands out the file in
pieces (CSV as it is written; Excel written row by row in openpyxl's write-only
mode, then read back), so memory stays flat however many rows there are; `render`
returns `(filename, mimetype, bytes)` for small ones. They read only through the permission layer
(`*_visible_to(actor)`), so an export shows what its reader may see and no more.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from operator import attrgetter
from typing import Any

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from partnerships.cooperation.visibility import (
    engagements_visible_to,
    participations_visible_to,
)
from partnerships.core.actor import Actor
from partnerships.core.dates import format_fuzzy
from partnerships.core.exporters import Exporter, Pieces, exporter, register
from partnerships.core.languages import UN_LANGUAGES
from partnerships.core.tables import Sheet, csv_chunks, xlsx_chunks
from partnerships.interop.sheets.template import (
    COLUMNS,
    ENGAGEMENTS,
    ORGANISATIONS,
    PARTICIPATIONS,
    SHEETS,
    join,
    width,
    yes_no,
)
from partnerships.registry.visibility import organisations_visible_to
from partnerships.sources.visibility import evidence_visible_to

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
ZIP = "application/zip"

Row = list[Any]
CHUNK = 2000  # records read from the database at a time
# One call per row for the six languages' columns, not six attribute lookups.
_NAMES = attrgetter(*(f"name_{lang}" for lang in UN_LANGUAGES))
_TITLES = attrgetter(*(f"title_{lang}" for lang in UN_LANGUAGES))


def _parent_key(visible: QuerySet) -> Subquery:
    """The parent's key when the reader may see the parent, else None (one
    subquery, rather than a set of every visible key held in memory)."""
    return Subquery(visible.filter(pk=OuterRef("parent_id")).values("key")[:1])


def _restrict(visible: QuerySet, queryset: QuerySet | None) -> QuerySet:
    """The caller's selection, never wider than what the reader may see."""
    if queryset is None:
        return visible
    return visible.filter(pk__in=queryset.values("pk"))


class SheetExporter(Exporter):
    """One table: its rows as the actor sees them, as CSV (`fmt="csv"`, the
    default) or a one-sheet workbook (`fmt="xlsx"`)."""

    extension = "csv"
    mimetype = CSV

    def rows(self, actor: Actor, queryset: QuerySet | None = None) -> Iterator[Row]:
        raise NotImplementedError

    def filename(self, *, fmt: str = "csv", **options: Any) -> str:
        return f"{self.identifier}.{fmt}"

    def content_type(self, *, fmt: str = "csv", **options: Any) -> str:
        return XLSX if fmt == "xlsx" else CSV

    def chunks(
        self,
        actor: Actor,
        *,
        queryset: QuerySet | None = None,
        fmt: str = "csv",
    ) -> Iterator[bytes]:
        rows = self.rows(actor, queryset)
        if fmt == "xlsx":
            return xlsx_chunks([_sheet_of(self.identifier, rows)])
        return csv_chunks(COLUMNS[self.identifier], rows)


@register
class OrganisationsSheet(SheetExporter):
    identifier = ORGANISATIONS
    verbose_name = "Organisations (CSV or Excel)"

    def rows(self, actor: Actor, queryset: QuerySet | None = None) -> Iterator[Row]:
        visible = organisations_visible_to(actor)
        chosen = (
            _restrict(visible, queryset)
            .annotate(shown_parent=_parent_key(visible))
            .order_by("key")
            .prefetch_related("other_names", "identifiers")
        )
        for org in chosen.iterator(chunk_size=CHUNK):
            names = {"acronym": [], "short": []}
            for other in sorted(
                org.other_names.all(), key=lambda n: UN_LANGUAGES.index(n.lang)
            ):
                if other.kind in names:
                    names[other.kind].append(other.value)
            yield [
                org.key,
                *_NAMES(org),
                join(names["acronym"]),
                join(names["short"]),
                org.category,
                org.iati_type_code,
                org.country_id or "",
                org.shown_parent or "",
                org.website,
                join(f"{i.scheme}:{i.value}" for i in org.identifiers.all()),
                yes_no(org.is_published),
            ]


def _sources(engagement: Any) -> str:
    seen: list[str] = []
    for evidence in engagement.evidence.all():
        citation = f"{evidence.passage.document.symbol} ¶{evidence.passage.number}"
        if citation not in seen:
            seen.append(citation)
    return join(seen)


@register
class EngagementsSheet(SheetExporter):
    identifier = ENGAGEMENTS
    verbose_name = "Engagements (CSV or Excel)"

    def rows(self, actor: Actor, queryset: QuerySet | None = None) -> Iterator[Row]:
        visible = engagements_visible_to(actor)
        evidence = (
            evidence_visible_to(actor)
            .select_related("passage__document")
            .order_by("passage__document__symbol", "passage__number")
        )
        chosen = (
            _restrict(visible, queryset)
            .annotate(shown_parent=_parent_key(visible))
            .order_by("key")
            .prefetch_related(
                "places", "themes", "sdg_targets", Prefetch("evidence", evidence)
            )
        )
        for eng in chosen.iterator(chunk_size=CHUNK):
            places = list(eng.places.all())
            yield [
                eng.key,
                eng.kind,
                eng.status,
                *_TITLES(eng),
                format_fuzzy(eng.start_date, eng.start_precision) or "",
                format_fuzzy(eng.end_date, eng.end_precision) or "",
                eng.shown_parent or "",
                join(sorted({p.country_id for p in places if p.country_id})),
                join(sorted({p.region_id for p in places if p.region_id})),
                join(sorted(t.code for t in eng.themes.all())),
                join(sorted(t.code for t in eng.sdg_targets.all())),
                _sources(eng),
                yes_no(eng.is_published),
                yes_no(eng.is_confidential),
            ]


@register
class ParticipationsSheet(SheetExporter):
    """One row per contribution; a participation without money has one row."""

    identifier = PARTICIPATIONS
    verbose_name = "Participations (CSV or Excel)"

    def rows(self, actor: Actor, queryset: QuerySet | None = None) -> Iterator[Row]:
        chosen = (
            _restrict(participations_visible_to(actor), queryset)
            .select_related("organisation", "engagement")
            .prefetch_related("contributions")
            .order_by("engagement__key", "organisation__key", "role")
        )
        for part in chosen.iterator(chunk_size=CHUNK):
            org, eng = part.organisation, part.engagement
            head = [
                org.key,
                eng.key,
                org.name_en,
                org.name_zh,
                eng.title_en,
                eng.title_zh,
                part.role,
            ]
            money = list(part.contributions.all())
            if not money:
                yield [*head, None, "", ""]
            for c in money:
                value = format_fuzzy(c.value_date, c.value_precision) or ""
                yield [*head, c.amount, c.currency_id, value]


def _sheet_of(identifier: str, rows: Iterator[Row]) -> Sheet:
    return Sheet(identifier, COLUMNS[identifier], rows, width)


@register
class WorkbookExport(SheetExporter):
    """The three tables as one workbook, one sheet each."""

    identifier = "workbook"
    verbose_name = "Organisations, engagements and participations (Excel)"

    def filename(self, **options: Any) -> str:
        return "partnerships.xlsx"

    def content_type(self, **options: Any) -> str:
        return XLSX

    def chunks(self, actor: Actor, **options: Any) -> Iterator[bytes]:
        if options.get("queryset") is not None:
            raise ValueError("The workbook holds every table; it takes no selection.")
        # Each sheet's rows are read while that sheet is written, one at a time.
        return xlsx_chunks(_sheet_of(name, _sheet(name).rows(actor)) for name in SHEETS)


@register
class CsvBundleExport(SheetExporter):
    """The three tables as three CSV files in one zip."""

    identifier = "csv-bundle"
    verbose_name = "Organisations, engagements and participations (CSV, zipped)"

    def filename(self, **options: Any) -> str:
        return "partnerships-csv.zip"

    def content_type(self, **options: Any) -> str:
        return ZIP

    def chunks(self, actor: Actor, **options: Any) -> Iterator[bytes]:
        if options.get("queryset") is not None:
            raise ValueError("The bundle holds every table; it takes no selection.")
        sink = Pieces()
        # zipfile writes to a stream it cannot seek with data descriptors, so
        # each member goes out as it is compressed.
        with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as bundle:
            for name in SHEETS:
                with bundle.open(f"{name}.csv", "w", force_zip64=True) as member:
                    for piece in _sheet(name).chunks(actor):
                        member.write(piece)
                        yield sink.take()
        yield sink.take()


def _sheet(name: str) -> SheetExporter:
    found = exporter(name)
    assert isinstance(found, SheetExporter)
    return found
