"""Every list of the portal as CSV or Excel, through the same permission layer and
filters as the page it comes from.

Small registered tables (`DOWNLOADS`): a header and a generator of rows read with
`.iterator()`, so a download never holds the list in memory. CSV streams row by
row; Excel (openpyxl's write-only workbook) writes its rows to a temporary file
that is then streamed.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from partnerships.cooperation.models import Participation
from partnerships.core.actor import Actor
from partnerships.core.dates import format_fuzzy
from partnerships.core.languages import localized
from partnerships.portal import browse, selectors
from partnerships.portal import search as site_search
from partnerships.portal.forms import DirectoryForm
from partnerships.portal.language import content_language
from partnerships.registry.models import Organisation

CHUNK = 2000
EXCEL_ROWS = 1_000_000  # a sheet holds 1 048 576 rows
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Rows = Iterator[list[Any]]


@dataclass(frozen=True)
class Table:
    header: list[Any]
    rows: Callable[[Actor, Mapping[str, str], str], Rows]


def _text(obj: Any, base: str, lang: str) -> str:
    return localized(obj, base, lang).text


def _organisation_rows(actor: Actor, params: Mapping[str, str], base: str) -> Rows:
    form = DirectoryForm(params or None)
    query = form.query() if form.is_valid() else selectors.DirectoryQuery()
    lang = content_language()
    for org in selectors.directory_queryset(actor, query).iterator(CHUNK):
        yield _organisation_row(org, lang, base)


def _organisation_row(org: Organisation, lang: str, base: str) -> list[Any]:
    return [
        org.key,
        _text(org, "name", lang),
        org.name_en,
        org.get_category_display(),
        org.country_id or "",
        org.website,
        f"{base}/organisations/{org.key}/",
    ]


def _engagement_rows(actor: Actor, params: Mapping[str, str], base: str) -> Rows:
    parts = Participation.objects.select_related("organisation").order_by("role")
    qs = browse.with_rows_context(browse.engagements_matching(actor, params))
    qs = qs.prefetch_related(
        Prefetch("participations", queryset=parts), "themes", "sdg_targets"
    )
    lang = content_language()
    for e in qs.iterator(CHUNK):
        yield [
            e.key,
            _text(e, "title", lang),
            e.title_en,
            e.get_kind_display(),
            e.get_status_display(),
            format_fuzzy(e.start_date, e.start_precision) or "",
            format_fuzzy(e.end_date, e.end_precision) or "",
            "; ".join(sorted({p.country_id for p in e.places.all()})),
            "; ".join(t.code for t in e.themes.all()),
            "; ".join(t.code for t in e.sdg_targets.all()),
            "; ".join(
                f"{p.organisation.key} ({p.get_role_display()})"
                for p in e.participations.all()
            ),
            f"{base}/engagements/{e.key}/",
        ]


def _search_rows(actor: Actor, params: Mapping[str, str], base: str) -> Rows:
    text = params.get("q", "")[:200]
    lang = content_language()
    found = site_search.everything(actor, text)
    records = [
        (
            _("Organisation"),
            "organisations",
            "name",
            (f.organisation for f in found.organisations),
        ),
        (_("Engagement"), "engagements", "title", found.engagements.iterator(CHUNK)),
    ]
    for label, path, base_name, items in records:
        for item in items:
            url = f"{base}/{path}/{item.key}/"
            yield [label, item.key, _text(item, base_name, lang), url]
    for p in found.passages.iterator(CHUNK):
        url = f"{base}/documents/{p.document.symbol}/#p{p.number}"
        yield [_("Passage"), f"{p.document.symbol} ¶{p.number}", p.text, url]


DOWNLOADS: dict[str, Table] = {
    "organisations": Table(
        [
            _("Key"),
            _("Name"),
            _("Name (English)"),
            _("Category"),
            _("Country"),
            _("Website"),
            _("Page"),
        ],
        _organisation_rows,
    ),
    "engagements": Table(
        [
            _("Key"),
            _("Title"),
            _("Title (English)"),
            _("Kind"),
            _("Status"),
            _("Start"),
            _("End"),
            _("Countries"),
            _("Themes"),
            _("SDG targets"),
            _("Participants"),
            _("Page"),
        ],
        _engagement_rows,
    ),
    "search": Table([_("Type"), _("Key"), _("Name or text"), _("Page")], _search_rows),
}


def _safe(value: Any) -> Any:
    """Text a spreadsheet would take for a formula, quoted (CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return "" if value is None else str(value)


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(table: Table, rows: Rows) -> Iterator[str]:
    """The lines of a CSV file, one at a time (a BOM first, for Excel)."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([str(h) for h in table.header])
    for row in rows:
        yield writer.writerow([_safe(v) for v in row])


def excel_file(table: Table, rows: Rows) -> Any:
    """A temporary file holding the workbook, rewound; rows beyond EXCEL_ROWS are
    left out (a sheet cannot hold them; the CSV has them all)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append([str(h) for h in table.header])
    for count, row in enumerate(rows):
        if count >= EXCEL_ROWS:
            break
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=str(value) if value else "")
            cell.data_type = "s"  # never a formula, whatever the text starts with
            cells.append(cell)
        sheet.append(cells)
    handle = tempfile.TemporaryFile()
    book.save(handle)
    handle.seek(0)
    return handle
