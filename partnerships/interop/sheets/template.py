"""The spreadsheet format: three sheets, their columns, and how a workbook is laid out.

Export, template and import share these definitions, so an exported workbook can be
edited and imported back (docs/spreadsheets.md).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from partnerships.cooperation.models import Kind, Role, Status
from partnerships.core import limits
from partnerships.core.languages import UN_LANGUAGES
from partnerships.registry.categories import Category

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

# openpyxl (and numpy and Pillow, which it loads) is imported where a workbook is
# made or read, not with this module: the app registers its exporters at start-up,
# and a console command that makes no workbook should not pay for it.

ORGANISATIONS = "organisations"
ENGAGEMENTS = "engagements"
PARTICIPATIONS = "participations"
SHEETS = (ORGANISATIONS, ENGAGEMENTS, PARTICIPATIONS)

SEPARATOR = "; "
# A spreadsheet program takes a cell beginning with one of these for a formula.
FORMULA_START = ("=", "+", "-", "@")

NAMES = [f"name_{lang}" for lang in UN_LANGUAGES]
TITLES = [f"title_{lang}" for lang in UN_LANGUAGES]

# Yes-or-no columns: the record's flags, read and written as `yes` or `no`.
YES, NO = "yes", "no"
FLAGS: dict[str, tuple[str, ...]] = {
    ORGANISATIONS: ("is_published",),
    ENGAGEMENTS: ("is_published", "is_confidential"),
}
# A cell Excel holds as a boolean reads as "True" or "False".
_FLAG_TEXT = {YES: True, NO: False, "true": True, "false": False}

COLUMNS: dict[str, list[str]] = {
    ORGANISATIONS: [
        "key",
        *NAMES,
        "acronyms",
        "short_names",
        "category",
        "iati_type",
        "country",
        "parent",
        "website",
        "identifiers",
        *FLAGS[ORGANISATIONS],
    ],
    ENGAGEMENTS: [
        "key",
        "kind",
        "status",
        *TITLES,
        "start",
        "end",
        "parent",
        "countries",
        "regions",
        "themes",
        "sdg_targets",
        "sources",
        *FLAGS[ENGAGEMENTS],
    ],
    PARTICIPATIONS: [
        "organisation",
        "engagement",
        "organisation_name_en",
        "organisation_name_zh",
        "engagement_title_en",
        "engagement_title_zh",
        "role",
        "amount",
        "currency",
        "value_date",
    ],
}

# Shown for reading; the import neither requires nor writes them.
READ_ONLY: dict[str, frozenset[str]] = {
    ORGANISATIONS: frozenset({"acronyms", "short_names", "iati_type", "identifiers"}),
    ENGAGEMENTS: frozenset({"sources"}),
    PARTICIPATIONS: frozenset(
        {
            "organisation_name_en",
            "organisation_name_zh",
            "engagement_title_en",
            "engagement_title_zh",
        }
    ),
}

# Columns a workbook may lack (one written before they existed): left out, the
# records keep their own values, and new records take the defaults.
OPTIONAL: dict[str, frozenset[str]] = {
    sheet: frozenset(names) for sheet, names in FLAGS.items()
}

# Closed lists offered as drop-downs in the template.
CHOICES: dict[tuple[str, str], list[str]] = {
    (ORGANISATIONS, "category"): list(Category.values),
    (ENGAGEMENTS, "kind"): list(Kind.values),
    (ENGAGEMENTS, "status"): list(Status.values),
    (PARTICIPATIONS, "role"): list(Role.values),
    **{(sheet, name): [YES, NO] for sheet, names in FLAGS.items() for name in names},
}

_WIDE = {"website": 30, "sources": 30, "identifiers": 28}
TEMPLATE_ROWS = 500
LISTS = "lists"


def width(column: str) -> int:
    if column in _WIDE:
        return _WIDE[column]
    if column.startswith(("name_", "title_", "organisation_name", "engagement_title")):
        return 40
    return max(12, len(column) + 2)


def join(values: Iterable[str]) -> str:
    return SEPARATOR.join(values)


def yes_no(value: bool) -> str:
    return YES if value else NO


def read_flags(
    sheet: str, record: dict[str, str], err: Callable[[str, str], None]
) -> dict[str, bool]:
    """The flags a row gives (`yes` or `no`, in any case); a blank cell gives none."""
    found = {}
    for name in FLAGS.get(sheet, ()):
        text = record.get(name, "").lower()
        if text in _FLAG_TEXT:
            found[name] = _FLAG_TEXT[text]
        elif text:
            err(name, f"{record[name]!r} is neither {YES!r} nor {NO!r}.")
    return found


def split(text: str) -> list[str]:
    """A list cell: values separated by ";" (spaces around them do not matter)."""
    return [part.strip() for part in text.split(";") if part.strip()]


def new_workbook() -> tuple[Workbook, dict[str, Worksheet]]:
    """A workbook with the three sheets, each with its header bold and frozen."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    sheets = {}
    bold = Font(bold=True)
    for name in SHEETS:
        sheet = book.create_sheet(name)
        for index, column in enumerate(COLUMNS[name], start=1):
            cell = sheet.cell(row=1, column=index, value=column)
            cell.font = bold
            sheet.column_dimensions[get_column_letter(index)].width = width(column)
        sheet.freeze_panes = "A2"
        sheets[name] = sheet
    return book, sheets


def append_row(sheet: Worksheet, row: Sequence[Any]) -> None:
    """Append values; text that looks like a formula is stored as text."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    number = sheet.max_row + 1
    for index, value in enumerate(row, start=1):
        if value is None or value == "":
            continue
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell = sheet.cell(row=number, column=index, value=value)
        if isinstance(value, str):
            # openpyxl makes any "=..." a formula; "s" keeps it a plain string.
            cell.data_type = "s"
            cell.number_format = "@"


def to_bytes(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def template_bytes() -> bytes:
    """The empty template: the three sheets, with drop-downs for the closed lists.

    The lists live on a hidden sheet, since a list typed into a validation is
    limited to 255 characters; the import ignores sheets other than the three.
    """
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book, sheets = new_workbook()
    lists = book.create_sheet(LISTS)
    lists.sheet_state = "hidden"
    for number, ((sheet_name, column), values) in enumerate(CHOICES.items(), 1):
        source = get_column_letter(number)
        lists.cell(row=1, column=number, value=column)
        for row, value in enumerate(values, start=2):
            lists.cell(row=row, column=number, value=value)
        area = f"{LISTS}!${source}$2:${source}${len(values) + 1}"
        check = DataValidation(type="list", formula1=area, allow_blank=True)
        check.error = "Choose a value from the list."
        sheets[sheet_name].add_data_validation(check)
        letter = get_column_letter(COLUMNS[sheet_name].index(column) + 1)
        check.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
    return to_bytes(book)


@dataclass(frozen=True)
class Problem:
    """Something wrong in a workbook, where a person can find it."""

    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = [
            f"sheet {self.sheet}" if self.sheet else "",
            f"row {self.row}" if self.row else "",
            f"column {self.column}" if self.column else "",
        ]
        place = ", ".join(part for part in where if part)
        return f"{place}: {self.message}" if place else self.message


Rows = dict[str, list[tuple[int, dict[str, str]]]]


def cell_text(value: Any) -> str:
    """A cell as the text it shows; a number typed as 2019 is the text "2019"."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return str(Decimal(repr(value)))
    return str(value).strip()


def _open_book(path: Path | str) -> tuple[Any, str]:
    """The workbook, or why it cannot be read (refused unread when unpacking it
    would cost too much)."""
    from openpyxl import load_workbook

    try:
        limits.check_archive(path, _("Workbook"))
        return load_workbook(path), ""
    except limits.TooCostly as error:
        return None, str(error)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds
        return None, _("The file cannot be read as an .xlsx workbook (%(error)s).") % {
            "error": error
        }


def read_workbook(path: Path | str) -> tuple[Rows, list[Problem]]:
    """The rows of the three sheets, keyed by Excel row number, and form problems."""
    book, refusal = _open_book(path)
    if book is None:
        return {}, [Problem("", 0, "", refusal)]
    rows: Rows = {name: [] for name in SHEETS}
    problems = []
    for name in SHEETS:
        if name not in book.sheetnames:
            problems.append(Problem(name, 0, "", f"The sheet {name!r} is missing."))
            continue
        lines = book[name].iter_rows()
        header = [cell_text(c.value) for c in next(lines, ())]
        optional = OPTIONAL.get(name, frozenset())
        missing = [c for c in COLUMNS[name] if c not in header and c not in optional]
        if missing:
            problems.append(
                Problem(name, 1, ", ".join(missing), "These columns are missing.")
            )
            continue
        for cells in lines:
            record = {}
            for column, cell in zip(header, cells, strict=False):
                if column not in COLUMNS[name]:
                    continue
                if cell.data_type == "f":
                    message = "Formulas are not read; type the value itself."
                    problems.append(Problem(name, cell.row, column, message))
                record[column] = cell_text(cell.value)
            if any(record.values()):
                rows[name].append((cells[0].row, record))
    return rows, problems
