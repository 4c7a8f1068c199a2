"""CSV is written a batch of rows at a time, and only a batch holding a cell that
begins like a formula is written cell by cell: every such cell, wherever it sits
among thousands of plain ones, still gets its apostrophe, and nothing else does."""

from __future__ import annotations

import csv
import io
import random
from decimal import Decimal

from partnerships.core import tables

STARTS = ["=", "+", "-", "@", "\t", "\r"]


def _rows(count: int, seed: int) -> list[list]:
    chance = random.Random(seed)
    rows = []
    for number in range(count):
        row = [f"key-{number}", "plain text, with a comma", "", None, number]
        if chance.random() < 0.002:
            row[chance.randrange(2)] = chance.choice(STARTS) + "SUM(A1)"
        if chance.random() < 0.001:
            row[4] = Decimal("-12.5")
        rows.append(row)
    return rows


def _expected(row: list) -> list[str]:
    """How a spreadsheet reader should get each cell back: text beginning like a
    formula behind an apostrophe, numbers and None as csv writes them."""
    out = []
    for value in row:
        if isinstance(value, str):
            out.append("'" + value if value[:1] in STARTS else value)
        else:
            out.append("" if value is None else str(value))
    return out


def test_every_formula_like_cell_is_made_harmless_and_no_other():
    rows = _rows(20_000, seed=16)
    assert sum(any(str(v)[:1] in "=+@\t\r" for v in r) for r in rows) > 10
    body = b"".join(tables.csv_chunks(["a", "b", "c", "d", "n"], rows))
    read = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert read[0] == ["a", "b", "c", "d", "n"]
    assert read[1:] == [_expected(row) for row in rows]


def test_a_lone_formula_in_the_last_cell_of_a_batch_is_caught():
    rows = [["x", "y"]] * (tables.BATCH - 1) + [["x", "=cmd|' /C calc'!A0"]]
    body = b"".join(tables.csv_chunks(["a", "b"], rows)).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(body)))[-1] == ["x", "'=cmd|' /C calc'!A0"]
