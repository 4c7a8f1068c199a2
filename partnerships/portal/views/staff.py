"""Staff pages: create and edit organisations and engagements and their parts.

Every write goes through the audited services (registry/services.py,
cooperation/services, sources/services.py, curation/merge.py), which check the
actor's rights; these views only turn their errors into messages on the form.
Publishing, history and merging are in `staff_records`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerships.accounts.gates import staff_actor, staff_required
from partnerships.cooperation import services as engagement_services
from partnerships.cooperation.models import Engagement
from partnerships.cooperation.visibility import (
    can_edit_engagement,
    engagements_visible_to,
)
from partnerships.core.actor import Actor
from partnerships.core.errors import NotAllowed, StaleVersion
from partnerships.core.languages import UN_LANGUAGES
from partnerships.portal import search as site_search
from partnerships.portal import staff_forms
from partnerships.registry import services as organisation_services
from partnerships.registry.models import Organisation
from partnerships.registry.visibility import organisations_visible_to
from partnerships.sources import services as source_services

FORMS = {
    "organisation": staff_forms.OrganisationForm,
    "engagement": staff_forms.EngagementForm,
}


def _inline(form: Any, name: str) -> None:
    """Each field asks the server about itself when it changes (htmx)."""
    url = reverse("portal:staff-validate", args=[name])
    for field_name, field in form.fields.items():
        if field_name in ("version",):
            continue
        field.widget.attrs.update(
            {
                "hx-post": url,
                "hx-trigger": "change",
                "hx-target": f"#err-{field_name}",
                "hx-include": "closest form",
                "hx-swap": "innerHTML",
                "aria-describedby": f"err-{field_name}",
            }
        )


def add_errors(form: Any, exc: Exception) -> None:
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                form.add_error(target, error)
    else:
        form.add_error(
            None, exc.messages if isinstance(exc, ValidationError) else str(exc)
        )


@staff_required
def index(request: HttpRequest) -> HttpResponse:
    actor = staff_actor(request)
    text = request.GET.get("q", "")[:200].strip()
    return render(
        request,
        "portal/staff/index.html",
        {
            "q": text,
            "found": site_search.search(actor, text) if text else None,
            "organisations": organisations_visible_to(actor).order_by("-updated_at")[
                :15
            ],
            "engagements": engagements_visible_to(actor).order_by("-updated_at")[:15],
        },
    )


@require_POST
@staff_required
def validate(request: HttpRequest, name: str) -> HttpResponse:
    """The errors of the one field that changed (htmx inline validation)."""
    if name not in FORMS:
        raise Http404
    form = FORMS[name](request.POST, editing="version" in request.POST)
    field = request.headers.get("HX-Trigger-Name", "")
    errors = form.errors.get(field, []) if not form.is_valid() else []
    return render(request, "portal/staff/_errors.html", {"errors": errors})


def _organisation_initial(org: Organisation) -> dict[str, Any]:
    initial = {f"name_{lang}": getattr(org, f"name_{lang}") for lang in UN_LANGUAGES}
    initial.update(
        key=org.key,
        version=org.version,
        category=org.category,
        country=org.country_id or "",
        parent=org.parent.key if org.parent_id else "",
        website=org.website,
        is_published=org.is_published,
    )
    return initial


@dataclass(frozen=True)
class Editing:
    """What differs between editing an organisation and an engagement."""

    form_class: type
    name: str  # the services' keyword for the record, and the form's name
    create: Callable[..., Any]
    update: Callable[..., Any]
    page: str  # URL name of the edit page


ORGANISATION = Editing(
    staff_forms.OrganisationForm,
    "organisation",
    organisation_services.organisation_create,
    organisation_services.organisation_update,
    "portal:staff-organisation-edit",
)
ENGAGEMENT = Editing(
    staff_forms.EngagementForm,
    "engagement",
    engagement_services.engagement_create,
    engagement_services.engagement_update,
    "portal:staff-engagement-edit",
)


def _edit(
    request: HttpRequest, how: Editing, found: Any, initial: dict[str, Any]
) -> tuple[Any, HttpResponse | None]:
    """The form, and after a successful save the redirect to the edit page."""
    actor = staff_actor(request)
    form = how.form_class(request.POST or None, initial=initial, editing=bool(found))
    _inline(form, how.name)
    if request.method != "POST" or not form.is_valid():
        return form, None
    data = form.cleaned_data
    common = {"actor": actor, "changes": form.changes(), "reason": data["reason"]}
    try:
        if found is None:
            found = how.create(key=data["key"], **common)
        else:
            how.update(
                expected_version=data["version"] or 0, **{how.name: found}, **common
            )
    except (ValidationError, StaleVersion) as exc:
        add_errors(form, exc)
        return form, None
    except NotAllowed as exc:
        raise PermissionDenied(str(exc)) from exc
    messages.success(request, _("Saved."))
    return form, redirect(how.page, key=found.key)


@require_http_methods(["GET", "POST"])
@staff_required
def organisation_edit(request: HttpRequest, key: str | None = None) -> HttpResponse:
    org = None
    if key is not None:
        org = organisations_visible_to(staff_actor(request)).filter(key=key).first()
        if org is None:
            raise Http404
    initial = _organisation_initial(org) if org else {"is_published": True}
    form, done = _edit(request, ORGANISATION, org, initial)
    return done or render(
        request, "portal/staff/organisation_form.html", {"form": form, "org": org}
    )


def _engagement_initial(e: Engagement) -> dict[str, Any]:
    from partnerships.core.dates import format_fuzzy

    initial = {
        f"{base}_{lang}": getattr(e, f"{base}_{lang}")
        for base in ("title", "summary")
        for lang in UN_LANGUAGES
    }
    initial.update(
        themes=list(e.themes.values_list("pk", flat=True)),
        sdg_targets=list(e.sdg_targets.values_list("pk", flat=True)),
        key=e.key,
        version=e.version,
        kind=e.kind,
        status=e.status,
        start=format_fuzzy(e.start_date, e.start_precision) or "",
        end=format_fuzzy(e.end_date, e.end_precision) or "",
        is_published=e.is_published,
        is_confidential=e.is_confidential,
    )
    return initial


def editable_engagement(actor: Actor, key: str) -> Engagement:
    found = engagements_visible_to(actor).filter(key=key).first()
    if found is None:
        raise Http404
    if not can_edit_engagement(actor, found):
        raise PermissionDenied
    return found


@require_http_methods(["GET", "POST"])
@staff_required
def engagement_edit(request: HttpRequest, key: str | None = None) -> HttpResponse:
    found = editable_engagement(staff_actor(request), key) if key else None
    initial = _engagement_initial(found) if found else {"is_published": True}
    form, done = _edit(request, ENGAGEMENT, found, initial)
    return done or render(
        request,
        "portal/staff/engagement_form.html",
        {"form": form, "e": found, **_child_forms(found)},
    )


def _child_forms(e: Engagement | None) -> dict[str, Any]:
    if e is None:
        return {}
    version = {"version": e.version}
    return {
        "participants": e.participations.select_related("organisation")
        .prefetch_related("contributions")
        .order_by("role", "organisation__key"),
        "places": e.places.select_related("country", "region"),
        "evidence": e.evidence.select_related("passage__document"),
        # Each form its own element ids: they share field names (reason, version).
        "participant_form": staff_forms.ParticipantForm(
            initial=version, auto_id="participant_%s"
        ),
        "place_form": staff_forms.PlaceForm(initial=version, auto_id="place_%s"),
        "money_form": staff_forms.MoneyForm(initial=version, auto_id="money_%s"),
        "evidence_form": staff_forms.EvidenceForm(
            initial=version, auto_id="evidence_%s"
        ),
    }


CHILD_FORMS = {
    "participant": staff_forms.ParticipantForm,
    "place": staff_forms.PlaceForm,
    "money": staff_forms.MoneyForm,
    "evidence": staff_forms.EvidenceForm,
}


def _add_child(actor: Actor, e: Engagement, what: str, data: dict[str, Any]) -> None:
    version = data["version"]
    if what == "participant":
        engagement_services.participation_add(
            actor=actor,
            engagement=e,
            expected_version=version,
            organisation_key=data["organisation"],
            role=data["role"],
            reason=data["reason"],
        )
    elif what == "place":
        engagement_services.place_add(
            actor=actor,
            engagement=e,
            expected_version=version,
            country=data["country"].upper(),
            region=data["region"],
            city_en=data["city_en"],
            reason=data["reason"],
        )
    elif what == "money":
        part = e.participations.filter(pk=data["participation"]).first()
        if part is None:
            raise ValidationError(
                {"participation": _("Not a participant of this engagement.")}
            )
        engagement_services.contribution_add(
            actor=actor,
            participation=part,
            expected_version=version,
            amount=data["amount"],
            currency=data["currency"],
            value_date=data["value_date"],
            reason=data["reason"],
        )
    else:
        source_services.evidence_add(
            actor=actor,
            engagement=e,
            expected_version=version,
            symbol=data["symbol"],
            number=data["number"],
            quote=data["quote"],
            reason=data["reason"],
        )


@require_POST
@staff_required
def engagement_child(request: HttpRequest, key: str, what: str) -> HttpResponse:
    """Add a participant, place, sum of money or evidence passage."""
    actor = staff_actor(request)
    e = editable_engagement(actor, key)
    if what not in CHILD_FORMS:
        raise Http404
    form = CHILD_FORMS[what](request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(
                "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items())
            )
        _add_child(actor, e, what, form.cleaned_data)
    except (ValidationError, StaleVersion) as exc:
        text = " ".join(getattr(exc, "messages", [str(exc)]))
        messages.error(request, text)
    except NotAllowed as exc:
        raise PermissionDenied(str(exc)) from exc
    else:
        messages.success(request, _("Saved."))
    return redirect("portal:staff-engagement-edit", key=e.key)


@require_POST
@staff_required
def engagement_child_remove(
    request: HttpRequest, key: str, what: str, pk: int
) -> HttpResponse:
    actor = staff_actor(request)
    e = editable_engagement(actor, key)
    version = int(request.POST.get("version") or 0)
    reason = request.POST.get("reason", "").strip()[:500]
    if not reason:
        messages.error(request, _("Nothing was removed: give the reason for it."))
        return redirect("portal:staff-engagement-edit", key=e.key)
    try:
        if what == "participant":
            part = e.participations.filter(pk=pk).first()
            if part is None:
                raise Http404
            engagement_services.participation_remove(
                actor=actor, participation=part, expected_version=version, reason=reason
            )
        elif what == "place":
            place = e.places.filter(pk=pk).first()
            if place is None:
                raise Http404
            engagement_services.place_remove(
                actor=actor, place=place, expected_version=version, reason=reason
            )
        else:
            raise Http404
    except StaleVersion as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Removed."))
    return redirect("portal:staff-engagement-edit", key=e.key)
