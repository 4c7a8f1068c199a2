"""The IATI import as a background task (django_tasks; backend in docs/configuration.md).

The task imports the stored upload as the user who uploaded it. The upload is
kept in the storage (`default_storage`: the file system under MEDIA_ROOT, or an
S3-compatible bucket through django-storages, docs/deployment.md), so a worker on
another machine reads what a web process received. While it runs, progress goes
to the cache (Redis in production, shared by every process), not to the
database: the import holds its file's transaction open, and a counter written
inside it would not be seen by the page (nor, on SQLite, could it be written
from outside). So does its heartbeat: a run silent for `ImportRun.STALE_SECONDS`
died, and is shown as failed and may be resumed from the kept file.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.utils import timezone, translation
from django_tasks import task

from partnerships.interop.iati.importer import import_file
from partnerships.interop.iati.reader import ReaderError
from partnerships.interop.iati.results import Summary
from partnerships.interop.models import ImportRun, RunStatus, beat_key

UPLOADS = "iati-uploads"
EVERY = 50  # activities between two progress writes
BEAT_SECONDS = 2.0  # at most this long between two heartbeats while activities come


PROGRESS_SECONDS = 24 * 3600  # a counter outlives any import


def progress_key(run: ImportRun) -> str:
    return f"iati-import-progress:{run.pk}"


def progress_of(run: ImportRun) -> int:
    """Activities read so far by a running import (what the run says when the
    cache has nothing)."""
    found = cache.get(progress_key(run))
    return found if isinstance(found, int) else run.read


@contextmanager
def local_file(name: str) -> Iterator[Path]:
    """The stored upload as a file on this machine, under its own name (the
    import cites it): the storage's own file when it keeps files on this file
    system, else a copy in a temporary folder, removed afterwards."""
    try:
        own = Path(default_storage.path(name))
    except NotImplementedError:  # an object store has no local path
        own = None
    if own is not None:
        yield own
        return
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / Path(name).name
        with default_storage.open(name, "rb") as source, copy.open("wb") as out:
            shutil.copyfileobj(source, out, 1 << 20)
        yield copy


def summary_dict(summary: Summary) -> dict:
    out = asdict(summary)
    out["skipped"] = [
        {"line": line, "identifier": identifier, "reason": reason}
        for line, identifier, reason in summary.skipped
    ]
    return out


class Stopped(Exception):
    """The run was started again (a resume): this attempt gives way."""


class Beat:
    """Progress and heartbeat of one attempt, in the cache (the import's
    transaction is open: a row written now would not be seen). Every
    `BEAT_SECONDS` it also reads whether the run was started again."""

    def __init__(self, run: ImportRun, attempt: int) -> None:
        self.run_id, self.attempt = run.pk, attempt
        self.counter = progress_key(run)
        self.read = 0
        self.last = 0.0

    def step(self) -> None:
        self.read += 1
        if self.read % EVERY and time.monotonic() - self.last < BEAT_SECONDS:
            return
        self.last = time.monotonic()
        cache.set(self.counter, self.read, PROGRESS_SECONDS)
        cache.set(beat_key(self.run_id), time.time(), PROGRESS_SECONDS)
        attempt = (
            ImportRun.objects.filter(pk=self.run_id).values_list("attempt", flat=True)
        ).get()
        if attempt != self.attempt:
            raise Stopped


@task()
def import_iati_run(run_id: int, attempt: int | None = None, language: str = "") -> str:
    """Import the run's file; its summary's skip reasons and warnings (and a
    refusal) in `language`, the uploader's (else the site's)."""
    with translation.override(language or None):
        return _import_run(run_id, attempt)


def _import_run(run_id: int, attempt: int | None) -> str:
    run = ImportRun.objects.select_related("user").get(pk=run_id)
    attempt = run.attempt if attempt is None else attempt
    started = ImportRun.objects.filter(
        pk=run_id, attempt=attempt, status=RunStatus.QUEUED
    ).update(status=RunStatus.RUNNING, beat_at=timezone.now())
    if not started:  # an earlier attempt's task, or a run already taken
        return json.dumps({"run": run_id, "status": "not started"})
    beat = Beat(run, attempt)
    try:
        with local_file(run.stored) as path:
            summary = import_file(
                path, dry_run=run.dry_run, on_item=beat.step, user=run.user
            )
    except Stopped:
        return json.dumps({"run": run_id, "status": "superseded"})
    except ReaderError as error:
        _finish(run, attempt, beat, status=RunStatus.REFUSED, message=str(error))
    except Exception as error:
        message = f"{type(error).__name__}: {error}"
        _finish(run, attempt, beat, status=RunStatus.FAILED, message=message)
        raise
    else:
        summary_row = summary_dict(summary)
        _finish(run, attempt, beat, status=RunStatus.DONE, summary=summary_row)
    run.refresh_from_db()
    return json.dumps({"run": run.pk, "status": run.status})


def _finish(run: ImportRun, attempt: int, beat: Beat, **values: object) -> None:
    """The attempt's outcome on the row, unless the run was started again."""
    now = timezone.now()
    ImportRun.objects.filter(pk=run.pk, attempt=attempt).update(
        read=max(run.read, beat.read), finished_at=now, beat_at=now, **values
    )
    cache.delete_many([beat.counter, beat_key(run.pk)])
