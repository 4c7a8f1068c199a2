"""The SQLite full-text indexes find what `LIKE '%word%'` finds, and follow every
insert, change and deletion (their triggers)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection

from partnerships.cooperation.models import Engagement
from partnerships.core.fulltext import fulltext_condition, fulltext_ids, mend_triggers
from partnerships.registry.models import Organisation
from partnerships.sources.models import Passage

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="the FTS5 indexes are SQLite's"
    ),
]

TITLES = ["title_en", "title_zh"]


def _like(model: type, columns: list[str], word: str) -> set[int]:
    """The ids Python finds by itself, reading every row (ASCII case folded, as
    SQLite's LIKE)."""
    rows = model.objects.values_list("pk", *columns)
    return {
        pk
        for pk, *texts in rows
        if any(word.lower() in (text or "").lower() for text in texts)
    }


@pytest.mark.parametrize(
    ("model", "columns", "word"),
    [
        (Organisation, ["key", "name_en", "name_fr", "name_es"], "habitat"),
        (Organisation, ["key", "name_en", "name_fr", "name_es"], "Nations"),
        (Organisation, ["name_zh"], "联合国"),
        (Organisation, ["name_zh"], "开发"),
        (Engagement, TITLES, "urban"),
        (Engagement, TITLES, "住房"),
        (Passage, ["text"], "人居署"),
        (Passage, ["text"], "Habitat"),
    ],
)
def test_the_index_finds_exactly_what_reading_every_row_finds(model, columns, word):
    expected = _like(model, columns, word)
    table = model._meta.db_table
    if len(word) >= 3:
        assert expected, word  # the seed has some: the comparison means something
        found = set(
            model.objects.filter(fulltext_condition(table, columns, word)).values_list(
                "pk", flat=True
            )
        )
        assert found == expected
        assert set(fulltext_ids(table, columns, word, 10_000)) == expected
    else:
        assert fulltext_ids(table, columns, word, 10) is None  # too short: LIKE


def test_a_renamed_or_deleted_organisation_leaves_the_index(db):
    table, columns = Organisation._meta.db_table, ["name_en"]
    org = Organisation.objects.create(
        key="FTS-TEST", category="ngo", name_en="Zanzibar Quokka Trust"
    )
    assert fulltext_ids(table, columns, "quokka", 5) == [org.pk]
    org.name_en = "Zanzibar Wombat Trust"
    org.save()
    assert fulltext_ids(table, columns, "quokka", 5) == []
    assert fulltext_ids(table, columns, "wombat", 5) == [org.pk]
    org.delete()
    assert fulltext_ids(table, columns, "wombat", 5) == []


def test_migrate_mends_an_index_whose_triggers_a_remade_table_lost(db):
    """SQLite drops a table's triggers with it, and Django alters a column on
    SQLite by making the table anew: after any `migrate`, the index's triggers
    are back and the index holds what was written while they were gone."""
    table, columns = Organisation._meta.db_table, ["name_en"]
    with connection.cursor() as cursor:
        for suffix in ("ai", "ad", "au"):
            cursor.execute(f'DROP TRIGGER "{table}_fts_{suffix}"')
    unseen = Organisation.objects.create(
        key="FTS-GONE", category="ngo", name_en="Tristan Albatross Trust"
    )
    assert fulltext_ids(table, columns, "albatross", 5) == []  # the index fell behind

    call_command("migrate", verbosity=0)

    assert fulltext_ids(table, columns, "albatross", 5) == [unseen.pk]
    later = Organisation.objects.create(
        key="FTS-LATER", category="ngo", name_en="Gough Albatross Society"
    )
    assert sorted(fulltext_ids(table, columns, "albatross", 5)) == sorted(
        [unseen.pk, later.pk]
    )
    assert mend_triggers() == []  # nothing missing: nothing done
