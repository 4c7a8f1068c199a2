"""Pickers reveal nothing (issue 16, item 2): the staff forms' pickers and the
back office's autocomplete answer for a record the reader may not see exactly as
for one that does not exist. Written as the attack: an editor for Africa types
the name of an unpublished organisation of another charge, then a name nobody
has, and compares the answers."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from partnerships.registry.models import Organisation

pytestmark = pytest.mark.django_db
HIDDEN = "Zanthoxylum Trust for Towns"
NOBODY = "Zanthoxylum Guild for Ports"


@pytest.fixture
def hidden(db):
    return Organisation.objects.create(
        key="ZANTHOXYLUM-HIDDEN",
        category="foundation",
        name_en=HIDDEN,
        country_id="KH",
        is_published=False,
    )


def _client(cast, role: str) -> Client:
    client = Client()
    client.force_login(cast[role])
    return client


def _pick(client, text):
    response = client.get("/staff/pick/organisations/", {"q": text})
    assert response.status_code == 200
    return response.content.decode()


def _autocomplete(client, text):
    response = client.get(
        "/admin/autocomplete/",
        {
            "term": text,
            "app_label": "cooperation",
            "model_name": "participation",
            "field_name": "organisation",
        },
    )
    return (
        response.status_code,
        response.json() if response.status_code == 200 else None,
    )


def test_the_staff_picker_answers_as_if_it_did_not_exist(cast, hidden):
    editor = _client(cast, "editor-africa")
    assert _pick(editor, HIDDEN[:20]) == _pick(editor, NOBODY[:20])
    assert "ZANTHOXYLUM-HIDDEN" not in _pick(editor, "Zanthoxylum")
    assert "ZANTHOXYLUM-HIDDEN" in _pick(_client(cast, "administrator"), "Zanthoxylum")


def test_the_back_office_autocomplete_answers_as_if_it_did_not_exist(
    cast, hidden, admin_user
):
    editor_user = cast["editor-africa"]
    # As a deployment lets editors into the back office: staff, allowed to view.
    editor_user.is_staff = True
    editor_user.save()
    editor_user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["view_organisation", "view_participation"]
        )
    )
    editor = _client(cast, "editor-africa")
    status, found = _autocomplete(editor, "Zanthoxylum Trust")
    assert status == 200 and found["results"] == []
    assert (status, found) == _autocomplete(editor, "Zanthoxylum Guild")
    client = Client()
    client.force_login(admin_user)
    status, found = _autocomplete(client, "Zanthoxylum")
    assert status == 200 and [r["id"] for r in found["results"]] == [str(hidden.pk)]
