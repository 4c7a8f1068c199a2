"""Staff pages of advisory bodies, forums, their meetings and trainings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from partnerships.accounts.gates import staff_actor, staff_required
from partnerships.cooperation.visibility import engagements_visible_to
from partnerships.core.errors import NotAllowed
from partnerships.stakeholders.figures import training_totals
from partnerships.stakeholders.forms_bodies import (
    AttendeesForm,
    BodyForm,
    MeetingDocumentForm,
    MeetingForm,
    MemberForm,
    RenewForm,
    TraineeForm,
    TrainingForm,
)
from partnerships.stakeholders.models import Body, Meeting, MeetingDocument, Training
from partnerships.stakeholders.services.bodies import (
    body_create,
    meeting_attendees_add,
    meeting_document_add,
    meeting_record,
    member_add,
    term_renew_by_key,
    trainee_add,
    training_record,
)

Forms = dict[str, tuple[type[forms.Form], Callable[[dict[str, Any]], object]]]


def _handle(
    request: HttpRequest, handlers: Forms
) -> tuple[dict[str, forms.Form], bool]:
    """Bind the posted form (named by `form`), run its service; the page's forms
    and whether the post succeeded."""
    posted = request.POST.get("form") if request.method == "POST" else None
    shown: dict[str, forms.Form] = {}
    for name, (form_class, run) in handlers.items():
        bound = name == posted
        form = form_class(
            request.POST if bound else None,
            request.FILES if bound else None,
            prefix=name,
        )
        shown[f"{name}_form"] = form
        if name != posted or not form.is_valid():
            continue
        try:
            run(form.cleaned_data)
        except (ValidationError, NotAllowed) as error:
            form.add_error(None, getattr(error, "messages", None) or str(error))
        else:
            return shown, True
    return shown, False


def _page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    shown: dict[str, forms.Form],
) -> HttpResponse:
    status = 400 if any(f.errors for f in shown.values()) else 200
    return render(request, template, {**context, **shown}, status=status)


def _country(data: dict[str, Any]) -> str | None:
    return data["country"].pk if data.get("country") else None


@staff_required
def index(request: HttpRequest) -> HttpResponse:
    actor = staff_actor(request)
    shown, done = _handle(
        request,
        {
            "body": (BodyForm, lambda d: body_create(actor=actor, **d)),
            "training": (
                TrainingForm,
                lambda d: training_record(
                    actor=actor,
                    **{
                        **d,
                        "country": _country(d),
                        "indicators": [i.code for i in d["indicators"]],
                    },
                ),
            ),
        },
    )
    if done:
        return redirect("stakeholders:bodies")
    trainings = Training.objects.filter(
        engagement__in=engagements_visible_to(actor)
    ).select_related("country")
    context = {
        "bodies": Body.objects.all(),
        "trainings": trainings,
        "totals": training_totals(trainings),
    }
    return _page(request, "stakeholders/staff/bodies.html", context, shown)


@staff_required
def body(request: HttpRequest, key: str) -> HttpResponse:
    actor = staff_actor(request)
    found = get_object_or_404(Body, key=key)
    shown, done = _handle(
        request,
        {
            "member": (
                MemberForm,
                lambda d: member_add(
                    actor=actor,
                    body=found,
                    **{**d, "organisation": d["organisation"][0]},
                ),
            ),
            "renew": (
                RenewForm,
                lambda d: term_renew_by_key(
                    actor=actor,
                    body=found,
                    organisation=d["organisation"][0],
                    until=d["until"],
                ),
            ),
            "meeting": (
                MeetingForm,
                lambda d: meeting_record(
                    actor=actor, body=found, **{**d, "country": _country(d)}
                ),
            ),
        },
    )
    if done:
        return redirect("stakeholders:body", key=key)
    context = {"body": found}
    return _page(request, "stakeholders/staff/body.html", context, shown)


@staff_required
def training(request: HttpRequest, key: str) -> HttpResponse:
    actor = staff_actor(request)
    found = get_object_or_404(Training, key=key)
    shown, done = _handle(
        request,
        {
            "trainee": (
                TraineeForm,
                lambda d: trainee_add(
                    actor=actor,
                    training=found,
                    **{**d, "organisation": d["organisation"][0]},
                ),
            ),
        },
    )
    if done:
        return redirect("stakeholders:training", key=key)
    context = {"training": found}
    return _page(request, "stakeholders/staff/training.html", context, shown)


def _meetings_in_charge(request: HttpRequest) -> Any:
    return Meeting.objects.filter(
        engagement__in=engagements_visible_to(staff_actor(request))
    )


@staff_required
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    """A meeting: its attendees and documents, and the upload of another."""
    actor = staff_actor(request)
    found = get_object_or_404(
        _meetings_in_charge(request).select_related("body", "country"), pk=pk
    )
    shown, done = _handle(
        request,
        {
            "attendees": (
                AttendeesForm,
                lambda d: meeting_attendees_add(
                    actor=actor, meeting=found, attendees=d["attendees"]
                ),
            ),
            "document": (
                MeetingDocumentForm,
                lambda d: meeting_document_add(
                    actor=actor,
                    meeting=found,
                    kind=d["kind"],
                    name=d["file"].name,
                    data=d["file"].read(),
                ),
            ),
        },
    )
    if done:
        return redirect("stakeholders:meeting", pk=pk)
    context = {"meeting": found, "documents": found.documents.all()}
    return _page(request, "stakeholders/staff/meeting.html", context, shown)


@staff_required
def meeting_document(request: HttpRequest, pk: int) -> FileResponse:
    """A meeting's document, to staff in charge of the meeting, as a download;
    never served to anybody else."""
    doc = get_object_or_404(
        MeetingDocument.objects.filter(meeting__in=_meetings_in_charge(request)),
        pk=pk,
    )
    return FileResponse(
        doc.file.open("rb"),
        as_attachment=True,
        filename=doc.original_name,
        content_type=doc.content_type or "application/octet-stream",
    )
