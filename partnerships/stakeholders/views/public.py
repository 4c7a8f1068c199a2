"""The public's accreditation pages: the sessions, the application form, the
applicant's own page (reached only by its secret link) and the accredited lists."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from partnerships.core.exporters import exporter
from partnerships.stakeholders.forms import AnswerForm, ApplicationForm
from partnerships.stakeholders.models import DECIDED, Session
from partnerships.stakeholders.services.applications import (
    application_answer,
    application_submit,
)
from partnerships.stakeholders.visibility import (
    accreditations_visible_to,
    application_for_token,
)


def sessions(request: HttpRequest) -> HttpResponse:
    return render(
        request, "stakeholders/sessions.html", {"sessions": Session.objects.all()}
    )


def apply(request: HttpRequest, key: str) -> HttpResponse:
    session = get_object_or_404(Session, key=key, is_open=True)
    form = ApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            _, token = application_submit(
                session=session,
                values=form.values(),
                uploads=form.uploads(),
                language=get_language() or "en",
                status_url=lambda t: request.build_absolute_uri(
                    reverse("stakeholders:status", args=[t])
                ),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("stakeholders:status", token=token)
    return render(
        request,
        "stakeholders/apply.html",
        {"session": session, "form": form},
        status=400 if form.errors else 200,
    )


@never_cache
def status(request: HttpRequest, token: str) -> HttpResponse:
    application = application_for_token(token)
    if application is None:
        raise Http404
    form = AnswerForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            application_answer(
                application=application,
                text=form.cleaned_data["text"],
                uploads=form.uploads(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("stakeholders:status", token=token)
    return render(
        request,
        "stakeholders/status.html",
        {
            "application": application,
            "exchanges": application.messages.all(),
            "documents": application.documents.all(),
            "form": None if application.status in DECIDED else form,
        },
        status=400 if form.errors else 200,
    )


def accredited(request: HttpRequest, key: str) -> HttpResponse:
    session = get_object_or_404(Session, key=key)
    rows = accreditations_visible_to(request.actor).filter(session=session)
    return render(
        request, "stakeholders/accredited.html", {"session": session, "rows": rows}
    )


def accredited_export(request: HttpRequest, key: str) -> HttpResponse:
    session = get_object_or_404(Session, key=key)
    name, mimetype, data = exporter("accredited-organisations").render(
        request.actor,
        session=session.key,
    )
    response = HttpResponse(data, content_type=mimetype)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
