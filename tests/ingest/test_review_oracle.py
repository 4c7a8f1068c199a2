"""The review queue reveals nothing (issue 16, item 2): a candidate resolved to
an organisation the reviewer may not see is shown and decided as if that
organisation did not exist. Written as the attack: an editor in charge of NGOs
reads a report naming, by its acronym, an unpublished foundation."""

from __future__ import annotations

import pytest

from partnerships.ingest.models import Candidate
from partnerships.ingest.services import ingest_text
from partnerships.registry.models import Organisation, OrganisationName
from partnerships.sources.models import Evidence

pytestmark = pytest.mark.django_db

HIDDEN_NAME = "Quillwort Harbour Endowment Foundation"
TEXT = """TEST/ORACLE/1
I. Introduction
1. QHEF worked with UNDP on harbour towns in Kenya.
"""


@pytest.fixture
def hidden(db):
    org = Organisation.objects.create(
        key="QUILLWORT-HIDDEN",
        category="foundation",
        name_en=HIDDEN_NAME,
        is_published=False,
    )
    OrganisationName.objects.create(
        organisation=org, kind="acronym", lang="en", value="QHEF"
    )
    return org


@pytest.fixture
def reading(hidden):
    run = ingest_text(text=TEXT, lang="en", file_name="oracle.txt")
    candidate = run.candidates.get(kind="organisation", organisation=hidden)
    return run, candidate


def test_the_queue_shows_a_hidden_organisation_as_unknown(client, editor, reading):
    run, _ = reading
    client.force_login(editor)
    page = client.get(f"/ingest/runs/{run.pk}/").content.decode()
    assert "QUILLWORT-HIDDEN" not in page
    assert HIDDEN_NAME not in page and "Quillwort" not in page
    assert "QHEF" in page and "(new)" in page  # the report's own words


def test_accepting_it_makes_a_new_organisation_and_leaves_the_hidden_one_alone(
    client, editor, reading, hidden
):
    run, candidate = reading
    client.force_login(editor)
    response = client.post(
        f"/ingest/candidates/{candidate.pk}/decide/",
        {"action": "accept", "name": "QHEF", "category": "ngo"},
        follow=True,
    )
    page = response.content.decode()
    assert "Quillwort" not in page and "QUILLWORT-HIDDEN" not in page
    candidate.refresh_from_db()
    assert candidate.status == "accepted"
    assert candidate.organisation != hidden
    assert candidate.organisation.category == "ngo"
    assert not Evidence.objects.filter(organisation=hidden).exists()
    assert list(hidden.other_names.values_list("value", flat=True)) == ["QHEF"]


def test_an_administrator_sees_and_uses_the_resolution(client, admin_user, reading):
    run, candidate = reading
    client.force_login(admin_user)
    page = client.get(f"/ingest/runs/{run.pk}/").content.decode()
    assert "QUILLWORT-HIDDEN" in page
    client.post(f"/ingest/candidates/{candidate.pk}/decide/", {"action": "accept"})
    assert Candidate.objects.get(pk=candidate.pk).organisation.key == "QUILLWORT-HIDDEN"
