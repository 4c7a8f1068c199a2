"""Editors create organisations only in their charge (issue 16, "Low").

Written as the attack: an editor for Africa (regions: 002) adds an NGO based in
Nepal, through the API, the back office's service and a workbook; a report's
reviewer and an IATI import name organisations outside the editor's charge.
Before, `organisation_create` asked only whether the actor was staff. Now a
record the editor types is refused; one a source names is created unpublished,
for an editor in charge or an administrator to publish (docs/security.md).
"""

import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from partnerships.accounts.actors import actor_for
from partnerships.core.errors import NotAllowed
from partnerships.ingest.services import ingest_text
from partnerships.interop.iati.importer import import_file
from partnerships.interop.sheets.template import COLUMNS
from partnerships.registry.models import Organisation
from partnerships.registry.services import organisation_create
from tests.interop.iati_import_helpers import EXAMPLE

pytestmark = pytest.mark.django_db

NEPAL_NGO = {"key": "NP-NGO", "names": {"en": "Kathmandu Streets"}, "category": "ngo"}
REFUSED = "You may create only organisations in your charge"


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_an_editor_cannot_add_an_organisation_outside_its_charge_through_the_api(
    cast,
):
    response = _api(cast["editor-africa"]).post(
        "/api/organisations/", {**NEPAL_NGO, "country": "NP"}, format="json"
    )
    assert response.status_code == 403, response.content
    assert REFUSED in response.content.decode()
    assert not Organisation.objects.filter(key="NP-NGO").exists()


def test_in_its_regions_or_its_categories_it_can(cast):
    kenyan = {**NEPAL_NGO, "key": "KE-NGO", "country": "KE"}
    response = _api(cast["editor-africa"]).post(
        "/api/organisations/", kenyan, format="json"
    )
    assert response.status_code == 201, response.content
    company = {**NEPAL_NGO, "key": "NP-CO", "category": "private_sector"}
    response = _api(cast["editor-private"]).post(
        "/api/organisations/", {**company, "country": "NP"}, format="json"
    )
    assert response.status_code == 201, response.content
    published = Organisation.objects.filter(key__in=["KE-NGO", "NP-CO"])
    assert list(published.values_list("is_published", flat=True)) == [True, True]


def test_nor_without_a_country_or_through_the_service(cast):
    with pytest.raises(NotAllowed, match=REFUSED):
        organisation_create(
            actor=actor_for(cast["editor-africa"]),
            key="NOWHERE",
            changes={"name_en": "Nowhere", "category": "ngo"},
        )
    assert not Organisation.objects.filter(key="NOWHERE").exists()


def test_a_workbook_adding_one_outside_its_charge_is_refused(tmp_path, cast):
    path = tmp_path / "book.xlsx"
    call_command("export_sheets", "-o", str(path), stdout=io.StringIO())
    book = openpyxl.load_workbook(path)
    sheet = book["organisations"]
    row = {"key": "NP-NGO", "name_en": "Kathmandu Streets", "category": "ngo"}
    sheet.append([{**row, "country": "NP"}.get(c, "") for c in COLUMNS[sheet.title]])
    book.save(path)
    with pytest.raises(CommandError, match=f"NP-NGO: {REFUSED}"):
        call_command(
            "import_sheets", str(path), "--as", "editor-af", stdout=io.StringIO()
        )
    assert not Organisation.objects.filter(key="NP-NGO").exists()


REPORT = """TEST/CHARGE/1
I. Introduction
1. The Quillwort Harbour Endowment Foundation worked with UNDP on harbour towns.
"""


def _accept(client, user, category):
    """The organisation the reviewer's acceptance made (or none), and the page."""
    run = ingest_text(text=REPORT, lang="en", file_name="charge.txt")
    candidate = run.candidates.get(kind="organisation", organisation=None)
    client.force_login(user)
    page = client.post(
        f"/ingest/candidates/{candidate.pk}/decide/",
        {"action": "accept", "name": "Quillwort Harbour", "category": category},
        follow=True,
    ).content.decode()
    candidate.refresh_from_db()
    return candidate, page


def test_a_reviewer_cannot_accept_a_new_organisation_outside_its_charge(client, cast):
    before = Organisation.objects.count()
    candidate, page = _accept(client, cast["editor-private"], "foundation")
    assert REFUSED in page
    assert (candidate.status, candidate.organisation) == ("pending", None)
    assert Organisation.objects.count() == before


def test_in_its_charge_it_is_published_at_once(client, cast):
    candidate, _ = _accept(client, cast["editor-private"], "private_sector")
    org = candidate.organisation
    assert (org.category, org.is_published) == ("private_sector", True)


def _made_by(import_it):
    """The organisations an import created (the example file names parties the
    registry does not hold)."""
    before = set(Organisation.objects.values_list("pk", flat=True))
    import_it()
    return Organisation.objects.exclude(pk__in=before)


def test_an_iati_file_s_new_parties_outside_the_importer_s_charge_are_proposed(
    cast,
):
    made = _made_by(lambda: import_file(EXAMPLE, user=cast["editor-africa"]))
    assert made.count() >= 1
    # None of them has a country: none is in a regional editor's charge.
    assert set(made.values_list("country", flat=True)) == {None}
    assert set(made.values_list("is_published", flat=True)) == {False}
    # Unpublished, they are still found again: a second import makes none.
    again = _made_by(lambda: import_file(EXAMPLE, user=cast["editor-africa"]))
    assert not again.exists()


def test_the_console_s_parties_are_published():
    made = _made_by(lambda: import_file(EXAMPLE))
    assert made.count() >= 1
    assert set(made.values_list("is_published", flat=True)) == {True}
