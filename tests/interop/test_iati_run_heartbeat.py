"""A killed IATI import is shown as failed and resumes (issue 16, item 4).

Written as the attack: the worker importing an upload is killed (kill -9).
Before, the run's page said "running" for ever. Now a run silent for longer
than `ImportRun.STALE_SECONDS` is shown as failed, and who uploaded it (or an
administrator) imports the kept file again; a task of the earlier attempt,
should it wake, gives way and writes nothing.
"""

import datetime as dt
import json
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from partnerships.cooperation.models import PublishedActivity
from partnerships.interop import tasks
from partnerships.interop.models import ImportRun, RunStatus, beat_key
from tests.interop.iati_import_helpers import counts

pytestmark = pytest.mark.django_db

FILE = Path(__file__).parent / "data" / "real" / "beis-activity.xml"
IDENTIFIERS = {
    i.text.strip() for i in etree.parse(str(FILE)).iterfind(".//iati-identifier")
}
UPLOAD = reverse("interop:iati-upload")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def killed(client, cast):
    """A run whose worker took it and was killed: queued by the upload (whose
    task, left for after a commit that a test never makes, does not run), then
    marked running with a heartbeat long past."""
    client.force_login(cast["editor-africa"])
    upload = SimpleUploadedFile(FILE.name, FILE.read_bytes(), content_type="text/xml")
    client.post(UPLOAD, {"files": upload})
    run = ImportRun.objects.get()
    silent = timezone.now() - dt.timedelta(seconds=ImportRun.STALE_SECONDS + 60)
    ImportRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING, beat_at=silent)
    cache.set(beat_key(run.pk), silent.timestamp())
    cache.set(tasks.progress_key(run), 4)
    return run


def _page(client, run):
    return client.get(reverse("interop:iati-run", args=[run.pk])).content.decode()


def _resume(client, run, capture):
    with capture(execute=True):
        return client.post(reverse("interop:iati-run-resume", args=[run.pk]))


def test_a_killed_import_is_shown_failed_and_resumes(
    client, killed, django_capture_on_commit_callbacks
):
    page = _page(client, killed)
    assert '<td id="status">failed' in page and 'id="died"' in page
    assert "Resume" in page and 'http-equiv="refresh"' not in page
    assert "<td>failed</td>" in client.get(UPLOAD).content.decode()
    before = counts()
    _resume(client, killed, django_capture_on_commit_callbacks)
    killed.refresh_from_db()
    assert (killed.status, killed.attempt) == (RunStatus.DONE, 2)
    assert killed.read == len(IDENTIFIERS) == killed.summary["created"]
    imported = PublishedActivity.objects.filter(identifier__in=IDENTIFIERS)
    assert imported.count() == len(IDENTIFIERS)
    # The first attempt's task, should it wake, does not start: nothing more.
    after = counts()
    assert json.loads(tasks.import_iati_run.call(killed.pk, 1))["status"] == (
        "not started"
    )
    assert counts() == after != before


def test_a_live_import_whose_heartbeat_is_fresh_is_running(client, killed):
    cache.set(beat_key(killed.pk), timezone.now().timestamp())
    page = _page(client, killed)
    assert '<td id="status">running' in page and 'id="died"' not in page
    assert 'http-equiv="refresh"' in page and "Resume" not in page


def test_only_who_uploaded_it_or_an_administrator_resumes_it(
    client, cast, killed, django_capture_on_commit_callbacks
):
    client.force_login(cast["editor-private"])
    response = _resume(client, killed, django_capture_on_commit_callbacks)
    assert response.status_code == 403
    assert "Resume" not in _page(client, killed)
    killed.refresh_from_db()
    assert (killed.status, killed.attempt) == (RunStatus.RUNNING, 1)
    client.force_login(cast["administrator"])
    _resume(client, killed, django_capture_on_commit_callbacks)
    killed.refresh_from_db()
    assert (killed.status, killed.attempt) == (RunStatus.DONE, 2)


def test_a_finished_import_cannot_be_resumed(
    client, killed, django_capture_on_commit_callbacks
):
    ImportRun.objects.filter(pk=killed.pk).update(status=RunStatus.DONE)
    response = _resume(client, killed, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "cannot be resumed" in page
    assert ImportRun.objects.get().attempt == 1


def test_an_import_superseded_by_a_resume_gives_way_and_writes_nothing(
    killed, monkeypatch
):
    """The first attempt was not dead after all: at its next heartbeat it
    finds the run started again, stops, and its transaction writes nothing."""
    monkeypatch.setattr(tasks, "BEAT_SECONDS", 0)
    real = tasks.Beat.step

    def resumed_elsewhere(self):
        if self.read == 3:
            ImportRun.objects.filter(pk=self.run_id).update(attempt=2)
        real(self)

    monkeypatch.setattr(tasks.Beat, "step", resumed_elsewhere)
    ImportRun.objects.filter(pk=killed.pk).update(status=RunStatus.QUEUED)
    before = counts()
    outcome = json.loads(tasks.import_iati_run.call(killed.pk, 1))
    assert outcome["status"] == "superseded"
    assert counts() == before
    killed.refresh_from_db()
    assert (killed.status, killed.finished_at) == (RunStatus.RUNNING, None)
