"""The back office asks the same permission layer as the API."""

import io

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, cast):
    call_command(
        "set_role",
        "editor-ps",
        "editor",
        category=["private_sector"],
        stdout=io.StringIO(),
    )
    client.force_login(cast["editor-private"])
    return client


def test_an_editor_lists_only_records_it_may_see(records, editor_client):
    page = editor_client.get("/admin/cooperation/engagement/", {"q": "zebrafinch"})
    assert page.status_code == 200
    keys = {e.key for e in page.context["cl"].result_list}
    assert keys == {"matrix-published"}
    parts = editor_client.get("/admin/cooperation/participation/", {"q": "matrix"})
    engagements = {p.engagement.key for p in parts.context["cl"].result_list}
    assert "matrix-confidential" not in engagements


def test_an_editor_cannot_open_a_record_outside_its_charge(records, editor_client):
    hidden = records["confidential"]
    response = editor_client.get(f"/admin/cooperation/engagement/{hidden.pk}/change/")
    assert response.status_code == 302  # back to the admin index: "does not exist"
    visible = records["published"]
    response = editor_client.get(f"/admin/cooperation/engagement/{visible.pk}/change/")
    # Visible but not in its charge (no private-sector partner): read only.
    assert response.status_code == 200
    assert response.context["has_change_permission"] is False


def test_set_role_refuses_a_focal_point_without_organisation(cast):
    with pytest.raises(CommandError, match="--organisation"):
        call_command("set_role", "reader", "focal_point", stdout=io.StringIO())


def test_the_back_office_deletes_softly_and_restores(records, admin_client):
    engagement = records["published"]
    url = "/admin/cooperation/engagement/"
    for action, deleted in (("soft_delete", True), ("restore", False)):
        response = admin_client.post(
            url, {"action": action, "_selected_action": [engagement.pk]}
        )
        assert response.status_code == 302
        engagement.refresh_from_db()
        assert (engagement.deleted_at is not None) == deleted
    assert [h.history_change_reason for h in engagement.history.all()[:2]] == [
        "restored",
        "deleted",
    ]
