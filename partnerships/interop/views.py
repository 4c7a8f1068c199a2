"""The IATI upload page: staff upload files; each is imported as a background task.

Only users the permission layer lets create records (editors, administrators)
may upload; anonymous users are sent to the login, others refused. Each file is
kept in the storage (the file system or an S3-compatible bucket, see
docs/deployment.md), recorded as an `ImportRun` and handed to the task
(tasks.py); the run's page shows its progress and then the import's summary,
refreshing itself while it runs (a meta refresh: no JavaScript needed).
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerships.accounts.gates import staff_required
from partnerships.core.errors import NotAllowed
from partnerships.interop.forms import UploadForm
from partnerships.interop.iati.review import match_decide
from partnerships.interop.models import ImportRun, MatchStatus, NameMatch, RunStatus
from partnerships.interop.tasks import UPLOADS, import_iati_run

REFRESH_SECONDS = 2
_ITEM = re.compile(rb"<iati-(?:activity|organisation)[\s>]")


@staff_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        runs = [
            _store(request, upload, dry_run=form.cleaned_data["dry_run"])
            for upload in form.cleaned_data["files"]
        ]
        for run in runs:
            _enqueue(run)
        if len(runs) == 1:
            return redirect("interop:iati-run", pk=runs[0].pk)
        return redirect("interop:iati-upload")
    recent = ImportRun.objects.select_related("user")[:20]
    return render(
        request,
        "interop/iati_upload.html",
        {"form": form, "runs": recent, "title": _("Import IATI files")},
        status=400 if form.errors else 200,
    )


@staff_required
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(ImportRun.objects.select_related("user"), pk=pk)
    from partnerships.interop.tasks import progress_of

    return render(
        request,
        "interop/iati_run.html",
        {
            "run": run,
            "read": progress_of(run) if run.is_active else run.read,
            "refresh": REFRESH_SECONDS if run.is_active else None,
            "may_resume": run.may_resume
            and (run.user_id == request.user.pk or request.actor.is_admin),
            "title": _("IATI import: %(file)s") % {"file": run.file_name},
        },
    )


@staff_required
@require_POST
def run_resume(request: HttpRequest, pk: int) -> HttpResponse:
    """Import a run that died or failed again, from the kept file, as the user
    who uploaded it; only that user or an administrator may. A task of an
    earlier attempt gives way (tasks.py)."""
    with transaction.atomic():
        run = get_object_or_404(ImportRun.objects.select_for_update(), pk=pk)
        if run.user_id != request.user.pk and not request.actor.is_admin:
            raise PermissionDenied(
                _("Only who uploaded the file or an administrator may resume it.")
            )
        if run.may_resume:
            run.attempt += 1
            run.status, run.message, run.read = RunStatus.QUEUED, "", 0
            run.finished_at = None
            run.save()
            _enqueue(run)
        else:
            messages.error(
                request,
                _("An import with the status “%(status)s” cannot be resumed.")
                % {"status": run.get_shown_status_display()},
            )
    return redirect("interop:iati-run", pk=pk)


@staff_required
@require_http_methods(["GET", "POST"])
def matches(request: HttpRequest) -> HttpResponse:
    """Near matches of IATI names (iati/near.py): pending ones first, each with
    "the same organisation" (merge, or add the name) and "different"."""
    if request.method == "POST":
        match = get_object_or_404(NameMatch, pk=request.POST.get("match"))
        try:
            match_decide(
                actor=request.actor,
                match=match,
                same=request.POST.get("decision") == "same",
            )
        except (NotAllowed, ValidationError) as error:
            messages.error(request, "; ".join(getattr(error, "messages", [str(error)])))
        return redirect("interop:iati-matches")
    rows = NameMatch.objects.select_related("organisation", "created", "decided_by")
    return render(
        request,
        "interop/iati_matches.html",
        {
            "pending": rows.filter(status=MatchStatus.PENDING),
            "decided": rows.exclude(status=MatchStatus.PENDING)[:50],
            "title": _("IATI names near a registry name"),
        },
    )


def _store(request: HttpRequest, upload, *, dry_run: bool) -> ImportRun:
    """Keep the upload in the storage, under its own name (the import cites it)
    in a folder of its own."""
    name = get_valid_filename(Path(upload.name).name)[:200] or "upload.xml"
    total = _count_items(upload)
    stored = default_storage.save(f"{UPLOADS}/{uuid.uuid4().hex}/{name}", upload)
    return ImportRun.objects.create(
        file_name=upload.name[:300],
        size=upload.size,
        stored=stored,
        user=request.user,
        dry_run=dry_run,
        total=total,
    )


def _count_items(upload: Any) -> int:
    """`<iati-activity>` and `<iati-organisation>` tags in the upload, read in
    pieces (a tag cut between two pieces counts once)."""
    total, tail = 0, b""
    for part in upload.chunks():
        window = tail + part
        total += sum(1 for m in _ITEM.finditer(window) if m.end() > len(tail))
        tail = window[-32:]
    upload.seek(0)
    return total


def _enqueue(run: ImportRun) -> None:
    # The summary's reasons and warnings in the uploader's language.
    language = translation.get_language() or ""

    # After the run's row is committed, so that a worker process can see it.
    attempt = run.attempt

    def go() -> None:
        result = import_iati_run.enqueue(run.pk, attempt, language)
        ImportRun.objects.filter(pk=run.pk).update(task_id=str(result.id)[:100])

    transaction.on_commit(go)
