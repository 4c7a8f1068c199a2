"""Creating, changing, deleting and restoring an engagement: permission, field
whitelist, validation, version check and audit in one place."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partnerships.cooperation.models import Engagement
from partnerships.cooperation.visibility import (
    can_edit_engagement,
    engagements_visible_to,
)
from partnerships.core.actor import Actor, can_create
from partnerships.core.dates import parse_fuzzy
from partnerships.core.errors import NotAllowed
from partnerships.core.languages import UN_LANGUAGES
from partnerships.core.versioned import (
    audited_save,
    versioned_restore,
    versioned_soft_delete,
    versioned_update,
)

# What people may change. `start` and `end` are fuzzy dates as text ("2018-05",
# the API's and staff pages' form); the back office's form gives the columns
# (`start_date`, `start_precision`, ...) instead.
DATE_COLUMNS = {"start_date", "start_precision", "end_date", "end_precision"}
EDITABLE = {
    "kind",
    "status",
    "is_published",
    "is_confidential",
    "start",
    "end",
    *DATE_COLUMNS,
    "parent",
    "themes",
    "sdg_targets",
    *(f"title_{lang}" for lang in UN_LANGUAGES),
    *(f"summary_{lang}" for lang in UN_LANGUAGES),
}
MANY = ("themes", "sdg_targets")


def _set_date(engagement: Engagement, name: str, value: Any) -> None:
    try:
        fuzzy = parse_fuzzy(value, end=name == "end") if value else None
    except ValueError as exc:
        raise ValidationError({name: str(exc)}) from exc
    setattr(engagement, f"{name}_date", fuzzy.value if fuzzy else None)
    setattr(engagement, f"{name}_precision", fuzzy.precision if fuzzy else "")


def _parent(value: Engagement | str | None, actor: Actor) -> Engagement | None:
    """The parent named by its key, among the engagements the actor may see: a
    hidden one reads like a key nobody holds."""
    if not value or isinstance(value, Engagement):
        return value or None
    parent = engagements_visible_to(actor).filter(key=value).first()
    if parent is None:
        raise ValidationError(
            {"parent": _("No engagement has the key %(key)s.") % {"key": value}}
        )
    return parent


def _apply(
    engagement: Engagement, changes: dict[str, Any], actor: Actor
) -> list[tuple[str, list[str]]]:
    """Set plain fields now; return the many-to-many sets to write after saving."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValidationError(
            {name: _("This field cannot be changed.") for name in unknown}
        )
    later: list[tuple[str, list[str]]] = []
    for name, value in changes.items():
        if name in ("start", "end"):
            _set_date(engagement, name, value)
        elif name == "parent":
            engagement.parent = _parent(value, actor)
        elif name in MANY:
            later.append((name, _codes(value)))
        else:
            setattr(engagement, name, value)
    start, end = engagement.start_date, engagement.end_date
    if start and end and end < start:
        raise ValidationError({"end": _("The end is before the start.")})
    return later


def _codes(values: Iterable[Any]) -> list[str]:
    """Codes given as text (API) or as model instances (the back office's form)."""
    return [getattr(value, "pk", value) for value in values]


def _set_many(engagement: Engagement, later: list[tuple[str, list[str]]]) -> None:
    for name, codes in later:
        manager = getattr(engagement, name)
        known = set(
            manager.model.objects.filter(pk__in=codes).values_list("pk", flat=True)
        )
        if missing := set(codes) - known:
            raise ValidationError(
                {
                    name: _("Unknown codes: %(codes)s.")
                    % {"codes": ", ".join(sorted(missing))}
                }
            )
        manager.set(codes)


def check_applicable(
    engagement: Engagement, changes: dict[str, Any], actor: Actor
) -> None:
    """Refuse changes that could never be applied (a proposal is checked so)."""
    probe = Engagement.objects.get(pk=engagement.pk)
    _apply(probe, changes, actor)


def engagement_create(
    *, actor: Actor, key: str, changes: dict[str, Any], reason: str = ""
) -> Engagement:
    if not can_create(actor):
        raise NotAllowed(_("Only editors and administrators create engagements."))
    with transaction.atomic():
        engagement = Engagement(key=key)
        later = _apply(engagement, changes, actor)
        audited_save(engagement, actor=actor, reason=reason or "created")
        _set_many(engagement, later)
        return engagement


def engagement_update(
    *,
    actor: Actor,
    engagement: Engagement,
    expected_version: int,
    changes: dict[str, Any],
    reason: str = "",
) -> Engagement:
    if not can_edit_engagement(actor, engagement):
        raise NotAllowed(_("You may not change this engagement."))
    holder: dict[str, list[tuple[str, list[str]]]] = {}

    def apply(obj: Engagement) -> None:
        holder["later"] = _apply(obj, changes, actor)

    with transaction.atomic():
        updated = versioned_update(
            Engagement,
            pk=engagement.pk,
            expected_version=expected_version,
            apply=apply,
            actor=actor,
            reason=reason,
        )
        _set_many(updated, holder.get("later", []))
        return updated


def engagement_delete(
    *, actor: Actor, engagement: Engagement, expected_version: int, reason: str = ""
) -> Engagement:
    """Soft delete: the record leaves every list but can be restored."""
    if not can_edit_engagement(actor, engagement):
        raise NotAllowed(_("You may not delete this engagement."))
    return versioned_soft_delete(
        engagement, expected_version=expected_version, actor=actor, reason=reason
    )


def engagement_restore(
    *, actor: Actor, engagement: Engagement, reason: str = ""
) -> Engagement:
    if not actor.is_admin:
        raise NotAllowed(_("Only administrators restore deleted records."))
    return versioned_restore(engagement, actor=actor, reason=reason)
