"""A meeting's agenda and outcome as uploaded documents: staff upload them on the
meeting's page, the file is checked and kept like an applicant's, and only staff
download it."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerships.stakeholders.models import MeetingDocument
from partnerships.stakeholders.services.bodies import body_create, meeting_record
from tests.factories import TESTER, organisation
from tests.stakeholders.conftest import PDF, pdf


@pytest.fixture
def meeting(db):
    body = body_create(
        actor=TESTER,
        key="sag",
        name="Stakeholder Advisory Group",
        kind="advisory_group",
        mandate="Advises the Executive Director.",
    )
    member = organisation(key="WOMEN-NET", en="Women network")
    return meeting_record(
        actor=TESTER, body=body, held_on=dt.date(2019, 5, 28), attendees=[member]
    )


def _upload(client, meeting, kind: str, upload: SimpleUploadedFile):
    return client.post(
        reverse("stakeholders:meeting", args=[meeting.pk]),
        {"form": "document", "document-kind": kind, "document-file": upload},
    )


def test_staff_upload_an_agenda_and_download_its_bytes(client, cast, meeting):
    client.force_login(cast["editor-africa"])
    agenda = PDF + b"1. Terms of reference\n"
    response = _upload(client, meeting, "agenda", pdf("agenda.pdf", agenda))
    assert response.status_code == 302, response.content.decode()[:2000]
    doc = MeetingDocument.objects.get(meeting=meeting)
    assert (doc.kind, doc.original_name, doc.size) == (
        "agenda",
        "agenda.pdf",
        len(agenda),
    )
    assert doc.content_type == "application/pdf"
    assert doc.sha256 == hashlib.sha256(agenda).hexdigest()
    assert doc.uploaded_by == cast["editor-africa"]
    # Kept under a name of its own, in the upload directory, never the sender's.
    assert "agenda" not in doc.file.name
    history = doc.history.first()
    assert (history.history_user, history.history_change_reason) == (
        cast["editor-africa"],
        "agenda uploaded",
    )
    page = client.get(reverse("stakeholders:meeting", args=[meeting.pk]))
    link = reverse("stakeholders:meeting-document", args=[doc.pk])
    assert f'href="{link}">agenda.pdf</a>' in page.content.decode()
    body_page = client.get(reverse("stakeholders:body", args=["sag"])).content
    assert "1 document" in body_page.decode()
    download = client.get(link)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == agenda
    assert 'filename="agenda.pdf"' in download["Content-Disposition"]


def test_a_renamed_program_is_refused_and_nothing_is_kept(client, cast, meeting):
    client.force_login(cast["administrator"])
    upload = SimpleUploadedFile("outcome.pdf", b"MZ\x90\x00 a program")
    response = _upload(client, meeting, "outcome", upload)
    assert response.status_code == 400
    assert "not the kind of file its name says" in response.content.decode()
    assert not MeetingDocument.objects.exists()


def test_the_size_limit_applies(client, cast, meeting, settings):
    settings.STAKEHOLDER_UPLOAD_MAX_BYTES = 1024
    client.force_login(cast["administrator"])
    response = _upload(client, meeting, "other", pdf("annex.pdf", PDF + b"x" * 2000))
    assert response.status_code == 400
    assert "larger than" in response.content.decode()
    assert not MeetingDocument.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "no-role", "focal-point"])
def test_nobody_but_staff_reads_or_uploads_a_document(client, cast, meeting, who):
    staff = cast["administrator"]
    client.force_login(staff)
    assert _upload(client, meeting, "outcome", pdf("outcome.pdf")).status_code == 302
    client.logout()
    doc = MeetingDocument.objects.get()
    if cast[who] is not None:
        client.force_login(cast[who])
    download = client.get(reverse("stakeholders:meeting-document", args=[doc.pk]))
    page = client.get(reverse("stakeholders:meeting", args=[meeting.pk]))
    upload = _upload(client, meeting, "other", pdf("other.pdf"))
    for response in (download, page, upload):
        # Sent to sign in, or refused; never the document.
        assert response.status_code in (302, 403, 404)
        if response.status_code == 302:
            assert reverse("login") in response["Location"]
        assert PDF not in b"".join(getattr(response, "streaming_content", [b""]))
    assert MeetingDocument.objects.count() == 1


def test_an_unknown_document_is_404_for_staff(client, cast, meeting):
    client.force_login(cast["administrator"])
    url = reverse("stakeholders:meeting-document", args=[999999])
    assert client.get(url).status_code == 404


def test_the_virus_scan_hook_refuses_a_meeting_document(
    client, cast, meeting, settings
):
    settings.STAKEHOLDER_VIRUS_SCAN = (
        "tests.stakeholders.services.test_uploads.flag_everything"
    )
    client.force_login(cast["administrator"])
    response = _upload(client, meeting, "agenda", pdf("agenda.pdf"))
    assert response.status_code == 400
    assert "refused by the virus scan" in response.content.decode()
    assert not MeetingDocument.objects.exists()
