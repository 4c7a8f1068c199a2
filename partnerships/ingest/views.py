"""Review pages: runs, candidates per paragraph, decisions, upload."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from partnerships.accounts.actors import actor_for
from partnerships.accounts.gates import staff_required
from partnerships.cooperation.models import Kind
from partnerships.core.errors import NotAllowed
from partnerships.ingest import selectors
from partnerships.ingest.forms import DecisionForm, UploadForm
from partnerships.ingest.models import Candidate, IngestRun
from partnerships.ingest.review import (
    candidate_accept,
    candidate_merge,
    candidate_reject,
)
from partnerships.ingest.services import IngestRefused, ingest_text
from partnerships.registry.categories import Category
from partnerships.registry.visibility import organisations_visible_to
from partnerships.sources.texts import UnreadableFile, read_text


@staff_required
def run_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "ingest/run_list.html",
        {"runs": selectors.runs(), "form": UploadForm(), "title": "Read reports"},
    )


@staff_required
@require_POST
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            text = read_text(upload.name, upload.read())
            run = ingest_text(
                text=text,
                lang=form.cleaned_data["lang"],
                file_name=upload.name,
                symbol=form.cleaned_data["symbol"],
                actor=actor_for(request.user),
            )
        except (UnreadableFile, IngestRefused) as exc:
            form.add_error("file", f"{exc} Nothing was written.")
        else:
            return redirect("ingest:run", pk=run.pk)
    return render(
        request,
        "ingest/run_list.html",
        {"runs": selectors.runs(), "form": form, "title": "Read reports"},
        status=400,
    )


@staff_required
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(IngestRun.objects.select_related("document"), pk=pk)
    return render(
        request,
        "ingest/run_detail.html",
        {
            "run": run,
            "paragraphs": selectors.run_paragraphs(run),
            "title": f"Review {run.document.symbol}",
            "categories": Category.choices,
            "kinds": Kind.choices,
        },
    )


@staff_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = get_object_or_404(Candidate, pk=pk)
    actor = actor_for(request.user)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"The decision was not understood: {form.errors}")
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
                    f"No organisation has the key {data['merge_into']!r}."
                )
            candidate_merge(actor=actor, candidate=candidate, organisation=target)
        else:
            changes: dict[str, Any] = {
                k: data[k] for k in ("name", "category", "kind", "title") if data[k]
            }
            changes["remove"] = request.POST.getlist("remove")
            changes["replace"] = {
                name.removeprefix("replace:"): value.strip()
                for name, value in request.POST.items()
                if name.startswith("replace:") and value.strip()
            }
            candidate_accept(actor=actor, candidate=candidate, changes=changes)
    except (ValidationError, NotAllowed) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, f"{candidate.label}: {candidate.status}.")
    anchor = f"#p{candidate.passage.number}"
    return redirect(reverse("ingest:run", args=[candidate.run_id]) + anchor)
