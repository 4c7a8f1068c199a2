"""The IATI import as a background task (django_tasks; backend in docs/configuration.md).

The task imports the stored upload as the user who uploaded it. While it runs,
progress goes to a small file next to the upload, not to the database: the
import holds its file's transaction open, and a counter written inside it would
not be seen by the page (nor, on SQLite, could it be written from outside).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from partnerships.interop.iati.importer import Summary, import_file
from partnerships.interop.iati.reader import ReaderError
from partnerships.interop.models import ImportRun, RunStatus

UPLOADS = "iati-uploads"
EVERY = 50  # activities between two progress writes


def upload_folder() -> Path:
    return Path(settings.VAR_DIR) / UPLOADS


def progress_file(run: ImportRun) -> Path:
    return upload_folder() / f"{run.pk}.progress"


def progress_of(run: ImportRun) -> int:
    """Activities read so far by a running import (0 when unknown)."""
    try:
        return int(progress_file(run).read_text() or 0)
    except (OSError, ValueError):
        return run.read


def summary_dict(summary: Summary) -> dict:
    out = asdict(summary)
    out["skipped"] = [
        {"line": line, "identifier": identifier, "reason": reason}
        for line, identifier, reason in summary.skipped
    ]
    return out


@task()
def import_iati_run(run_id: int) -> str:
    run = ImportRun.objects.select_related("user").get(pk=run_id)
    run.status = RunStatus.RUNNING
    run.save(update_fields=["status"])
    counter = progress_file(run)
    read = 0

    def step() -> None:
        nonlocal read
        read += 1
        if read % EVERY == 0:
            counter.write_text(str(read))

    try:
        summary = import_file(
            Path(settings.VAR_DIR) / run.stored,
            dry_run=run.dry_run,
            on_item=step,
            user=run.user,
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
        counter.unlink(missing_ok=True)
    return json.dumps({"run": run.pk, "status": run.status})
