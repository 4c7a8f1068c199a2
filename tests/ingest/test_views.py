"""The review pages: staff only, escaped, CSRF-protected, one code path."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from partnerships.ingest.models import IngestJob, IngestRun
from partnerships.ingest.services import ingest_text
from partnerships.registry.models import Organisation
from tests.ingest.conftest import ENGLISH_TEXT

pytestmark = pytest.mark.django_db

HOSTILE = """TEST/XSS/1
I. Introduction
1. The <script>alert(1)</script> Harbour Council worked with UNDP.
"""


def test_anonymous_visitors_are_sent_to_the_login(client, run):
    response = client.get(f"/ingest/runs/{run.pk}/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_user_without_an_editing_role_is_refused(client, reader, run):
    client.force_login(reader)
    assert client.get("/ingest/").status_code == 403
    assert client.get(f"/ingest/runs/{run.pk}/").status_code == 403


def test_the_queue_shows_each_paragraph_with_mentions_marked(client, editor, run):
    client.force_login(editor)
    page = client.get(f"/ingest/runs/{run.pk}/").content.decode()
    assert "<mark>Blue Towns Foundation</mark>" in page
    assert 'id="p24"' in page
    assert "csrfmiddlewaretoken" in page


def test_passage_text_is_escaped(client, editor, reference_gazetteer):
    run = ingest_text(
        text=HOSTILE, lang="en", file_name="x.txt", gazetteer=reference_gazetteer
    )
    client.force_login(editor)
    page = client.get(f"/ingest/runs/{run.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_a_reviewer_accepts_with_an_edited_name(client, foundations, run):
    client.force_login(foundations)
    candidate = run.candidates.filter(
        kind="organisation", label="Blue Towns Foundation"
    )[0]
    response = client.post(
        f"/ingest/candidates/{candidate.pk}/decide/",
        {"action": "accept", "name": "Blue Towns Foundation (Test)"},
    )
    assert response.status_code == 302
    assert Organisation.objects.filter(name_en="Blue Towns Foundation (Test)").exists()


def _decide(client, editor, run, label, **data):
    client.force_login(editor)
    candidate = run.candidates.filter(kind="organisation", label=label)[0]
    client.post(f"/ingest/candidates/{candidate.pk}/decide/", data)
    candidate.refresh_from_db()
    return candidate


def test_a_reviewer_accepts_a_new_organisation_in_another_category(
    client, foundations, run
):
    _decide(
        client,
        foundations,
        run,
        "Nordic Coastal Fund",
        action="accept",
        category="foundation",
    )
    assert (
        Organisation.objects.get(name_en="Nordic Coastal Fund").category == "foundation"
    )


def test_merging_into_an_unknown_key_changes_nothing(client, editor, run):
    candidate = _decide(
        client, editor, run, "Nordic Coastal Fund", action="merge", merge_into="NO-SUCH"
    )
    assert candidate.status == "pending"
    assert not candidate.organisation


def test_decisions_need_the_csrf_token(editor, run):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    candidate = run.candidates.filter(kind="organisation").first()
    response = client.post(
        f"/ingest/candidates/{candidate.pk}/decide/", {"action": "reject"}
    )
    assert response.status_code == 403


def test_uploading_a_text_file_reads_it(client, editor, upload_post):
    client.force_login(editor)
    upload = SimpleUploadedFile("report.en.txt", ENGLISH_TEXT.read_bytes())
    response = upload_post({"file": upload, "lang": "en"})
    run = IngestRun.objects.get(file_name="report.en.txt")
    job = IngestJob.objects.get(run=run)
    assert response.status_code == 302
    assert response["Location"] == f"/ingest/jobs/{job.pk}/"
    assert run.run_by == editor
    page = client.get(response["Location"]).content.decode()
    assert f'href="/ingest/runs/{run.pk}/"' in page


def test_uploading_another_kind_of_file_is_refused(client, editor):
    client.force_login(editor)
    upload = SimpleUploadedFile("report.odt", b"data")
    response = client.post("/ingest/upload/", {"file": upload, "lang": "en"})
    assert response.status_code == 400
    assert "Only .txt, .docx and .pdf" in response.content.decode()
    assert not IngestRun.objects.exists()


def test_uploading_a_word_document_reads_its_paragraphs(
    client, editor, tmp_path, upload_post
):
    import docx

    document = docx.Document()
    for line in ENGLISH_TEXT.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "report.docx"
    document.save(path)
    client.force_login(editor)
    upload = SimpleUploadedFile("report.docx", path.read_bytes())
    upload_post({"file": upload, "lang": "en"})
    assert IngestRun.objects.get(file_name="report.docx").stats["paragraphs"] == 28
