"""Long reads run as background tasks (issue 16, item 4): an uploaded report is
read by a task that shows its progress, can be cancelled, and when its worker
dies is shown as failed and can be resumed from the kept file. Nothing is
written until the whole file has been read."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from partnerships.accounts.models import Profile, Role
from partnerships.ingest import tasks
from partnerships.ingest.models import IngestJob, IngestRun, JobStatus
from partnerships.sources.models import Passage, SourceDocument
from tests.ingest.conftest import ENGLISH_TEXT

pytestmark = pytest.mark.django_db
SYMBOL = "TEST/JOBS/1"


def _upload(client, upload_post, editor, name="report.en.txt", data=None):
    client.force_login(editor)
    body = ENGLISH_TEXT.read_bytes() if data is None else data
    upload = SimpleUploadedFile(name, body)
    response = upload_post({"file": upload, "lang": "en", "symbol": SYMBOL})
    assert response.status_code == 302
    return IngestJob.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])


def _paragraphs_in_the_file() -> int:
    """Numbered paragraphs, read plainly: lines starting with a number and a dot."""
    lines = ENGLISH_TEXT.read_text(encoding="utf-8").splitlines()
    return sum(1 for line in lines if line.split(".")[0].strip().isdigit())


def test_a_reading_shows_its_progress_and_ends_done(client, editor, upload_post):
    job = _upload(client, upload_post, editor)
    assert job.status == JobStatus.DONE and job.run is not None
    paragraphs = _paragraphs_in_the_file()
    assert job.done == job.total == paragraphs
    assert Passage.objects.filter(document__symbol=SYMBOL).count() == paragraphs
    page = client.get(f"/ingest/jobs/{job.pk}/").content.decode()
    assert f"{paragraphs} of {paragraphs} paragraphs read" in page
    assert 'http-equiv="refresh"' not in page
    assert not default_storage.exists(job.stored)  # read: not kept


def test_a_reading_cancelled_midway_writes_nothing_and_can_be_resumed(
    client, editor, upload_post, monkeypatch
):
    monkeypatch.setattr(tasks, "BEAT_SECONDS", 0)
    real = tasks.Beat.paragraph

    def cancel_at_three(self, done, total):
        if done == 3:  # as the cancel button would, from another process
            IngestJob.objects.filter(pk=self.job_id).update(cancel_requested=True)
        real(self, done, total)

    monkeypatch.setattr(tasks.Beat, "paragraph", cancel_at_three)
    job = _upload(client, upload_post, editor)
    assert job.status == JobStatus.CANCELLED and job.done == 2
    assert not IngestRun.objects.exists()
    assert not SourceDocument.objects.filter(symbol=SYMBOL).exists()
    assert default_storage.exists(job.stored)
    monkeypatch.setattr(tasks.Beat, "paragraph", real)
    _resume(client, job)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.attempt == 2
    assert IngestRun.objects.get(pk=job.run_id).document.symbol == SYMBOL


def _resume(client, job):
    response = client.post(f"/ingest/jobs/{job.pk}/resume/")
    assert response.status_code == 302
    job.refresh_from_db()
    tasks.read_upload.call(job.pk, job.attempt)


def test_the_cancel_button_stops_a_waiting_reading(client, editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    client.force_login(editor)
    upload = SimpleUploadedFile("report.en.txt", ENGLISH_TEXT.read_bytes())
    # No worker has taken it yet: the callbacks after the commit do not run.
    response = client.post("/ingest/upload/", {"file": upload, "lang": "en"})
    job = IngestJob.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])
    page = client.get(f"/ingest/jobs/{job.pk}/").content.decode()
    assert job.status == JobStatus.QUEUED and "Cancel the reading" in page
    assert 'http-equiv="refresh"' in page
    client.post(f"/ingest/jobs/{job.pk}/cancel/")
    job.refresh_from_db()
    assert job.status == JobStatus.CANCELLED
    assert "not started" in tasks.read_upload.call(job.pk, job.attempt)
    assert not IngestRun.objects.exists()


def test_a_reading_whose_worker_died_is_shown_failed_and_resumes(
    client, editor, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    client.force_login(editor)
    upload = SimpleUploadedFile("report.en.txt", ENGLISH_TEXT.read_bytes())
    response = client.post("/ingest/upload/", {"file": upload, "lang": "en"})
    job = IngestJob.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])
    # The worker took it, wrote its progress, and was killed (kill -9).
    silent = timezone.now() - dt.timedelta(seconds=IngestJob.STALE_SECONDS + 60)
    IngestJob.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, done=5, total=28, beat_at=silent
    )
    page = client.get(f"/ingest/jobs/{job.pk}/").content.decode()
    assert '<td id="status">failed' in page and 'id="died"' in page
    assert "Resume" in page and 'http-equiv="refresh"' not in page
    listing = client.get("/ingest/").content.decode()
    assert "<td>failed</td>" in listing
    _resume(client, job)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.attempt == 2
    assert job.done == _paragraphs_in_the_file()
    # The first attempt's task, should it wake, gives way and writes nothing.
    runs = IngestRun.objects.count()
    assert "not started" in tasks.read_upload.call(job.pk, 1)
    assert IngestRun.objects.count() == runs == 1


def test_a_running_reading_superseded_by_a_resume_gives_way(
    client, editor, upload_post, monkeypatch
):
    monkeypatch.setattr(tasks, "BEAT_SECONDS", 0)
    real = tasks.Beat.paragraph

    def resumed_elsewhere(self, done, total):
        if done == 2:
            IngestJob.objects.filter(pk=self.job_id).update(attempt=2)
        real(self, done, total)

    monkeypatch.setattr(tasks.Beat, "paragraph", resumed_elsewhere)
    job = _upload(client, upload_post, editor)
    assert job.status == JobStatus.RUNNING and job.attempt == 2
    assert not IngestRun.objects.exists()


def test_an_unreadable_file_is_refused_with_a_sentence(client, editor, upload_post):
    job = _upload(client, upload_post, editor, name="report.docx", data=b"not a zip")
    assert job.status == JobStatus.REFUSED
    assert "report.docx" in job.message and "Nothing was written" in job.message
    page = client.get(f"/ingest/jobs/{job.pk}/")
    assert page.status_code == 200 and "Nothing was written" in page.content.decode()
    assert not SourceDocument.objects.filter(symbol=SYMBOL).exists()


def test_only_the_uploader_or_an_administrator_cancels(
    client, editor, upload_post, django_user_model
):
    job = _upload(client, upload_post, editor)
    IngestJob.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING)
    other = django_user_model.objects.create_user(username="ed2", password="x" * 16)
    Profile.objects.create(user=other, role=Role.EDITOR)
    client.force_login(other)
    assert (
        "Cancel the reading"
        not in client.get(f"/ingest/jobs/{job.pk}/").content.decode()
    )
    assert client.post(f"/ingest/jobs/{job.pk}/cancel/").status_code == 403
    job.refresh_from_db()
    assert not job.cancel_requested
