"""Spreadsheet exports of organisations, engagements and participations.

Each exporter is a small registered class whose `render` returns
`(filename, mimetype, bytes)`. They read only through the permission layer
(`*_visible_to(actor)`), so an export shows what its reader may see and no more.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from typing import Any, BinaryIO

from django.db.models import Prefetch, QuerySet

from partnerships.cooperation.visibility import (
    engagements_visible_to,
    participations_visible_to,
)
from partnerships.core.actor import Actor
from partnerships.core.dates import format_fuzzy
from partnerships.core.exporters import Exporter, exporter, register
from partnerships.core.languages import UN_LANGUAGES
from partnerships.interop.sheets.template import (
    COLUMNS,
    ENGAGEMENTS,
    FORMULA_START,
    ORGANISATIONS,
    PARTICIPATIONS,
    SHEETS,
    append_row,
    join,
    new_workbook,
    to_bytes,
    yes_no,
)
from partnerships.registry.visibility import organisations_visible_to
from partnerships.sources.visibility import evidence_visible_to

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
ZIP = "application/zip"

Row = list[Any]


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

    def write(
        self,
        stream: BinaryIO,
        actor: Actor,
        *,
        queryset: QuerySet | None = None,
        fmt: str = "csv",
    ) -> None:
        if fmt == "xlsx":
            book, sheets = new_workbook()
            for name in SHEETS:
                if name != self.identifier:
                    book.remove(sheets[name])
            for row in self.rows(actor, queryset):
                append_row(sheets[self.identifier], row)
            stream.write(to_bytes(book))
        else:
            stream.write(csv_bytes(self.identifier, self.rows(actor, queryset)))


@register
class OrganisationsSheet(SheetExporter):
    identifier = ORGANISATIONS
    verbose_name = "Organisations (CSV or Excel)"

    def rows(self, actor: Actor, queryset: QuerySet | None = None) -> Iterator[Row]:
        visible = organisations_visible_to(actor)
        shown_parents = set(visible.values_list("pk", flat=True))
        chosen = (
            _restrict(visible, queryset)
            .order_by("key")
            .select_related("parent")
            .prefetch_related("other_names", "identifiers")
        )
        for org in chosen:
            names = {"acronym": [], "short": []}
            for other in sorted(
                org.other_names.all(), key=lambda n: UN_LANGUAGES.index(n.lang)
            ):
                if other.kind in names:
                    names[other.kind].append(other.value)
            parent = org.parent.key if org.parent_id in shown_parents else ""
            yield [
                org.key,
                *(getattr(org, f"name_{lang}") for lang in UN_LANGUAGES),
                join(names["acronym"]),
                join(names["short"]),
                org.category,
                org.iati_type_code,
                org.country_id or "",
                parent,
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
        shown_parents = set(visible.values_list("pk", flat=True))
        evidence = (
            evidence_visible_to(actor)
            .select_related("passage__document")
            .order_by("passage__document__symbol", "passage__number")
        )
        chosen = (
            _restrict(visible, queryset)
            .order_by("key")
            .select_related("parent")
            .prefetch_related(
                "places", "themes", "sdg_targets", Prefetch("evidence", evidence)
            )
        )
        for eng in chosen.iterator(chunk_size=2000):
            places = list(eng.places.all())
            yield [
                eng.key,
                eng.kind,
                eng.status,
                *(getattr(eng, f"title_{lang}") for lang in UN_LANGUAGES),
                format_fuzzy(eng.start_date, eng.start_precision) or "",
                format_fuzzy(eng.end_date, eng.end_precision) or "",
                eng.parent.key if eng.parent_id in shown_parents else "",
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
        for part in chosen:
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


def _csv_text(value: Any) -> Any:
    # A CSV cell has no type, so text that a spreadsheet would run as a formula is
    # quoted with an apostrophe, as spreadsheet programs do themselves.
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return "" if value is None else value


def csv_bytes(identifier: str, rows: Iterator[Row]) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel reads the Chinese names right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS[identifier])
    for row in rows:
        writer.writerow([_csv_text(value) for value in row])
    return out.getvalue().encode("utf-8-sig")


@register
class WorkbookExport(SheetExporter):
    """The three tables as one workbook, one sheet each."""

    identifier = "workbook"
    verbose_name = "Organisations, engagements and participations (Excel)"

    def filename(self, **options: Any) -> str:
        return "partnerships.xlsx"

    def content_type(self, **options: Any) -> str:
        return XLSX

    def write(self, stream: BinaryIO, actor: Actor, **options: Any) -> None:
        if options.get("queryset") is not None:
            raise ValueError("The workbook holds every table; it takes no selection.")
        book, sheets = new_workbook()
        for name in SHEETS:
            for row in _sheet(name).rows(actor):
                append_row(sheets[name], row)
        stream.write(to_bytes(book))


@register
class CsvBundleExport(SheetExporter):
    """The three tables as three CSV files in one zip."""

    identifier = "csv-bundle"
    verbose_name = "Organisations, engagements and participations (CSV, zipped)"

    def filename(self, **options: Any) -> str:
        return "partnerships-csv.zip"

    def content_type(self, **options: Any) -> str:
        return ZIP

    def write(self, stream: BinaryIO, actor: Actor, **options: Any) -> None:
        if options.get("queryset") is not None:
            raise ValueError("The bundle holds every table; it takes no selection.")
        with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as bundle:
            for name in SHEETS:
                filename, _, body = _sheet(name).render(actor)
                bundle.writestr(filename, body)


def _sheet(name: str) -> SheetExporter:
    found = exporter(name)
    assert isinstance(found, SheetExporter)
    return found
