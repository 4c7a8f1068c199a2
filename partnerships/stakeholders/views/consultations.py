"""Consultation pages: staff publish a draft, moderate and write the synthesis;
the audience comments per paragraph; the outcome downloads as DOCX or XLSX."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnerships.accounts.gates import staff_actor, staff_required
from partnerships.core.errors import NotAllowed
from partnerships.core.exporters import exporter
from partnerships.stakeholders.drafts import draft_blocks, split_numbered
from partnerships.stakeholders.forms import (
    CommentForm,
    ConsultationForm,
    EraseForm,
    ModerationForm,
    SynthesisForm,
)
from partnerships.stakeholders.models import (
    Comment,
    Consultation,
    Moderation,
    Paragraph,
)
from partnerships.stakeholders.selectors import paragraph_views
from partnerships.stakeholders.services.consultations import (
    author_erase,
    comment_add,
    comment_moderate,
    consultation_publish,
    synthesis_save,
)
from partnerships.stakeholders.visibility import can_comment


def _errors(form, error: Exception) -> None:
    form.add_error(None, getattr(error, "messages", None) or str(error))


@staff_required
def staff_list(request: HttpRequest) -> HttpResponse:
    form = ConsultationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        draft = form.cleaned_data["draft"]
        try:
            paragraphs = split_numbered(draft_blocks(draft.name, draft.read()))
            consultation = consultation_publish(
                actor=staff_actor(request),
                key=form.cleaned_data["key"],
                title=form.cleaned_data["title"],
                audience=form.cleaned_data["audience"],
                deadline=form.cleaned_data["deadline"],
                opens_on=form.cleaned_data["opens_on"],
                invited=form.cleaned_data["invited"],
                paragraphs=paragraphs,
            )
        except (ValidationError, NotAllowed) as error:
            _errors(form, error)
        else:
            return redirect("stakeholders:consultation-staff", key=consultation.key)
    return render(
        request,
        "stakeholders/staff/consultations.html",
        {"form": form, "consultations": Consultation.objects.all()},
        status=400 if form.errors else 200,
    )


@staff_required
def staff_detail(request: HttpRequest, key: str) -> HttpResponse:
    consultation = get_object_or_404(Consultation, key=key)
    return render(
        request,
        "stakeholders/staff/consultation.html",
        {
            "consultation": consultation,
            "views": paragraph_views(staff_actor(request), consultation),
            # One per comment waiting, each with its own picker.
            "moderation_forms": {
                c.pk: ModerationForm(auto_id=f"id_c{c.pk}_%s")
                for c in Comment.objects.filter(
                    paragraph__consultation=consultation, status=Moderation.PENDING
                )
            },
        },
    )


@staff_required
@require_POST
def moderate(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("paragraph"), pk=pk)
    form = ModerationForm(request.POST)
    if form.is_valid():
        try:
            comment_moderate(
                actor=staff_actor(request), comment=comment, **form.cleaned_data
            )
        except (ValidationError, NotAllowed) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    key = comment.paragraph.consultation.key
    return redirect("stakeholders:consultation-staff", key=key)


@staff_required
@require_POST
def erase_author(request: HttpRequest, pk: int) -> HttpResponse:
    """Erase the name a commenter gave, on request, with the request as reason."""
    comment = get_object_or_404(Comment.objects.select_related("paragraph"), pk=pk)
    form = EraseForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Give the reason for the erasure."))
        author_erase(
            actor=staff_actor(request),
            comment=comment,
            reason=form.cleaned_data["reason"],
        )
    except (ValidationError, NotAllowed) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("Saved."))
    key = comment.paragraph.consultation.key
    return redirect("stakeholders:consultation-staff", key=key)


@staff_required
@require_POST
def synthesis(request: HttpRequest, key: str) -> HttpResponse:
    consultation = get_object_or_404(Consultation, key=key)
    form = SynthesisForm(request.POST)
    if form.is_valid():
        number = form.cleaned_data["paragraph"]
        target = (
            get_object_or_404(Paragraph, consultation=consultation, number=number)
            if number
            else consultation
        )
        synthesis_save(
            actor=staff_actor(request), target=target, text=form.cleaned_data["text"]
        )
        messages.success(request, _("Saved."))
    return redirect("stakeholders:consultation-staff", key=key)


@staff_required
def outcome(request: HttpRequest, key: str, extension: str) -> HttpResponse:
    if extension not in ("docx", "xlsx"):
        raise Http404
    consultation = get_object_or_404(Consultation, key=key)
    name, mimetype, data = exporter(f"consultation-outcome-{extension}").render(
        staff_actor(request), consultation=consultation.key
    )
    response = HttpResponse(data, content_type=mimetype)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def public(request: HttpRequest, key: str) -> HttpResponse:
    consultation = get_object_or_404(Consultation, key=key)
    actor = request.actor
    form = CommentForm(request.POST or None, prefix="comment")
    if request.method == "POST" and form.is_valid():
        paragraph = get_object_or_404(
            Paragraph, consultation=consultation, number=request.POST.get("paragraph")
        )
        try:
            comment_add(actor=actor, paragraph=paragraph, values=form.cleaned_data)
        except (ValidationError, NotAllowed) as error:
            _errors(form, error)
        else:
            messages.success(request, _("Thank you: your comment awaits moderation."))
            return redirect("stakeholders:consultation", key=key)
    return render(
        request,
        "stakeholders/consultation.html",
        {
            "consultation": consultation,
            "views": paragraph_views(actor, consultation, published_only=True),
            "form": form if can_comment(actor, consultation) else None,
        },
        status=400 if form.errors else 200,
    )
