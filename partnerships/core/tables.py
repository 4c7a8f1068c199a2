"""Tables written in pieces: CSV as it goes, Excel in openpyxl's write-only mode.

Both take a header and an iterator of rows (lists of values) and never hold more
than one piece of the file: CSV hands out about `PIECE` bytes at a time; a
workbook is written row by row to a temporary file (a zip must be finished
before it can be read), which `file_chunks` then hands out.

Text that a spreadsheet program would run as a formula is made harmless: in CSV,
where a cell has no type, it is prefixed with an apostrophe, as spreadsheet
programs do themselves; in a workbook it is stored as a typed string, so it
reads back exactly as it was.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain, islice
from typing import IO, TYPE_CHECKING, Any

from partnerships.core.exporters import PIECE, file_chunks

# openpyxl (and numpy and PIL, which it imports) is loaded when a workbook is
# written, not when the exporters are registered: the CLI starts without it
# (tests/test_cli.py).
if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# A spreadsheet program takes a cell beginning with one of these for a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"

Row = Sequence[Any]


# Rows are written to CSV a batch at a time: a batch is looked at as a whole for
# a cell that begins like a formula (rare), and only a batch holding one is
# written cell by cell with the apostrophes.
BATCH = 512
_SEPARATOR = "\x00"
_FORMULA_LIKE = re.compile(
    "|".join(re.escape(_SEPARATOR + start) for start in FORMULA_START)
)


def _formula_like(batch: list[Row]) -> bool:
    """Whether a cell of the batch may begin like a formula (a number's minus
    sign counts: such a batch is only written the careful way)."""
    cells = chain.from_iterable(batch)
    try:
        joined = _SEPARATOR + _SEPARATOR.join(cells)
    except TypeError:  # numbers, None: looked at as text
        joined = _SEPARATOR + _SEPARATOR.join(map(str, chain.from_iterable(batch)))
    return _FORMULA_LIKE.search(joined) is not None


def _harmless(row: Row) -> list[Any]:
    return [
        "'" + v if v.__class__ is str and v.startswith(FORMULA_START) else v
        for v in row
    ]


def csv_chunks(
    header: Row, rows: Iterable[Row], *, bom: bool = True
) -> Iterator[bytes]:
    """UTF-8 CSV (with a byte-order mark, so that Excel reads Chinese and Arabic
    right) in pieces of about PIECE bytes."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if bom:
        out.write(BOM)
    writer.writerow(header)
    rows = iter(rows)
    while batch := list(islice(rows, BATCH)):
        # csv writes None as an empty cell; only formula-like text needs a look.
        if _formula_like(batch):
            writer.writerows(map(_harmless, batch))
        else:
            writer.writerows(batch)
        if out.tell() >= PIECE:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
    yield out.getvalue().encode("utf-8")


class Sheet:
    """One sheet of a workbook: its name, header, rows, and column widths."""

    def __init__(
        self,
        name: str,
        header: Row,
        rows: Iterable[Row],
        width: Callable[[str], int] | None = None,
    ) -> None:
        self.name, self.header, self.rows, self.width = name, header, rows, width


def xlsx_spool(sheets: Iterable[Sheet]) -> IO[bytes]:
    """A temporary file holding the workbook, each sheet written row by row in
    write-only mode with its header bold and frozen; positioned at its start."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for sheet in sheets:
        _write_sheet(book.create_sheet(sheet.name), sheet)
    spool = tempfile.TemporaryFile()
    try:
        book.save(spool)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return spool


def xlsx_chunks(sheets: Iterable[Sheet]) -> Iterator[bytes]:
    return file_chunks(xlsx_spool(sheets))


def _write_sheet(target: WriteOnlyWorksheet, sheet: Sheet) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    if sheet.width is not None:
        for index, column in enumerate(sheet.header, start=1):
            letter = get_column_letter(index)
            target.column_dimensions[letter].width = sheet.width(column)
    target.freeze_panes = "A2"
    bold = Font(bold=True)
    head = []
    for column in sheet.header:
        cell = WriteOnlyCell(target, value=column)
        cell.font = bold
        head.append(cell)
    target.append(head)
    for row in sheet.rows:
        target.append([_cell(target, v) if v.__class__ is str else v for v in row])


def _cell(target: WriteOnlyWorksheet, value: str) -> Any:
    """Text as text: characters XML cannot hold are dropped, and text beginning
    with "=" (which openpyxl would write as a formula) is a typed string."""
    if not value.isprintable():
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if not value.startswith("="):
        return value or None
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(target, value=value)
    cell.data_type = "s"
    return cell
