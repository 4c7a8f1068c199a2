"""Trigram indexes for substring search on PostgreSQL (pg_trgm).

Searches use Django's `icontains`, which PostgreSQL runs as
`UPPER(column::text) LIKE UPPER('%word%')`: a B-tree index cannot serve it, so without
these every search reads the whole table (at a million engagements, 0.3-0.5 s a
search). A GIN index over that same expression with `gin_trgm_ops` serves it.
pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
SQLite has no such index; there nothing is done.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations


def _name(table: str, column: str) -> str:
    return f"{table}_{column}_trgm"


def trigram_operation(table: str, columns: list[str]) -> migrations.RunPython:
    def forward(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for column in columns:
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{_name(table, column)}" ON "{table}" '
                f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
            )

    def backward(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        for column in columns:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{_name(table, column)}"')

    return migrations.RunPython(forward, backward, elidable=False)
