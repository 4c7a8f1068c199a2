"""A workbook's problems never tell an editor of a record it may not see: a
deleted organisation's key reads like any organisation it may not change
(issue 16, item 2)."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from partnerships.accounts.models import Profile, Role
from partnerships.interop.sheets.template import COLUMNS
from partnerships.registry.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db


def _cell(sheet, row: int, column: str, value: str) -> None:
    sheet.cell(row=row, column=COLUMNS[sheet.title].index(column) + 1, value=value)


def test_a_deleted_organisation_reads_like_one_the_editor_may_not_change(
    tmp_path, django_user_model
):
    editor = django_user_model.objects.create_user(username="ed", password="x" * 16)
    profile = Profile.objects.create(user=editor, role=Role.EDITOR)
    profile.regions.set(["002"])
    keys = {"gone": factories.organisation(country="NP").key}
    keys["seen"] = factories.organisation(country="NP").key
    Organisation.objects.filter(key=keys["gone"]).update(deleted_at=timezone.now())
    path = tmp_path / "book.xlsx"
    call_command("export_sheets", "-o", str(path), stdout=io.StringIO())
    book = openpyxl.load_workbook(path)
    sheet = book["organisations"]
    found = [c.row for c in sheet["A"] if c.value == keys["seen"]]
    for key, row in [(keys["gone"], sheet.max_row + 1), (keys["seen"], *found)]:
        _cell(sheet, row, "key", key)
        _cell(sheet, row, "category", "ngo")
        _cell(sheet, row, "name_en", f"Renamed {key}")
    book.save(path)

    with pytest.raises(CommandError) as raised:
        call_command("import_sheets", str(path), "--as", "ed", stdout=io.StringIO())

    said = str(raised.value)
    assert f"You may not change the organisation {keys['seen']}." in said
    assert f"You may not change the organisation {keys['gone']}." in said
    assert "deleted" not in said


def test_not_even_an_administrator_s_workbook_touches_a_deleted_organisation(
    tmp_path, admin_user
):
    gone = factories.organisation(country="NP")
    Organisation.objects.filter(pk=gone.pk).update(deleted_at=timezone.now())
    path = tmp_path / "book.xlsx"
    call_command("export_sheets", "-o", str(path), stdout=io.StringIO())
    book = openpyxl.load_workbook(path)
    sheet = book["organisations"]
    row = sheet.max_row + 1
    for column, value in [("key", gone.key), ("category", "ngo"), ("name_en", "New")]:
        _cell(sheet, row, column, value)
    book.save(path)

    with pytest.raises(CommandError, match=f"{gone.key} was deleted"):
        call_command(
            "import_sheets",
            str(path),
            "--as",
            admin_user.username,
            stdout=io.StringIO(),
        )
    gone.refresh_from_db()
    assert (gone.name_en, gone.version) == (f"Test organisation {gone.key}", 1)
