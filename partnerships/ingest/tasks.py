"""Reading an uploaded report as a background task (django_tasks; the backend is
chosen in settings, docs/deployment.md), with progress, cancel and resume.

The upload page keeps the file in the storage and records an `IngestJob`; the
task reads the file (Word, PDF, text), finds partners paragraph by paragraph and
only then stores the document, its passages and the candidates, all at once. So
a reading stopped at any point before that leaves nothing behind, and starting
it again (a resume) reads the kept file from its start.

While it runs, the task writes its progress and a heartbeat to the job's row at
most every `BEAT_SECONDS` (no transaction is open during the reading, so other
processes see them) and reads back whether someone asked it to stop, or started
the job again (`attempt`), in which case this run gives way.
"""

from __future__ import annotations

import json
import time

from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from partnerships.accounts.actors import actor_for
from partnerships.ingest.models import IngestJob, JobStatus
from partnerships.ingest.services import IngestRefused, ingest_text
from partnerships.sources.texts import UnreadableFile, read_text

BEAT_SECONDS = 2.0


class Stopped(Exception):
    """The reading was cancelled, or the job was started again elsewhere."""

    def __init__(self, cancelled: bool) -> None:
        super().__init__("cancelled" if cancelled else "superseded")
        self.cancelled = cancelled


class Beat:
    """Progress and heartbeat of one attempt, written now and then."""

    def __init__(self, job: IngestJob, attempt: int) -> None:
        self.job_id, self.attempt = job.pk, attempt
        self.last = 0.0

    def stage(self, stage: str, **values: object) -> None:
        self._check()
        self._write(stage=stage, **values)

    def paragraph(self, done: int, total: int) -> None:
        if done < total and time.monotonic() - self.last < BEAT_SECONDS:
            return
        self._check()
        self._write(done=done, total=total)

    def _check(self) -> None:
        cancel, attempt = (
            IngestJob.objects.filter(pk=self.job_id)
            .values_list("cancel_requested", "attempt")
            .get()
        )
        if attempt != self.attempt:
            raise Stopped(cancelled=False)
        if cancel:
            raise Stopped(cancelled=True)

    def _write(self, **values: object) -> None:
        self.last = time.monotonic()
        IngestJob.objects.filter(pk=self.job_id, attempt=self.attempt).update(
            beat_at=timezone.now(), **values
        )


@task()
def read_upload(job_id: int, attempt: int) -> str:
    job = IngestJob.objects.select_related("user").get(pk=job_id)
    if job.attempt != attempt or job.status != JobStatus.QUEUED:
        return json.dumps({"job": job_id, "status": "not started"})
    with translation.override(job.reader_language or settings.LANGUAGE_CODE):
        return _read(job, attempt)


def _read(job: IngestJob, attempt: int) -> str:
    job_id = job.pk
    beat = Beat(job, attempt)
    outcome: dict[str, object] = {}
    try:
        beat.stage(_("reading the file"), status=JobStatus.RUNNING)
        with default_storage.open(job.stored, "rb") as stored:
            text = read_text(job.file_name, stored.read())
        beat.stage(_("finding partners, paragraph by paragraph"))
        run = ingest_text(
            text=text,
            lang=job.language,
            file_name=job.file_name,
            symbol=job.symbol,
            actor=actor_for(job.user),
            on_paragraph=beat.paragraph,
        )
    except (UnreadableFile, IngestRefused) as error:
        outcome = {
            "status": JobStatus.REFUSED,
            "message": _("%(error)s Nothing was written.") % {"error": error},
        }
    except Stopped as stop:
        if not stop.cancelled:
            return json.dumps({"job": job_id, "status": "superseded"})
        outcome = {
            "status": JobStatus.CANCELLED,
            "message": _("Cancelled; nothing was written."),
        }
    except Exception as error:
        message = f"{type(error).__name__}: {error}"
        _finish(job, attempt, status=JobStatus.FAILED, message=message)
        raise
    else:
        outcome = {"status": JobStatus.DONE, "run": run, "stage": ""}
    _finish(job, attempt, **outcome)
    if outcome["status"] in (JobStatus.DONE, JobStatus.REFUSED):
        default_storage.delete(job.stored)  # read, or never readable: not kept
    return json.dumps({"job": job_id, "status": str(outcome["status"])})


def _finish(job: IngestJob, attempt: int, **values: object) -> None:
    IngestJob.objects.filter(pk=job.pk, attempt=attempt).update(
        finished_at=timezone.now(), beat_at=timezone.now(), **values
    )
