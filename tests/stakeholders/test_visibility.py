"""Who sees an application and its documents (docs/stakeholders.md)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from partnerships.stakeholders.models import Application
from tests.stakeholders.conftest import application_form


@pytest.fixture
def application(client, session):
    client.post(reverse("stakeholders:apply", args=[session.key]), application_form())
    return Application.objects.get()


@pytest.mark.parametrize(
    ("who", "expected"),
    [("editor-africa", 200), ("administrator", 200), ("editor-private", 404)],
)
def test_reviewers_see_the_applications_in_their_charge(
    client, cast, application, who, expected
):
    client.force_login(cast[who])
    page = client.get(reverse("stakeholders:review", args=[application.pk]))
    assert page.status_code == expected
    queue = client.get(reverse("stakeholders:queue")).content.decode()
    assert (application.name in queue) == (expected == 200)


def test_a_reviewer_outside_its_charge_cannot_decide(client, cast, application):
    client.force_login(cast["editor-private"])
    response = client.post(
        reverse("stakeholders:act", args=[application.pk, "decide"]),
        {"decide-accredit": "yes", "decide-reason": "Not mine to decide."},
    )
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == "submitted"


@pytest.mark.parametrize("who", ["anonymous", "no-role", "focal-point"])
def test_documents_are_never_served_to_others(client, cast, application, who):
    if cast[who]:
        client.force_login(cast[who])
    doc = application.documents.first()
    response = client.get(reverse("stakeholders:document", args=[doc.pk]))
    assert response.status_code in (302, 403)


def test_a_reviewer_downloads_a_document(client, cast, application):
    client.force_login(cast["editor-africa"])
    doc = application.documents.first()
    response = client.get(reverse("stakeholders:document", args=[doc.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_an_unknown_secret_shows_no_application(client, application):
    response = client.get(reverse("stakeholders:status", args=["guessed-secret"]))
    assert response.status_code == 404


def test_the_contact_is_erased_from_the_record_and_its_history(
    client, cast, application
):
    client.force_login(cast["editor-africa"])
    response = client.post(
        reverse("stakeholders:act", args=[application.pk, "erase"]),
        {"erase-reason": "Request by e-mail of 3 December"},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.contact_erased_at is not None
    assert not application.history.filter(contact_name="Wanjiru Kamau").exists()
    last = application.history.first()
    assert last.history_user == cast["editor-africa"]
    assert last.history_change_reason == (
        "contact erased: Request by e-mail of 3 December"
    )
