"""A migration that changes a field makes Django remake the table on SQLite, and
the remade table has no planner statistics: every such migration ends by gathering
them again (`core/planner.statistics_of`), for every table it changes. Without it,
the portal's dashboard at a million engagements went from seconds to more than five
minutes after `cooperation` 0016 (docs/iati.md)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection, migrations
from django.db.migrations.loader import MigrationLoader

# Written before statistics were kept: the tables they remade were analysed again
# by the loading commands that filled them (`load`, `load-demo`, `synth`), or were
# small. Only ever shorter.
BEFORE = {
    ("cooperation", "0004_drop_deleted_at_index"),
    ("cooperation", "0009_consultation_kind_observer_role"),
    ("cooperation", "0010_history_without_column_indexes"),
    ("interop", "0003_stored_in_the_storage"),
    ("registry", "0003_drop_deleted_at_index"),
    ("sources", "0003_document_revisions"),
    ("sources", "0004_history_without_column_indexes"),
}
REMAKING = (migrations.AlterField, migrations.RemoveField)


def _ours() -> list:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return [
        migration
        for (label, _name), migration in loader.disk_migrations.items()
        if apps.get_app_config(label).name.startswith("partnerships.")
    ]


def _remade_tables(migration) -> set[str]:
    tables = set()
    for operation in migration.operations:
        if isinstance(operation, REMAKING):
            model = apps.get_model(migration.app_label, operation.model_name)
            tables.add(model._meta.db_table)
    return tables


def _analysed_tables(migration) -> tuple[set[str], set[str]]:
    """The tables the migration's first and last operations analyse."""

    def of(operation, which: str) -> set[str]:
        if not isinstance(operation, migrations.RunPython):
            return set()
        return set(getattr(getattr(operation, which), "tables", ()))

    operations = migration.operations
    return of(operations[0], "reverse_code"), of(operations[-1], "code")


def test_every_migration_that_remakes_a_table_gathers_its_statistics_again():
    missing = {}
    for migration in _ours():
        key = (migration.app_label, migration.name)
        remade = _remade_tables(migration)
        if not remade or key in BEFORE:
            continue
        before, after = _analysed_tables(migration)
        if not (remade <= before and remade <= after):
            missing[key] = sorted(remade - (before & after))
    assert missing == {}


@pytest.mark.django_db
def test_the_statistics_are_there_after_the_operation_runs():
    from partnerships.core.planner import statistics_of

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL keeps statistics through ALTER TABLE")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE planner_probe (id integer PRIMARY KEY, k int)")
        cursor.execute("CREATE INDEX planner_probe_k ON planner_probe (k)")
        cursor.executemany(
            "INSERT INTO planner_probe (k) VALUES (%s)", [(i % 7,) for i in range(50)]
        )
    last = statistics_of("planner_probe")[1]
    last.code(apps, SimpleNamespace(connection=connection))
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'planner_probe'")
        assert cursor.fetchone()[0] >= 1
