"""Spreadsheets carry whether a record is published and confidential; deleted
records are left out of exports."""

import datetime as dt

import openpyxl
import pytest
from django.core.management import CommandError

from partnerships.cooperation.models import Engagement
from partnerships.interop.sheets.template import COLUMNS
from partnerships.registry.models import Organisation
from tests.interop.test_sheets import _export, _import, _row_of, _set

pytestmark = pytest.mark.django_db

DELETED = dt.datetime(2025, 1, 2, tzinfo=dt.UTC)


def _cell(sheet, key, column):
    return sheet.cell(
        row=_row_of(sheet, "key", key), column=COLUMNS[sheet.title].index(column) + 1
    ).value


def test_an_export_shows_the_flags_and_leaves_deleted_records_out(tmp_path, admin_user):
    Engagement.objects.filter(key="p040-psup").update(
        is_confidential=True, is_published=False
    )
    gone = Engagement.objects.exclude(key="p040-psup").order_by("key")[0].key
    Engagement.objects.filter(key=gone).update(deleted_at=DELETED)
    Organisation.objects.filter(key="UNDP").update(is_published=False)
    Organisation.objects.filter(key="ITDP").update(deleted_at=DELETED)

    book = openpyxl.load_workbook(_export(tmp_path, "--as", "root"))

    engs, orgs = book["engagements"], book["organisations"]
    assert _cell(engs, "p040-psup", "is_published") == "no"
    assert _cell(engs, "p040-psup", "is_confidential") == "yes"
    keys = {row[0] for row in engs.iter_rows(2, values_only=True)}
    assert gone not in keys and len(keys) > 100
    assert _cell(orgs, "UNDP", "is_published") == "no"
    assert _cell(orgs, "UNEP", "is_published") == "yes"
    assert "ITDP" not in {row[0] for row in orgs.iter_rows(2, values_only=True)}


def test_flags_changed_in_a_workbook_are_imported_once(tmp_path, admin_user):
    path = _export(tmp_path, "--as", "root")
    book = openpyxl.load_workbook(path)
    engs, orgs = book["engagements"], book["organisations"]
    row = _row_of(engs, "key", "p040-psup")
    _set(engs, row, "is_published", "No")
    _set(engs, row, "is_confidential", "YES")
    _set(orgs, _row_of(orgs, "key", "UNDP"), "is_published", "no")
    new = engs.max_row + 1
    for column, value in {
        "key": "sheets-new-hidden",
        "kind": "project",
        "title_en": "A new hidden project",
        "is_published": "no",
    }.items():
        _set(engs, new, column, value)
    book.save(path)

    printed = _import(path, "--as", "root")

    assert "engagements updated: 1" in printed
    engagement = Engagement.objects.get(key="p040-psup")
    assert engagement.is_confidential and not engagement.is_published
    assert not Organisation.objects.get(key="UNDP").is_published
    created = Engagement.objects.get(key="sheets-new-hidden")
    assert not created.is_published and not created.is_confidential
    assert "Nothing to change" in _import(path, "--as", "root")


def test_a_flag_that_is_neither_yes_nor_no_is_refused(tmp_path, admin_user):
    path = _export(tmp_path, "--as", "root")
    book = openpyxl.load_workbook(path)
    row = _row_of(book["engagements"], "key", "p040-psup")
    _set(book["engagements"], row, "is_confidential", "maybe")
    book.save(path)

    with pytest.raises(CommandError) as raised:
        _import(path, "--as", "root")

    assert (
        f"sheet engagements, row {row}, column is_confidential: 'maybe' is neither "
        "'yes' nor 'no'." in str(raised.value)
    )
    assert not Engagement.objects.get(key="p040-psup").is_confidential


def test_a_workbook_without_the_flag_columns_keeps_the_records_flags(
    tmp_path, admin_user
):
    Engagement.objects.filter(key="p040-psup").update(is_published=False)
    path = _export(tmp_path, "--as", "root")
    book = openpyxl.load_workbook(path)
    engs = book["engagements"]
    row = _row_of(engs, "key", "p040-psup")
    _set(engs, row, "title_en", "Edited in an old workbook")
    first_flag = COLUMNS["engagements"].index("is_published") + 1
    engs.delete_cols(first_flag, 2)
    book["organisations"].delete_cols(
        COLUMNS["organisations"].index("is_published") + 1
    )
    book.save(path)

    assert "engagements updated: 1" in _import(path, "--as", "root")

    engagement = Engagement.objects.get(key="p040-psup")
    assert engagement.title_en == "Edited in an old workbook"
    assert not engagement.is_published
