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
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerships.accounts.gates import staff_actor, staff_required
from partnerships.cooperation import services as engagement_services
from partnerships.cooperation.visibility import engagements_visible_to
from partnerships.core.errors import NotAllowed, StaleVersion
from partnerships.core.history import history_of
from partnerships.curation.merge import organisation_merge
from partnerships.curation.participants import merge_preview_rows
from partnerships.portal import staff_forms
from partnerships.portal.history_words import in_words
from partnerships.portal.views.staff import (
    add_errors,
    editable_engagement,
)
from partnerships.registry import services as organisation_services
from partnerships.registry.visibility import organisations_visible_to


def _record(actor: Any, kind: str, key: str) -> Any:
    if kind == "engagement":
        return editable_engagement(actor, key)
    if kind == "organisation":
        org = organisations_visible_to(actor).filter(key=key).first()
        if org is not None:
            return org
    raise Http404


@require_POST
@staff_required
def publish(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    """Publish or unpublish (the `publish` field says which), after a page that
    says what follows and asks why; the change is made once confirmed."""
    actor = staff_actor(request)
    record = _record(actor, kind, key)
    form = staff_forms.ConfirmForm(request.POST, initial={"version": record.version})
    if not (form.is_valid() and form.cleaned_data["confirm"]):
        return render(
            request,
            "portal/staff/confirm_publish.html",
            {
                "form": form,
                "record": record,
                "kind": kind,
                "publish": request.POST.get("publish") == "1",
            },
        )
    value = form.cleaned_data["publish"] == "1"
    update = (
        engagement_services.engagement_update
        if kind == "engagement"
        else organisation_services.organisation_update
    )
    try:
        update(
            actor=actor,
            expected_version=form.cleaned_data["version"],
            changes={"is_published": value},
            reason=form.cleaned_data["reason"],
            **{kind: record},
        )
    except NotAllowed as exc:
        raise PermissionDenied(str(exc)) from exc
    except StaleVersion as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Published.") if value else _("Unpublished."))
    return redirect(f"portal:staff-{kind}-edit", key=key)


def _hanging(kind: str, record: Any) -> dict[str, int]:
    """What leaves the lists with the record, counted for the confirmation."""
    if kind == "engagement":
        return {
            _("participants"): record.participations.count(),
            _("places"): record.places.count(),
            _("evidence passages"): record.evidence.count(),
        }
    return {
        _("engagements it takes part in"): record.participations.count(),
        _("parts"): record.children.count(),
    }


@require_http_methods(["GET", "POST"])
@staff_required
def delete(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    """Delete a record (soft: an administrator can restore it) after a page that
    says what follows and asks why."""
    actor = staff_actor(request)
    record = _record(actor, kind, key)
    form = staff_forms.DeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        remove = (
            engagement_services.engagement_delete
            if kind == "engagement"
            else organisation_services.organisation_delete
        )
        try:
            remove(
                actor=actor,
                expected_version=form.cleaned_data["version"],
                reason=form.cleaned_data["reason"],
                **{kind: record},
            )
        except NotAllowed as exc:
            raise PermissionDenied(str(exc)) from exc
        except StaleVersion as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Deleted: %(key)s.") % {"key": key})
            return redirect("portal:staff")
    context = {"form": form, "record": record, "kind": kind}
    context["hanging"] = _hanging(kind, record)
    return render(request, "portal/staff/confirm_delete.html", context)


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
        {"obj": obj, "kind": kind, "entries": in_words(type(obj), history_of(obj))},
    )


@require_http_methods(["GET", "POST"])
@staff_required
def merge(request: HttpRequest) -> HttpResponse:
    """Merge one organisation into another: first a preview of what moves, then
    the merge once confirmed."""
    actor = staff_actor(request)
    form = staff_forms.MergeForm(request.POST or None)
    pair = _merge_pair(actor, form) if request.method == "POST" else None
    if pair is None:
        return render(request, "portal/staff/merge.html", {"form": form})
    source, target = pair
    if not form.cleaned_data["confirm"]:
        return render(
            request,
            "portal/staff/merge.html",
            {"form": form, "preview": merge_preview(actor, source, target)},
        )
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
        return render(request, "portal/staff/merge.html", {"form": form})
    except NotAllowed as exc:
        raise PermissionDenied(str(exc)) from exc
    messages.success(
        request,
        _("Merged %(source)s into %(target)s.")
        % {"source": source.key, "target": target.key},
    )
    return redirect("portal:staff-organisation-edit", key=target.key)


def _merge_pair(actor: Any, form: Any) -> tuple[Any, Any] | None:
    if not form.is_valid():
        return None
    visible = organisations_visible_to(actor)
    source = visible.filter(key=form.cleaned_data["source"]).first()
    target = visible.filter(key=form.cleaned_data["target"]).first()
    if source is None:
        form.add_error("source", _("No organisation has this key."))
    if target is None:
        form.add_error("target", _("No organisation has this key."))
    if source is not None and target is not None and source.pk == target.pk:
        form.add_error("source", _("An organisation cannot merge into itself."))
        return None
    return (source, target) if source is not None and target is not None else None


def merge_preview(actor: Any, source: Any, target: Any) -> dict[str, Any]:
    """What a merge would move, counted."""
    return {
        "source": source,
        "target": target,
        "participations": source.participations.count(),
        "names": source.other_names.count(),
        "identifiers": source.identifiers.count(),
        "children": organisations_visible_to(actor).filter(parent=source).count(),
        # Records of the feature apps (stakeholders), counted by themselves.
        "others": merge_preview_rows(source, target),
    }
