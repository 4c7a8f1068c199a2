"""Full-text indexes for substring search on SQLite (FTS5, trigram tokenizer).

Searches look for a word anywhere in a name or title (`icontains`: "habitat" in
"UN-Habitat", 开发 in 联合国开发计划署). SQLite runs that as `LIKE '%word%'`, which
reads every row: at a million engagements a word found in no title read every
title (seconds a search). An FTS5 table with the `trigram` tokenizer answers the
same question from an index: a quoted phrase of three characters or more matches
where `LIKE '%phrase%'` would (case folded), so results do not change, only how they
are found. Shorter words (水, "UN") have no trigram: the caller falls back to LIKE.

Each table is an external-content FTS5 table (`<table>_fts`, rowid = the row's id):
it holds only the index, kept up to date by triggers, and is filled once by its
migration. PostgreSQL has its own trigram indexes (`core/trigram.py`); there nothing
is done and `fulltext_ids` answers None.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import connection, migrations
from django.db.models import Q
from django.db.models.expressions import RawSQL

SHORTEST = 3  # characters: a trigram index cannot serve fewer


def fts_table(table: str) -> str:
    return f"{table}_fts"


def _create(table: str, columns: list[str]) -> list[str]:
    fts = fts_table(table)
    cols = ", ".join(f'"{c}"' for c in columns)
    new = ", ".join(f'new."{c}"' for c in columns)
    old = ", ".join(f'old."{c}"' for c in columns)
    # Trigger bodies: every name comes from the migration's code, no value at all.
    delete = (
        f'INSERT INTO "{fts}"("{fts}", rowid, {cols}) '
        f"VALUES('delete', old.id, {old});"
    )
    insert = f'INSERT INTO "{fts}"(rowid, {cols}) VALUES (new.id, {new});'  # noqa: S608
    return [
        f'CREATE VIRTUAL TABLE IF NOT EXISTS "{fts}" USING fts5({cols}, '
        f"content='{table}', content_rowid='id', tokenize='trigram')",
        f'CREATE TRIGGER IF NOT EXISTS "{fts}_ai" AFTER INSERT ON "{table}" '
        f"BEGIN {insert} END",
        f'CREATE TRIGGER IF NOT EXISTS "{fts}_ad" AFTER DELETE ON "{table}" '
        f"BEGIN {delete} END",
        f'CREATE TRIGGER IF NOT EXISTS "{fts}_au" AFTER UPDATE OF {cols} ON "{table}" '
        f"BEGIN {delete} {insert} END",
        f'INSERT INTO "{fts}"("{fts}") VALUES(\'rebuild\')',
    ]


def fulltext_operation(table: str, columns: list[str]) -> migrations.RunPython:
    """A migration step: the FTS5 index of `columns` of `table` (SQLite only)."""

    def forward(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor != "sqlite":
            return
        for statement in _create(table, columns):
            schema_editor.execute(statement)

    def backward(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor != "sqlite":
            return
        fts = fts_table(table)
        for suffix in _SUFFIXES:
            schema_editor.execute(f'DROP TRIGGER IF EXISTS "{fts}_{suffix}"')
        schema_editor.execute(f'DROP TABLE IF EXISTS "{fts}"')

    return migrations.RunPython(forward, backward, elidable=False)


_SUFFIXES = ("ai", "ad", "au")
_INDEX = re.compile(
    r"CREATE VIRTUAL TABLE \"?(?P<fts>\w+)\"? USING fts5\((?P<cols>.*?),\s*"
    r"content='(?P<table>\w+)'",
    re.IGNORECASE | re.DOTALL,
)


def mend_triggers(using: str = "default") -> list[str]:
    """Make again the triggers of every full-text index whose triggers are gone,
    and rebuild that index; the tables mended.

    SQLite drops a table's triggers with it, and Django alters a column on SQLite
    by making the table anew: a later migration touching an indexed table would
    otherwise leave its index silently behind every later write. Run after every
    `migrate` (`core.apps`); a no-op when nothing is missing."""
    from django.db import connections

    conn = connections[using]
    if conn.vendor != "sqlite":
        return []
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' "
            "AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"
        )
        indexes = [
            found for (sql,) in cursor.fetchall() if (found := _INDEX.search(sql))
        ]
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = {name for (name,) in cursor.fetchall()}
        mended = []
        for index in indexes:
            fts = index["fts"]
            if all(f"{fts}_{suffix}" in triggers for suffix in _SUFFIXES):
                continue
            columns = [c.strip().strip('"') for c in index["cols"].split(",")]
            for statement in _create(index["table"], columns):
                cursor.execute(statement)
            mended.append(index["table"])
    return mended


def usable(text: str) -> bool:
    """Whether the full-text index can answer `text` on this database."""
    return connection.vendor == "sqlite" and len(text.strip()) >= SHORTEST


def match_expression(text: str, columns: list[str]) -> str:
    """`text` as one FTS5 phrase (a substring, with the trigram tokenizer), in
    `columns` only."""
    phrase = '"' + text.strip().replace('"', '""') + '"'
    return "{" + " ".join(columns) + "} : " + phrase


def fulltext_ids(
    table: str, columns: list[str], text: str, most: int, order: str = "rank"
) -> list[int] | None:
    """Up to `most` ids of rows of `table` whose `columns` contain `text`, best
    first by BM25 (`order="rank"`) or newest first (`order="newest"`); the limit is
    applied inside the index, before any join. None when the index cannot answer
    (PostgreSQL, or fewer than three characters): the caller uses LIKE."""
    if not usable(text):
        return None
    fts = fts_table(table)
    by = "rank" if order == "rank" else "rowid DESC"
    with connection.cursor() as cursor:
        cursor.execute(
            # Names come from the code (tables and columns); the words and the
            # limit are parameters.
            f'SELECT rowid FROM "{fts}" WHERE "{fts}" MATCH %s '  # noqa: S608
            f"ORDER BY {by} LIMIT %s",
            [match_expression(text, columns), most],
        )
        return [row[0] for row in cursor.fetchall()]


def fulltext_condition(table: str, columns: list[str], text: str) -> Q:
    """`pk__in` every row of `table` whose `columns` contain `text`, from the
    index, unlimited (a download of every match); only where `usable`."""
    fts = fts_table(table)
    # Names come from the code (tables and columns); the words are a parameter.
    sql = f'SELECT rowid FROM "{fts}" WHERE "{fts}" MATCH %s'  # noqa: S608
    return Q(pk__in=RawSQL(sql, [match_expression(text, columns)]))  # noqa: S611
