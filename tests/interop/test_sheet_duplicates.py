"""A spreadsheet row that would create a second record of a known organisation is
refused: the registry's one resolver (registry/resolve.py) is asked first."""

import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from partnerships.interop.sheets.template import COLUMNS
from partnerships.registry.models import Organisation

pytestmark = pytest.mark.django_db


def _export(tmp_path):
    out = tmp_path / "export.xlsx"
    call_command("export_sheets", "-o", str(out), stdout=io.StringIO())
    return out


def _add_organisation(path, **values):
    book = openpyxl.load_workbook(path)
    sheet = book["organisations"]
    row = sheet.max_row + 1
    for column, value in values.items():
        sheet.cell(
            row=row, column=COLUMNS["organisations"].index(column) + 1
        ).value = value
    book.save(path)
    return row


@pytest.mark.parametrize(
    "name", ["United Nations Development Programme", "联合国开发计划署"]
)
def test_a_new_key_for_a_known_name_is_refused_naming_the_key_to_use(
    tmp_path, admin_user, name
):
    path = _export(tmp_path)
    column = "name_zh" if name.startswith("联") else "name_en"
    row = _add_organisation(path, key="UNDP-AGAIN", category="un", **{column: name})
    count = Organisation.objects.count()

    with pytest.raises(CommandError) as raised:
        call_command("import_sheets", str(path), "--as", "root", stdout=io.StringIO())

    message = str(raised.value)
    assert f"sheet organisations, row {row}, column key: UNDP-AGAIN is new" in message
    assert "already in the registry as UNDP" in message
    assert Organisation.objects.count() == count


def test_a_new_key_with_a_new_name_is_created(tmp_path, admin_user):
    path = _export(tmp_path)
    _add_organisation(
        path, key="NEW-TRUST", category="ngo", name_en="A Trust Nobody Knew"
    )

    printed = io.StringIO()
    call_command("import_sheets", str(path), "--as", "root", stdout=printed)

    assert Organisation.objects.get(key="NEW-TRUST").name_en == "A Trust Nobody Knew"
