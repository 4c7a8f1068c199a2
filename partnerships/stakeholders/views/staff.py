"""The reviewers' pages: the queue of applications in their charge, one
application with its checklist, request for more, decision and erasure, the
documents (never public) and the import of lists giving a basis."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnerships.accounts.gates import staff_actor, staff_required
from partnerships.core.actor import Actor
from partnerships.core.errors import NotAllowed
from partnerships.stakeholders.forms import (
    BasisImportForm,
    ChecklistForm,
    DecisionForm,
    EraseForm,
    RequestForm,
)
from partnerships.stakeholders.models import (
    CHECKLIST,
    DECIDED,
    Application,
    ApplicationDocument,
    ApplicationStatus,
)
from partnerships.stakeholders.services.applications import (
    application_check,
    application_request_more,
    contact_erase,
)
from partnerships.stakeholders.services.decisions import (
    application_decide,
    basis_import,
)
from partnerships.stakeholders.visibility import applications_visible_to


@staff_required
def queue(request: HttpRequest) -> HttpResponse:
    rows = applications_visible_to(staff_actor(request))
    wanted = request.GET.get("status", "")
    if wanted in ApplicationStatus.values:
        rows = rows.filter(status=wanted)
    return render(
        request,
        "stakeholders/staff/queue.html",
        {"rows": rows, "statuses": ApplicationStatus.choices, "wanted": wanted},
    )


def _application(request: HttpRequest, pk: int) -> Application:
    # One not in the reviewer's charge answers 404: its existence does not leak.
    return get_object_or_404(applications_visible_to(staff_actor(request)), pk=pk)


@staff_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    return _detail(request, application, {})


def _detail(
    request: HttpRequest, application: Application, bound: dict[str, forms.Form]
) -> HttpResponse:
    ticked = [k for k, v in application.checklist.items() if v]
    open_ = application.status not in DECIDED
    context = {
        "application": application,
        "documents": application.documents.all(),
        "exchanges": application.messages.all(),
        "checklist": [(label, key in ticked) for key, label in CHECKLIST.items()],
        "open": open_,
        # Prefixed by their action, so that two forms' fields never share an id.
        "check_form": ChecklistForm(initial={"ticked": ticked}, prefix="check"),
        "request_form": RequestForm(prefix="ask"),
        "decision_form": DecisionForm(prefix="decide"),
        "erase_form": EraseForm(prefix="erase"),
        **bound,
    }
    status = 400 if any(f.errors for f in bound.values()) else 200
    return render(request, "stakeholders/staff/detail.html", context, status=status)


Action = Callable[[Actor, Application, dict[str, Any]], object]

# What each reviewer's form does: (its form, its name on the page, the service).
ACTIONS: dict[str, tuple[type[forms.Form], str, Action]] = {
    "check": (
        ChecklistForm,
        "check_form",
        lambda actor, a, d: application_check(
            actor=actor, application=a, ticked=set(d["ticked"])
        ),
    ),
    "ask": (
        RequestForm,
        "request_form",
        lambda actor, a, d: application_request_more(
            actor=actor, application=a, text=d["text"]
        ),
    ),
    "decide": (
        DecisionForm,
        "decision_form",
        lambda actor, a, d: application_decide(actor=actor, application=a, **d),
    ),
    "erase": (
        EraseForm,
        "erase_form",
        lambda actor, a, d: contact_erase(
            actor=actor, application=a, reason=d["reason"]
        ),
    ),
}


@staff_required
@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Run one reviewer action from its form; errors show on the page."""
    if action not in ACTIONS:
        raise Http404
    form_class, name, service = ACTIONS[action]
    application = _application(request, pk)
    form = form_class(request.POST, prefix=action)
    if form.is_valid():
        try:
            service(staff_actor(request), application, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error.messages)
        except NotAllowed as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Saved."))
            return redirect("stakeholders:review", pk=pk)
    return _detail(request, application, {name: form})


@staff_required
def document(request: HttpRequest, pk: int) -> FileResponse:
    """A document, to a reviewer in charge of its application, as a download."""
    doc = get_object_or_404(
        ApplicationDocument.objects.filter(
            application__in=applications_visible_to(staff_actor(request))
        ),
        pk=pk,
    )
    return FileResponse(
        doc.file.open("rb"), as_attachment=True, filename=doc.original_name
    )


@staff_required
def basis(request: HttpRequest) -> HttpResponse:
    form = BasisImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["file"].read().decode("utf-8-sig")
        try:
            count = basis_import(actor=staff_actor(request), text=text)
        except (ValidationError, NotAllowed) as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, _("%(n)s entries written.") % {"n": count})
            return redirect("stakeholders:basis")
    return render(
        request,
        "stakeholders/staff/basis.html",
        {"form": form},
        status=400 if form.errors else 200,
    )
