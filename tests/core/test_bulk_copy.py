"""The bulk writer's own COPY text (PostgreSQL) stores what psycopg's `write_row`
stores, value for value, and a batch holding a type it does not write goes
through `write_row`."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.db import connection, models

from partnerships.core.bulk_sql import _copy_rows, _copy_text


class Colour(models.TextChoices):
    RED = "red", "Red"


AWARE = dt.datetime(2026, 12, 4, 14, 10, 39, 123456, tzinfo=dt.UTC)
ROWS = [
    [
        "plain",
        "tab\there, line\nthere, return\r and back\\slash \\N",
        Colour.RED,
        7,
        Decimal("-1234567.89"),
        dt.date(2022, 12, 31),
        AWARE,
        True,
        json.dumps({"a": 'quote " and \\ and \n', "b": [1, 2.5, None]}),
    ],
    [None, "", None, None, Decimal("1E+3"), None, None, False, None],
    ["\\N", "é 中文 ع", "x", -3, None, dt.date(1, 1, 1), AWARE, None, "[]"],
]


def test_the_text_is_copys_format_written_by_hand():
    assert (
        _copy_text([ROWS[1]], [41]) == "41\t\\N\t\t\\N\t\\N\t1E+3\t\\N\t\\N\tf\t\\N\n"
    )
    (line,) = _copy_text([ROWS[0][:3]]).splitlines()
    assert line.split("\t") == [
        "plain",
        "tab\\there, line\\nthere, return\\r and back\\\\slash \\\\N",
        "red",
    ]
    # A literal backslash-N is text, not NULL.
    assert _copy_text([["\\N"], [None]]) == "\\\\N\n\\N\n"
    assert _copy_text([[AWARE, True]]) == "2026-12-04 14:10:39.123456+00:00\tt\n"


def test_a_value_of_another_type_is_left_to_psycopg():
    assert _copy_text([[1.5]]) is None
    assert _copy_text([["text"], [3]]) is None  # text and numbers in one column
    with pytest.raises(ValueError, match="one key per row"):
        _copy_rows(None, ROWS, [1])


COLUMNS = (
    "n integer, a text, b text, c text, d bigint, e numeric(20, 2), f date, "
    "g timestamptz, h boolean, j jsonb"
)


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
@pytest.mark.parametrize("pieces", [1000, 2])
def test_postgresql_stores_the_same_as_write_row(monkeypatch, pieces):
    monkeypatch.setattr("partnerships.core.bulk_sql.COPY_ROWS", pieces)
    floats = [[*row[:-1], 0.5] for row in ROWS]  # not written here: write_row
    with connection.cursor() as cursor:
        raw = cursor.cursor
        for table in ("ours", "theirs", "fallback"):
            raw.execute(f"CREATE TEMPORARY TABLE {table} ({COLUMNS})")
        with raw.copy("COPY ours FROM STDIN") as copy:
            _copy_rows(copy, ROWS, [1, 2, 3])
        with raw.copy("COPY theirs FROM STDIN") as copy:
            for key, row in enumerate(ROWS, 1):
                copy.write_row([key, *row])
        with raw.copy(
            "COPY fallback (n, a, b, c, d, e, f, g, h, j) FROM STDIN"
        ) as copy:
            _copy_rows(copy, [[n, *row] for n, row in enumerate(floats, 1)])
        read = {}
        for table in ("ours", "theirs", "fallback"):
            raw.execute(f"SELECT * FROM {table} ORDER BY n")
            read[table] = raw.fetchall()
    assert read["ours"] == read["theirs"]
    assert len(read["ours"]) == 3
    assert read["ours"][0][2] == ROWS[0][1]
    # Django reads jsonb back as its text.
    assert json.loads(read["ours"][0][-1]) == {
        "a": 'quote " and \\ and \n',
        "b": [1, 2.5, None],
    }
    assert [row[:-1] for row in read["fallback"]] == [row[:-1] for row in read["ours"]]
    assert [json.loads(row[-1]) for row in read["fallback"]] == [0.5] * 3
