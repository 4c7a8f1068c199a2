"""Staff pages that act on a whole record: publish or unpublish it, read its
history, merge one organisation into another.

Every write goes through the audited services, which check the actor's rights.
"""

from __future__ import annotations

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
from partnerships.cooperation.visibility import engagements_visible_to
from partnerships.core.errors import NotAllowed, StaleVersion
from partnerships.core.history import history_of
from partnerships.curation.merge import organisation_merge
from partnerships.portal import staff_forms
from partnerships.portal.views.staff import (
    add_errors,
    editable_engagement,
)
from partnerships.registry import services as organisation_services
from partnerships.registry.visibility import organisations_visible_to


@require_POST
@staff_required
def publish(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    """Publish or unpublish (the `publish` field says which)."""
    actor = staff_actor(request)
    value = request.POST.get("publish") == "1"
    version = int(request.POST.get("version") or 0)
    try:
        if kind == "engagement":
            e = editable_engagement(actor, key)
            engagement_services.engagement_update(
                actor=actor,
                engagement=e,
                expected_version=version,
                changes={"is_published": value},
                reason="published" if value else "unpublished",
            )
            target = reverse("portal:staff-engagement-edit", args=[key])
        elif kind == "organisation":
            org = organisations_visible_to(actor).filter(key=key).first()
            if org is None:
                raise Http404
            organisation_services.organisation_update(
                actor=actor,
                organisation=org,
                expected_version=version,
                changes={"is_published": value},
                reason="published" if value else "unpublished",
            )
            target = reverse("portal:staff-organisation-edit", args=[key])
        else:
            raise Http404
    except NotAllowed as exc:
        raise PermissionDenied(str(exc)) from exc
    except StaleVersion as exc:
        messages.error(request, str(exc))
        return redirect(request.POST.get("back") or "portal:staff")
    messages.success(request, _("Published.") if value else _("Unpublished."))
    return redirect(target)


@staff_required
def history(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    actor = staff_actor(request)
    if kind == "engagement":
        obj: Any = engagements_visible_to(actor).filter(key=key).first()
    elif kind == "organisation":
        obj = organisations_visible_to(actor).filter(key=key).first()
    else:
        raise Http404
    if obj is None:
        raise Http404
    return render(
        request,
        "portal/staff/history.html",
        {"obj": obj, "kind": kind, "entries": history_of(obj)},
    )


@require_http_methods(["GET", "POST"])
@staff_required
def merge(request: HttpRequest) -> HttpResponse:
    actor = staff_actor(request)
    form = staff_forms.MergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        visible = organisations_visible_to(actor)
        source = visible.filter(key=form.cleaned_data["source"]).first()
        target = visible.filter(key=form.cleaned_data["target"]).first()
        if source is None:
            form.add_error("source", _("No organisation has this key."))
        if target is None:
            form.add_error("target", _("No organisation has this key."))
        if source is not None and target is not None:
            try:
                organisation_merge(
                    actor=actor,
                    source=source,
                    target=target,
                    expected_version=source.version,
                    reason=form.cleaned_data["reason"],
                )
            except (ValidationError, StaleVersion) as exc:
                add_errors(form, exc)
            except NotAllowed as exc:
                raise PermissionDenied(str(exc)) from exc
            else:
                messages.success(request, _("Merged."))
                return redirect("portal:organisation", key=target.key)
    return render(request, "portal/staff/merge.html", {"form": form})
