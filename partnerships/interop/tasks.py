"""The IATI import as a background task (django_tasks; backend in docs/configuration.md).

The task imports the stored upload as the user who uploaded it. The upload is
kept in the storage (`default_storage`: the file system under MEDIA_ROOT, or an
S3-compatible bucket through django-storages, docs/deployment.md), so a worker on
another machine reads what a web process received. While it runs, progress goes
to the cache (Redis in production, shared by every process), not to the
database: the import holds its file's transaction open, and a counter written
inside it would not be seen by the page (nor, on SQLite, could it be written
from outside).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.utils import timezone, translation
from django_tasks import task

from partnerships.interop.iati.importer import Summary, import_file
from partnerships.interop.iati.reader import ReaderError
from partnerships.interop.models import ImportRun, RunStatus

UPLOADS = "iati-uploads"
EVERY = 50  # activities between two progress writes


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


@task()
def import_iati_run(run_id: int, language: str = "") -> str:
    """Import the run's file; its summary's skip reasons and warnings (and a
    refusal) in `language`, the uploader's (else the site's)."""
    with translation.override(language or None):
        return _import_run(run_id)


def _import_run(run_id: int) -> str:
    run = ImportRun.objects.select_related("user").get(pk=run_id)
    run.status = RunStatus.RUNNING
    run.save(update_fields=["status"])
    counter = progress_key(run)
    read = 0

    def step() -> None:
        nonlocal read
        read += 1
        if read % EVERY == 0:
            cache.set(counter, read, PROGRESS_SECONDS)

    try:
        with local_file(run.stored) as path:
            summary = import_file(
                path, dry_run=run.dry_run, on_item=step, user=run.user
            )
    except ReaderError as error:
        run.status, run.message = RunStatus.REFUSED, str(error)
    except Exception as error:
        run.status, run.message = RunStatus.FAILED, f"{type(error).__name__}: {error}"
        raise
    else:
        run.status, run.summary, run.read = RunStatus.DONE, summary_dict(summary), read
    finally:
        run.read = max(run.read, read)
        run.finished_at = timezone.now()
        run.save()
        cache.delete(counter)
    return json.dumps({"run": run.pk, "status": run.status})
