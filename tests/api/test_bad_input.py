"""Refused input gets a clear 400, never a 500 (issue 16, item 4)."""

from __future__ import annotations

import pytest

from partnerships.cooperation.models import Engagement
from partnerships.registry.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_api(client_for):
    client = client_for("administrator")
    client.raise_request_exception = False
    return client


def test_an_organisation_with_an_existing_key_is_refused(records, admin_api):
    before = Organisation.objects.count()
    response = admin_api.post(
        "/api/organisations/",
        {"key": "ITDP", "names": {"en": "Impostor"}, "category": "ngo"},
        format="json",
    )
    assert response.status_code == 400, response.content
    assert "key" in response.json()
    assert Organisation.objects.count() == before
    assert Organisation.objects.get(key="ITDP").name_en != "Impostor"


def test_an_engagement_with_an_existing_key_is_refused(records, admin_api):
    response = admin_api.post(
        "/api/engagements/",
        {"key": "matrix-published", "kind": "project", "title": {"en": "Impostor"}},
        format="json",
    )
    assert response.status_code == 400, response.content
    assert "key" in response.json()
    assert Engagement.objects.get(key="matrix-published").title_en != "Impostor"


def test_a_key_taken_by_a_hidden_record_reads_like_any_taken_key(records, client_for):
    editor = client_for("editor-africa")
    hidden = editor.post(
        "/api/engagements/",
        {"key": "matrix-confidential-asia", "kind": "project", "title": {"en": "x"}},
        format="json",
    )
    visible = editor.post(
        "/api/engagements/",
        {"key": "matrix-published", "kind": "project", "title": {"en": "x"}},
        format="json",
    )
    assert hidden.status_code == visible.status_code == 400
    assert hidden.json() == visible.json()


@pytest.mark.parametrize(
    "path,body",
    [
        ("/api/organisations/", {"key": "NO-NAME", "category": "ngo"}),
        ("/api/organisations/", {"key": "NO-NAME", "names": {"en": " "}}),
        ("/api/engagements/", {"key": "no-title", "kind": "project"}),
    ],
)
def test_a_record_without_a_name_is_refused(records, admin_api, path, body):
    response = admin_api.post(path, body, format="json")
    assert response.status_code == 400, response.content
    assert not Organisation.objects.filter(key="NO-NAME").exists()
    assert not Engagement.objects.filter(key="no-title").exists()


def test_a_proposal_naming_a_hidden_parent_reads_like_an_unknown_one(
    records, client_for
):
    """A focal point may not learn, by proposing it as a parent, that a key is
    held by a confidential engagement it does not take part in."""
    hidden = factories.engagement(countries=("NP",), is_confidential=True)
    focal = client_for("focal-point")
    focal.raise_request_exception = False
    answers = [
        focal.post(
            f"/api/engagements/{records['published'].key}/proposals/",
            {"parent": key, "reason": "a parent"},
            format="json",
        )
        for key in (hidden.key, "no-such-engagement")
    ]
    assert answers[0].status_code == answers[1].status_code, answers[0].content
    assert answers[0].content.decode().replace(hidden.key, "KEY") == answers[
        1
    ].content.decode().replace("no-such-engagement", "KEY")
