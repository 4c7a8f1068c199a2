"""Every portal page reads through the permission layer."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def client_as(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_the_public_sees_published_engagements_only(records, cast):
    anonymous = client_as(None)
    assert anonymous.get("/engagements/matrix-published/").status_code == 200
    for state in ("unpublished", "confidential"):
        assert anonymous.get(f"/engagements/matrix-{state}/").status_code == 404


def test_an_editor_in_charge_sees_the_confidential_engagement(records, cast):
    editor = client_as(cast["editor-africa"])
    assert editor.get("/engagements/matrix-confidential/").status_code == 200
    assert editor.get("/engagements/matrix-confidential-asia/").status_code == 404


def test_hidden_organisations_leave_no_trace_on_public_pages(records, cast):
    anonymous = client_as(None)
    page = anonymous.get("/engagements/matrix-published/").content.decode()
    assert "MATRIX-HIDDEN-ORG" not in page
    assert anonymous.get("/organisations/MATRIX-HIDDEN-ORG/").status_code == 404
    found = anonymous.get("/search/", {"q": "zebrafinch"}).context["results"]
    assert [e.key for e in found.engagements.items] == ["matrix-published"]
    assert found.engagements.count == 1
    assert found.organisations.items == []
    assert found.organisations.count == 0
    admin = client_as(cast["administrator"])
    assert admin.get("/organisations/MATRIX-HIDDEN-ORG/").status_code == 200


def test_the_directory_and_dashboards_count_only_what_the_reader_may_see(records, cast):
    rows = client_as(None).get("/organisations/", {"sort": "newest"}).context["rows"]
    assert "MATRIX-HIDDEN-ORG" not in {org.key for org in rows}
    ITDP_public = client_as(None).get("/organisations/ITDP/network.json").json()
    assert "MATRIX-HIDDEN-ORG" not in {n["key"] for n in ITDP_public["nodes"]}
    ITDP_admin = client_as(cast["administrator"]).get(
        "/organisations/ITDP/network.json"
    )
    assert "MATRIX-HIDDEN-ORG" in {n["key"] for n in ITDP_admin.json()["nodes"]}


def test_the_focal_point_sees_its_own_confidential_engagements(records, cast):
    focal = client_as(cast["focal-point"])
    page = focal.get("/organisations/ITDP/").content.decode()
    assert "matrix-confidential-asia" in page
    assert (
        "matrix-confidential-asia"
        not in client_as(None).get("/organisations/ITDP/").content.decode()
    )
