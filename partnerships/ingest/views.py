"""Review pages: runs, candidates per paragraph, decisions, upload."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnerships.accounts.actors import actor_for
from partnerships.accounts.gates import staff_required
from partnerships.cooperation.models import Kind
from partnerships.core.errors import NotAllowed
from partnerships.ingest import selectors
from partnerships.ingest.forms import DecisionForm, UploadForm
from partnerships.ingest.models import Candidate, IngestJob, IngestRun, JobStatus
from partnerships.ingest.review import (
    candidate_accept,
    candidate_merge,
    candidate_reject,
)
from partnerships.ingest.tasks import read_upload
from partnerships.registry.categories import Category
from partnerships.registry.visibility import organisations_visible_to
from partnerships.sources.selectors import document_for
from partnerships.sources.services import document_publish, may_publish
from partnerships.sources.visibility import documents_shown_to

UPLOADS = "ingest-uploads"
REFRESH_SECONDS = 2


@staff_required
def run_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "ingest/run_list.html",
        _list_context(UploadForm()),
    )


@staff_required
@require_POST
def upload(request: HttpRequest) -> HttpResponse:
    """Keep the file and hand its reading to a background task (tasks.py); the
    job's page shows the progress. A file refused by its form (kind, size) is
    refused here at once."""
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        job = IngestJob.objects.create(
            file_name=upload.name[:300],
            stored=_keep(upload),
            size=upload.size,
            language=form.cleaned_data["lang"],
            symbol=form.cleaned_data["symbol"],
            user=request.user,
            reader_language=translation.get_language() or "",
        )
        _enqueue(job)
        return redirect("ingest:job", pk=job.pk)
    return render(
        request,
        "ingest/run_list.html",
        _list_context(form),
        status=400,
    )


def _list_context(form: UploadForm) -> dict[str, Any]:
    return {
        "runs": selectors.runs(),
        "jobs": IngestJob.objects.select_related("user", "run")[:20],
        "form": form,
        "title": _("Read reports"),
    }


def _keep(upload: Any) -> str:
    """The upload in the storage (django-storages: a bucket in production), under
    a folder of its own; returns the name the storage gave it."""
    name = get_valid_filename(Path(upload.name).name)[:200] or "upload"
    return default_storage.save(f"{UPLOADS}/{uuid.uuid4().hex}/{name}", upload)


def _enqueue(job: IngestJob) -> None:
    # After the job's row is committed, so that a worker process can see it.
    attempt = job.attempt

    def go() -> None:
        result = read_upload.enqueue(job.pk, attempt)
        IngestJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:100])

    transaction.on_commit(go)


@staff_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(IngestJob.objects.select_related("user", "run"), pk=pk)
    return render(
        request,
        "ingest/job.html",
        {
            "job": job,
            "refresh": REFRESH_SECONDS if job.is_active else None,
            "may_act": _may_act(request, job),
            "title": _("Reading %(file)s") % {"file": job.file_name},
        },
    )


def _may_act(request: HttpRequest, job: IngestJob) -> bool:
    return job.user_id == request.user.pk or actor_for(request.user).is_admin


@staff_required
@require_POST
def job_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Stop a reading: at once when it waits or has died, else at its next
    paragraph (the task reads the request). Nothing read so far is written."""
    with transaction.atomic():
        job = get_object_or_404(IngestJob.objects.select_for_update(), pk=pk)
        if not _may_act(request, job):
            raise PermissionDenied("Only who uploaded the file or an administrator.")
        if job.status == JobStatus.QUEUED or job.died:
            job.status, job.finished_at = JobStatus.CANCELLED, timezone.now()
            job.message = "Cancelled; nothing was written."
        elif job.status == JobStatus.RUNNING:
            job.cancel_requested = True
        job.save()
    return redirect("ingest:job", pk=pk)


@staff_required
@require_POST
def job_resume(request: HttpRequest, pk: int) -> HttpResponse:
    """Start a reading that failed, died or was cancelled again, from the kept
    file; a task of an earlier attempt that still runs gives way."""
    with transaction.atomic():
        job = get_object_or_404(IngestJob.objects.select_for_update(), pk=pk)
        if not _may_act(request, job):
            raise PermissionDenied("Only who uploaded the file or an administrator.")
        if job.may_resume:
            job.attempt += 1
            job.status, job.cancel_requested = JobStatus.QUEUED, False
            job.message, job.stage, job.done, job.finished_at = "", "", 0, None
            job.reader_language = translation.get_language() or ""
            job.save()
            _enqueue(job)
        else:
            messages.error(
                request,
                _("A reading with the status “%(status)s” cannot be resumed.")
                % {"status": job.get_shown_status_display()},
            )
    return redirect("ingest:job", pk=pk)


@staff_required
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(IngestRun.objects.select_related("document"), pk=pk)
    actor = actor_for(request.user)
    return render(
        request,
        "ingest/run_detail.html",
        {
            "run": run,
            "paragraphs": selectors.run_paragraphs(run, actor),
            "may_publish": may_publish(actor, run.document),
            "shown": document_for(
                run.document.symbol,
                run.document.language,
                within=documents_shown_to(actor),
            ),
            "title": _("Review %(document)s") % {"document": run.document},
            "categories": Category.choices,
            "kinds": Kind.choices,
        },
    )


@staff_required
@require_POST
def run_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish the document revision a reading made, once reviewed: it becomes
    the one the portal and the API show under its symbol."""
    run = get_object_or_404(IngestRun.objects.select_related("document"), pk=pk)
    try:
        document = document_publish(
            actor=actor_for(request.user),
            document=run.document,
            reason=request.POST.get("reason", "")[:200] or "reviewed and published",
        )
    except NotAllowed as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request, _("%(document)s is published.") % {"document": document}
        )
    return redirect("ingest:run", pk=pk)


@staff_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = get_object_or_404(Candidate, pk=pk)
    actor = actor_for(request.user)
    masks = selectors.masks_of(candidate, actor)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _("The decision was not understood: %(errors)s") % {"errors": form.errors},
        )
        return redirect("ingest:run", pk=candidate.run_id)
    data = form.cleaned_data
    try:
        if data["action"] == "reject":
            candidate_reject(actor=actor, candidate=candidate, note=data["note"])
        elif data["action"] == "merge":
            target = (
                organisations_visible_to(actor).filter(key=data["merge_into"]).first()
            )
            if target is None:
                raise ValidationError(
                    _("No organisation has the key %(key)s.")
                    % {"key": data["merge_into"]}
                )
            candidate_merge(actor=actor, candidate=candidate, organisation=target)
        else:
            changes: dict[str, Any] = {
                k: data[k] for k in ("name", "category", "kind", "title") if data[k]
            }
            # The page names a hidden partner as a new one: back to its identity.
            changes["remove"] = [
                masks.real_identity(v) for v in request.POST.getlist("remove")
            ]
            changes["replace"] = {
                masks.real_identity(name.removeprefix("replace:")): value.strip()
                for name, value in request.POST.items()
                if name.startswith("replace:") and value.strip()
            }
            candidate_accept(actor=actor, candidate=candidate, changes=changes)
    except (ValidationError, NotAllowed) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        label = masks.text(candidate.label)
        messages.success(request, f"{label}: {candidate.get_status_display()}.")
    anchor = f"#p{candidate.passage.number}"
    return redirect(reverse("ingest:run", args=[candidate.run_id]) + anchor)
