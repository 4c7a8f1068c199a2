"""Spreadsheets: export what the reader may see, import the template back safely."""

import codecs
import csv
import io
import zipfile

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from partnerships.accounts.models import Profile, Role
from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    Participation,
    Place,
)
from partnerships.cooperation.visibility import (
    engagements_visible_to,
    participations_visible_to,
)
from partnerships.core.actor import ANONYMOUS
from partnerships.core.exporters import EXPORTERS
from partnerships.interop.sheets.export import (
    OrganisationsSheet,
    ParticipationsSheet,
)
from partnerships.interop.sheets.template import COLUMNS, SHEETS
from partnerships.registry.models import Identifier, Organisation, OrganisationName
from partnerships.registry.visibility import organisations_visible_to

pytestmark = pytest.mark.django_db

AUDITED = [
    Organisation,
    OrganisationName,
    Identifier,
    Engagement,
    Place,
    Participation,
    Contribution,
]


def _history_rows():
    return sum(model.history.count() for model in AUDITED)


def _counts():
    return [model.objects.count() for model in AUDITED]


def _export(tmp_path, *args, name="export.xlsx"):
    out = tmp_path / name
    call_command("export_sheets", "-o", str(out), *args, stdout=io.StringIO())
    return out


def _import(path, *args):
    out = io.StringIO()
    call_command("import_sheets", str(path), *args, stdout=out)
    return out.getvalue()


def _row_of(sheet, column, value):
    index = COLUMNS[sheet.title].index(column) + 1
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=index).value == value:
            return row
    raise AssertionError(f"{value} not in {sheet.title}")


def _set(sheet, row, column, value):
    sheet.cell(row=row, column=COLUMNS[sheet.title].index(column) + 1, value=value)


@pytest.fixture
def confidential():
    engagement = Engagement.objects.create(
        key="sheets-secret",
        kind="agreement",
        title_en="Sheets secret pangolin",
        is_confidential=True,
    )
    Participation.objects.create(
        engagement=engagement,
        organisation=Organisation.objects.get(key="ITDP"),
        role="partner",
    )
    return engagement


@pytest.fixture
def no_role_user(django_user_model):
    return django_user_model.objects.create_user(username="reader", password="x" * 16)


def test_the_workbook_has_three_sheets_with_what_the_public_sees(
    tmp_path, confidential
):
    book = openpyxl.load_workbook(_export(tmp_path))

    assert book.sheetnames == list(SHEETS)
    orgs, engs, parts = (book[name] for name in SHEETS)
    assert orgs.max_row - 1 == organisations_visible_to(ANONYMOUS).count()
    assert engs.max_row - 1 == engagements_visible_to(ANONYMOUS).count()
    triples = {row[:2] + row[6:7] for row in parts.iter_rows(2, values_only=True)}
    assert len(triples) == participations_visible_to(ANONYMOUS).count()
    keys = {row[0] for row in engs.iter_rows(2, values_only=True)}
    assert "p040-psup" in keys
    assert confidential.key not in keys
    assert confidential.key not in {row[1] for row in triples}
    for sheet in book:
        assert [c.value for c in sheet[1]] == COLUMNS[sheet.title]
        assert sheet["A1"].font.bold
        assert sheet.freeze_panes == "A2"
        assert sheet.column_dimensions["A"].width >= 12


def test_an_administrator_also_exports_the_confidential_engagement(
    tmp_path, admin_user, confidential
):
    book = openpyxl.load_workbook(_export(tmp_path, "--as", "root"))

    keys = {row[0] for row in book["engagements"].iter_rows(2, values_only=True)}
    assert confidential.key in keys


def test_a_csv_export_is_utf8_with_a_bom_and_the_headers(tmp_path):
    filename, mimetype, body = OrganisationsSheet().render(ANONYMOUS)

    assert (filename, mimetype) == ("organisations.csv", "text/csv; charset=utf-8")
    assert body.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0] == COLUMNS["organisations"]
    un_habitat = next(row for row in rows if row[0] == "UN-Habitat")
    assert "IATI:XM-DAC-41120" in un_habitat[rows[0].index("identifiers")]

    bundle = zipfile.ZipFile(_export(tmp_path, "--format", "csv", name="x.zip"))
    assert sorted(bundle.namelist()) == sorted(f"{name}.csv" for name in SHEETS)
    for name in SHEETS:
        text = bundle.read(f"{name}.csv")
        assert text.startswith(codecs.BOM_UTF8)
        assert next(csv.reader(io.StringIO(text.decode("utf-8-sig")))) == COLUMNS[name]


def test_a_participation_sheet_restricted_to_a_selection_stays_within_view(
    confidential,
):
    selection = Participation.objects.filter(engagement__key__startswith="sheets")
    _, _, body = ParticipationsSheet().render(ANONYMOUS, queryset=selection)

    assert len(body.decode("utf-8-sig").splitlines()) == 1  # the header alone


def test_a_formula_looking_cell_is_written_as_text(tmp_path):
    Organisation.objects.create(
        key="SHEETS-FORMULA",
        category="ngo",
        name_en='=HYPERLINK("http://x")',
        name_fr="+33 ONG",
        name_es="@cell",
        name_ru="-1",
    )
    path = _export(tmp_path)

    sheet = openpyxl.load_workbook(path)["organisations"]
    row = _row_of(sheet, "key", "SHEETS-FORMULA")
    cell = sheet.cell(row=row, column=COLUMNS["organisations"].index("name_en") + 1)
    assert cell.value == '=HYPERLINK("http://x")'
    assert cell.data_type == "s"
    assert b"<f>" not in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    _, _, body = OrganisationsSheet().render(ANONYMOUS)
    assert "'=HYPERLINK" in body.decode("utf-8-sig")


def test_importing_an_export_back_changes_nothing(tmp_path, admin_user):
    path = _export(tmp_path)
    before = (_history_rows(), _counts())

    printed = _import(path, "--as", "root")

    assert "Nothing to change" in printed
    assert (_history_rows(), _counts()) == before


def test_an_edited_title_is_the_only_change_and_is_audited(tmp_path, admin_user):
    path = _export(tmp_path)
    book = openpyxl.load_workbook(path)
    row = _row_of(book["engagements"], "key", "p040-psup")
    _set(book["engagements"], row, "title_en", "Participatory slum upgrading, edited")
    book.save(path)
    engagement = Engagement.objects.get(key="p040-psup")
    version = engagement.version
    before = (_history_rows(), _counts())

    printed = _import(path, "--as", "root")

    assert "engagements updated: 1" in printed
    engagement.refresh_from_db()
    assert engagement.title_en == "Participatory slum upgrading, edited"
    assert engagement.version == version + 1
    assert (_history_rows(), _counts()) == (before[0] + 1, before[1])
    record = engagement.history.latest()
    assert record.history_change_reason == "import-sheets"
    assert record.history_user == admin_user
    assert "Nothing to change" in _import(path, "--as", "root")  # idempotent


def test_a_workbook_with_errors_lists_each_and_writes_nothing(tmp_path, admin_user):
    path = _export(tmp_path)
    book = openpyxl.load_workbook(path)
    orgs, engs, parts = (book[name] for name in SHEETS)
    _set(orgs, 3, "country", "XX")
    _set(orgs, 2, "name_en", "A name that must not land")
    _set(engs, 4, "start", "2019")
    _set(engs, 4, "end", "2018-06")
    _set(engs, 6, "start", "next year")
    _set(parts, 5, "role", "boss")
    _set(parts, 7, "organisation", "NO-SUCH-ORG")
    _set(parts, 8, "currency", "XYZ")
    _set(parts, 8, "amount", 10)
    book.save(path)
    first_org = Organisation.objects.get(key=orgs.cell(row=2, column=1).value)
    before = (_history_rows(), _counts())

    with pytest.raises(CommandError) as raised:
        _import(path, "--as", "root")

    message = str(raised.value)
    assert "Nothing was written" in message
    for expected in [
        "sheet organisations, row 3, column country: The country code 'XX' is not",
        "sheet engagements, row 4, column end: The end 2018-06 is before the start",
        "sheet engagements, row 6, column start: The start 'next year' is not a date",
        "sheet participations, row 5, column role: The role 'boss' is unknown",
        "sheet participations, row 7, column organisation: There is no organisation "
        "with the key 'NO-SUCH-ORG'",
        "sheet participations, row 8, column currency: The currency 'XYZ' is not an "
        "ISO 4217 code.",
    ]:
        assert expected in message
    assert (_history_rows(), _counts()) == before
    first_org.refresh_from_db()
    assert first_org.name_en != "A name that must not land"


def test_a_user_without_a_role_cannot_import(tmp_path, no_role_user):
    path = _export(tmp_path)
    book = openpyxl.load_workbook(path)
    _set(book["engagements"], 2, "title_en", "Changed by a reader")
    book.save(path)
    before = (_history_rows(), _counts())

    with pytest.raises(CommandError, match="has no editing role"):
        _import(path, "--as", "reader")

    assert (_history_rows(), _counts()) == before


def test_a_focal_point_may_change_only_its_own_organisation(
    tmp_path, django_user_model
):
    user = django_user_model.objects.create_user(username="fp", password="x" * 16)
    itdp = Organisation.objects.get(key="ITDP")
    Profile.objects.create(user=user, role=Role.FOCAL_POINT, organisation=itdp)
    path = _export(tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = book["organisations"]
    _set(sheet, _row_of(sheet, "key", "ITDP"), "name_fr", "ITDP (fr)")
    _set(sheet, _row_of(sheet, "key", "UNDP"), "name_fr", "PNUD modifié")
    book.save(path)

    with pytest.raises(CommandError) as raised:
        _import(path, "--as", "fp")

    assert "You may not change the organisation UNDP." in str(raised.value)
    assert "ITDP." not in str(raised.value)
    itdp.refresh_from_db()
    assert itdp.name_fr != "ITDP (fr)"


def test_a_dry_run_reports_and_writes_nothing(tmp_path, admin_user):
    path = _export(tmp_path)
    book = openpyxl.load_workbook(path)
    _set(book["engagements"], 2, "title_en", "Dry run title")
    book.save(path)
    before = (_history_rows(), _counts())

    printed = _import(path, "--as", "root", "--dry-run")

    assert "Would write: engagements updated: 1" in printed
    assert "nothing was written" in printed
    assert (_history_rows(), _counts()) == before
    assert not Engagement.objects.filter(title_en="Dry run title").exists()


def test_the_filled_template_creates_records_through_the_services(tmp_path, admin_user):
    path = _export(tmp_path, "--template", name="template.xlsx")
    book = openpyxl.load_workbook(path)
    assert [s for s in book.sheetnames if book[s].sheet_state == "visible"] == list(
        SHEETS
    )
    book["organisations"].append(
        [
            "SHEETS-NEW",
            "",
            "新组织",
            "Sheets new organisation",
            "",
            "",
            "",
            "",
            "",
            "ngo",
            "",
            "KE",
            "UN-Habitat",
            "https://example.org",
            "",
        ]
    )
    book["engagements"].append(
        [
            "sheets-new",
            "project",
            "ongoing",
            "",
            "",
            "Sheets new project",
            "",
            "",
            "",
            "2019-03",
            "2020",
            "p040-psup",
            "KE",
            "",
            "",
            "11.1",
            "",
        ]
    )
    book["participations"].append(
        ["SHEETS-NEW", "sheets-new", "", "", "", "", "funder", 2500, "USD", "2019"]
    )
    book.save(path)

    printed = _import(path, "--as", "root")

    assert "organisations created: 1" in printed
    org = Organisation.objects.get(key="SHEETS-NEW")
    assert (org.name_zh, org.country_id, org.parent.key) == (
        "新组织",
        "KE",
        "UN-Habitat",
    )
    eng = Engagement.objects.get(key="sheets-new")
    assert (eng.start_precision, eng.end_date.isoformat()) == ("month", "2020-12-31")
    assert list(eng.sdg_targets.values_list("code", flat=True)) == ["11.1"]
    assert eng.places.get().country_id == "KE"
    money = Contribution.objects.get(participation__engagement=eng)
    assert (str(money.amount), money.currency_id) == ("2500.00", "USD")
    assert eng.history.latest().history_change_reason == "import-sheets"
    assert "Nothing to change" in _import(path, "--as", "root")


def test_every_exporter_is_registered():
    assert {"organisations", "engagements", "participations"} <= set(EXPORTERS)
