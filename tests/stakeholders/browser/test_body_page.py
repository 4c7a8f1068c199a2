"""A body's staff page, with a member and a meeting holding a document, and the
meeting's page, in Chromium in English, French and Arabic, on a laptop and a
phone: no horizontal scrolling, no console error, no serious or critical axe
finding."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.browser.conftest import check_screen, prepared
from tests.stakeholders.conftest import PDF

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

BODY = "browser-advisory-group"


def _remove(body) -> None:
    """Everything the fixture wrote, with its history."""
    from partnerships.cooperation.models import Engagement, Participation, Place

    meetings = list(body.meetings.all())
    engagements = [m.engagement_id for m in meetings] + [body.engagement_id]
    rows = [
        *(d for m in meetings for d in m.documents.all()),
        *meetings,
        *body.members.all(),
        body,
        *Participation.objects.filter(engagement_id__in=engagements),
        *Place.objects.filter(engagement_id__in=engagements),
        *Engagement.objects.filter(pk__in=engagements).order_by("-pk"),
    ]
    for row in rows:
        if hasattr(row, "file"):
            row.file.delete(save=False)
        row.delete()
        row.__class__.history.filter(id=row.pk or row.id).delete()


@pytest.fixture(scope="module")
def body_with_a_meeting(server, django_db_blocker, tmp_path_factory):
    """A body with a member and a meeting holding an agenda, committed (a server
    on PostgreSQL sees it) and removed at the end."""
    from django.db import connections
    from django.test import override_settings

    from partnerships.core.actor import system_actor
    from partnerships.registry.models import Organisation
    from partnerships.stakeholders.services.bodies import (
        body_create,
        meeting_document_add,
        meeting_record,
        member_add,
    )

    actor = system_actor("tests")
    with (
        django_db_blocker.unblock(),
        override_settings(STAKEHOLDER_UPLOAD_DIR=tmp_path_factory.mktemp("uploads")),
    ):
        for conn in connections.all():
            if not conn.is_usable():
                conn.close()
        member = Organisation.objects.get(key="HUAIROU")
        body = body_create(
            actor=actor,
            key=BODY,
            name="Browser advisory group",
            kind="advisory_group",
            mandate="Advises on the browser walk.",
            seats={"women": 2},
        )
        try:
            member_add(
                actor=actor, body=body, organisation=member, role="chair", group="women"
            )
            meeting = meeting_record(
                actor=actor,
                body=body,
                held_on=dt.date(2019, 5, 28),
                attendees=[member],
                city="Nairobi",
                agenda="Terms of reference.",
            )
            meeting_document_add(
                actor=actor,
                meeting=meeting,
                kind="agenda",
                name="agenda.pdf",
                data=PDF,
            )
            yield body, meeting
        finally:
            _remove(body)


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_body_and_its_meeting_read_well(
    page, server, staff_account, body_with_a_meeting, lang, size
):
    body, meeting = body_with_a_meeting
    session, _ = staff_account
    cookie = {"name": "sessionid", "value": session, "url": server}
    page = prepared(page, server, lang, size, [cookie])
    page.goto(f"/stakeholders/staff/bodies/{BODY}/")
    assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    assert "Huairou" in page.inner_text("main")
    check_screen(page, "stakeholders-body")
    page.click(f'a[href="/stakeholders/staff/meetings/{meeting.pk}/"]')
    page.wait_for_url(f"**/stakeholders/staff/meetings/{meeting.pk}/")
    link = page.locator('a[href^="/stakeholders/staff/meeting-documents/"]')
    assert link.inner_text() == "agenda.pdf"
    check_screen(page, "stakeholders-meeting")
