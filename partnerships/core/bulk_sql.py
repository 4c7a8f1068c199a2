"""The SQL under `core/bulk.py`: rows given as their columns' values, inserted
with multi-row `INSERT ... RETURNING` (SQLite) or `COPY` with keys drawn from the
table's sequence (PostgreSQL), or without reading their keys back.

On PostgreSQL the rows go to COPY as text made here, a column at a time
(`_copy_text`): the values of the types the bulk writer gives (text, integers,
decimals, dates, datetimes, booleans, JSON already encoded by `core/bulk.py`)
written as psycopg's own dumpers write them, so the server stores the same
values; a batch holding any other type goes through psycopg's `write_row`."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import cache, partial
from typing import Any

from django.db import connection, models

# Values per INSERT: the backend's limit (SQLite: 999), else PostgreSQL's 65535
# less a margin; fewer, larger statements mean fewer round trips.
BATCH_PARAMS = 30000


@cache
def _columns(model: type[models.Model]) -> tuple[tuple[str, str, Any], ...]:
    """(attname, quoted column, adapter or None) of every column but an auto pk."""
    out = []
    for field in model._meta.concrete_fields:
        if field.primary_key and isinstance(field, models.AutoField):
            continue
        adapt = None
        if isinstance(
            field, (models.DateTimeField, models.DecimalField, models.JSONField)
        ):
            adapt = field
        out.append((field.attname, connection.ops.quote_name(field.column), adapt))
    return tuple(out)


def _write(model: type[models.Model], params: Sequence[Sequence[Any]]) -> list[int]:
    """Insert rows given as their columns' values (`_columns`' order)."""
    if connection.vendor == "postgresql":
        return _insert_copy(model, params)
    columns = _columns(model)
    names = ", ".join(quoted for _, quoted, _ in columns)
    pk = connection.ops.quote_name(model._meta.pk.column)
    table = connection.ops.quote_name(model._meta.db_table)
    limit = connection.features.max_query_params or BATCH_PARAMS
    per_statement = max(1, min(limit, BATCH_PARAMS) // len(columns))
    sqlite = connection.vendor == "sqlite"
    mark = "?" if sqlite else "%s"
    one = "(" + ", ".join([mark] * len(columns)) + ")"
    keys: list[int] = []
    with connection.cursor() as cursor:
        # On SQLite, the driver's own execute: qmark placeholders need no
        # rewriting of a statement of thousands of them.
        execute = (
            partial(sqlite3.Cursor.execute, cursor.cursor) if sqlite else cursor.execute
        )
        for start in range(0, len(params), per_statement):
            batch = params[start : start + per_statement]
            with connection.wrap_database_errors:  # Django's errors, as ever
                execute(
                    f"INSERT INTO {table} ({names}) VALUES "  # noqa: S608
                    f"{', '.join([one] * len(batch))} RETURNING {pk}",
                    [value for row in batch for value in row],
                )
            keys += [found[0] for found in cursor.fetchall()]
    return keys


def _write_keyless(model: type[models.Model], params: Sequence[Sequence[Any]]) -> None:
    """Insert rows given as their columns' values, their keys left to the
    database and not read back: one prepared statement run for every row
    (SQLite's `executemany`), or one COPY (PostgreSQL)."""
    columns = _columns(model)
    names = ", ".join(quoted for _, quoted, _ in columns)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor, connection.wrap_database_errors:
        if connection.vendor == "postgresql":
            statement = f"COPY {table} ({names}) FROM STDIN"
            with cursor.cursor.copy(statement) as copy:
                _copy_rows(copy, params)
            return
        mark = "?" if connection.vendor == "sqlite" else "%s"
        one = "(" + ", ".join([mark] * len(columns)) + ")"
        statement = f"INSERT INTO {table} ({names}) VALUES {one}"  # noqa: S608
        if connection.vendor == "sqlite":
            sqlite3.Cursor.executemany(cursor.cursor, statement, params)
        else:
            cursor.executemany(statement, params)


def _insert_copy(
    model: type[models.Model], params: Sequence[Sequence[Any]]
) -> list[int]:
    """PostgreSQL: keys drawn from the table's sequence, then one COPY.

    COPY is PostgreSQL's bulk path; a multi-row INSERT costs the driver more to
    build than the server to run.
    """
    columns = _columns(model)
    names = ", ".join(quoted for _, quoted, _ in columns)
    pk = model._meta.pk.column
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) "
            "FROM generate_series(1, %s) ORDER BY 1",
            [connection.ops.quote_name(table), pk, len(params)],
        )
        keys = [found[0] for found in cursor.fetchall()]
        quoted = connection.ops.quote_name
        statement = f"COPY {quoted(table)} ({quoted(pk)}, {names}) FROM STDIN"
        with connection.wrap_database_errors, cursor.cursor.copy(statement) as copy:
            _copy_rows(copy, params, keys)
    return keys


# Rows per piece of COPY text: bounds the text held at once.
COPY_ROWS = 5000
_NULL = "\\N"
# The characters COPY's text format escapes with a backslash.
_SPECIAL = ("\\", "\t", "\n", "\r")
# Types written as `str()` writes them, as psycopg's text dumpers do: ISO dates,
# `2026-12-04 14:10:39.123456+00:00`, decimals as given. Not bool (a subclass of
# int): `t` and `f`.
_AS_STR = frozenset({int, Decimal, date, datetime})


def _copy_rows(
    copy: Any, params: Sequence[Sequence[Any]], keys: Sequence[int] = ()
) -> None:
    """Write rows (each after its key, when `keys` are given) to a COPY."""
    if keys and len(keys) != len(params):
        raise ValueError("one key per row")
    for start in range(0, len(params), COPY_ROWS):
        rows = params[start : start + COPY_ROWS]
        first = keys[start : start + COPY_ROWS]
        text = _copy_text(rows, first)
        if text is not None:
            copy.write(text)
        elif first:
            for key, row in zip(first, rows, strict=True):
                copy.write_row([key, *row])
        else:
            for row in rows:
                copy.write_row(row)


def _copy_text(rows: Sequence[Sequence[Any]], keys: Sequence[int] = ()) -> str | None:
    """The rows in COPY's text format, or None when a value is of a type not
    written here. One pass per column: each column's types are looked at once,
    and a text column is escaped only when its values hold a character to
    escape."""
    columns: list[Sequence[str]] = [list(map(str, keys))] if keys else []
    for column in zip(*rows, strict=True):
        types = set(map(type, column))
        nullable = type(None) in types
        types.discard(type(None))
        if all(issubclass(kind, str) for kind in types):
            # Choices are str subclasses: joined as their value, as psycopg's
            # str dumper writes them.
            present = [v for v in column if v is not None] if nullable else column
            joined = "".join(present)
            if any(special in joined for special in _SPECIAL):
                column = [_NULL if v is None else _escape(v) for v in column]
            elif nullable:
                column = [_NULL if v is None else v for v in column]
        elif types <= _AS_STR:
            column = (
                [_NULL if v is None else str(v) for v in column]
                if nullable
                else list(map(str, column))
            )
        elif types == {bool}:
            column = [_NULL if v is None else ("t" if v else "f") for v in column]
        else:
            return None
        columns.append(column)
    return "".join([line + "\n" for line in map("\t".join, zip(*columns, strict=True))])


def _escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
    )
