"""The query planner's statistics kept through schema changes.

On SQLite, Django alters a column by copying its table into a new one (a
"remake"); the copy starts without the statistics ANALYZE gathered for the old
one, and SQLite never gathers them by itself. At a million rows a table without
them is planned blind: a page that took milliseconds can take minutes (seen on
the portal's dashboard after `cooperation` 0016). A migration that alters a
field therefore ends with `statistics_of(...)` for every table it changes, and
a test holds every new migration to it (`tests/core/test_migration_statistics.py`).
"""

from __future__ import annotations

from django.db import migrations


def refresh_statistics(connection=None, tables: tuple[str, ...] = ()) -> None:
    """Let the query planner see what a bulk load changed (PostgreSQL here may run
    without autovacuum, and SQLite never gathers statistics by itself): every
    table, or only `tables`."""
    if connection is None:
        from django.db import connection
    with connection.cursor() as cursor:
        if not tables:
            cursor.execute("ANALYZE")
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


def _analyze(tables: tuple[str, ...]):
    def run(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "sqlite":
            # PostgreSQL keeps a table's statistics through ALTER TABLE.
            refresh_statistics(schema_editor.connection, tables)

    run.tables = tables  # what it analyses, for tests/core/test_migration_statistics
    return run


def statistics_of(*tables: str) -> list[migrations.RunPython]:
    """Two operations: put the first before a migration's field changes and the
    last after them, so that the tables' statistics are gathered again after
    the change is applied, and after it is unapplied."""
    analyze = _analyze(tables)
    noop = migrations.RunPython.noop
    return [
        migrations.RunPython(noop, analyze, elidable=False),
        migrations.RunPython(analyze, noop, elidable=False),
    ]
