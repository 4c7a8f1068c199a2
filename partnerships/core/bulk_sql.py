"""The SQL under `core/bulk.py`: rows given as their columns' values, inserted
with multi-row `INSERT ... RETURNING` (SQLite) or `COPY` with keys drawn from the
table's sequence (PostgreSQL), or without reading their keys back."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from functools import cache, partial
from typing import Any

import orjson
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


def json_value(field: models.JSONField, value: dict | list) -> Any:
    """A JSON column's value for the driver, encoded in C (orjson) when the
    field has no encoder of its own; what orjson refuses or would write
    otherwise than `json.dumps`, the ORM's encoder (keys that are not text,
    integers past 64 bits, dates, ...), is converted or refused by it as ever.
    On PostgreSQL psycopg encodes it as it writes the row: no encoded copy
    stays in memory meanwhile."""
    if field.encoder is not None:
        return field.get_db_prep_save(value, connection)
    if connection.vendor == "postgresql":
        from psycopg.types.json import Jsonb

        return Jsonb(value, dumps=_dumps)
    return _dumps(value).decode()


def _dumps(value: Any) -> bytes:
    try:
        return orjson.dumps(value, option=_STRICT)
    except TypeError:
        return json.dumps(value).encode()


# orjson writes dates, dataclasses and subclasses of dict, list and str
# itself; json.dumps refuses the first two and may write the last otherwise.
_STRICT = (
    orjson.OPT_PASSTHROUGH_DATETIME
    | orjson.OPT_PASSTHROUGH_DATACLASS
    | orjson.OPT_PASSTHROUGH_SUBCLASS
)


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
                for row in params:
                    copy.write_row(row)
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
            for key, row in zip(keys, params, strict=True):
                copy.write_row([key, *row])
    return keys
