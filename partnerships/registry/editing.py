"""Changes to organisations by people: permission, version check, audit."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from partnerships.core.actor import Actor, can_create
from partnerships.core.errors import NotAllowed
from partnerships.core.languages import UN_LANGUAGES
from partnerships.core.versioned import (
    audited_save,
    versioned_restore,
    versioned_soft_delete,
    versioned_update,
)
from partnerships.registry.models import Organisation
from partnerships.registry.visibility import can_edit_organisation

NAMES = {f"name_{lang}" for lang in UN_LANGUAGES}
# A focal point keeps its organisation's profile; its category and publication are
# staff decisions.
FOCAL_POINT_EDITABLE = NAMES | {"website", "country"}
STAFF_EDITABLE = FOCAL_POINT_EDITABLE | {"category", "parent", "is_published"}


def _apply(org: Organisation, changes: dict[str, Any], allowed: set[str]) -> None:
    if refused := set(changes) - allowed:
        raise ValidationError(
            {name: "You cannot change this field." for name in refused}
        )
    for name, value in changes.items():
        if name == "parent":
            parent = Organisation.objects.filter(key=value).first() if value else None
            if value and parent is None:
                raise ValidationError(
                    {"parent": f"No organisation has the key {value!r}."}
                )
            org.parent = parent
        elif name == "country":
            org.country_id = value or None
        else:
            setattr(org, name, value)


def _allowed(actor: Actor) -> set[str]:
    return STAFF_EDITABLE if actor.is_staff_role else FOCAL_POINT_EDITABLE


def organisation_create(
    *, actor: Actor, key: str, changes: dict[str, Any], reason: str = ""
) -> Organisation:
    if not can_create(actor):
        raise NotAllowed("Only editors and administrators create organisations.")
    org = Organisation(key=key)
    _apply(org, changes, STAFF_EDITABLE)
    audited_save(org, user_id=actor.user_id, reason=reason or "created")
    return org


def organisation_update(
    *,
    actor: Actor,
    organisation: Organisation,
    expected_version: int,
    changes: dict[str, Any],
    reason: str = "",
) -> Organisation:
    if not can_edit_organisation(actor, organisation):
        raise NotAllowed("You may not change this organisation.")
    return versioned_update(
        Organisation,
        pk=organisation.pk,
        expected_version=expected_version,
        apply=lambda org: _apply(org, changes, _allowed(actor)),
        user_id=actor.user_id,
        reason=reason,
    )


def organisation_delete(
    *, actor: Actor, organisation: Organisation, expected_version: int, reason: str = ""
) -> Organisation:
    if not actor.is_staff_role or not can_edit_organisation(actor, organisation):
        raise NotAllowed("You may not delete this organisation.")
    return versioned_soft_delete(
        organisation,
        expected_version=expected_version,
        user_id=actor.user_id,
        reason=reason,
    )


def organisation_restore(
    *, actor: Actor, organisation: Organisation, reason: str = ""
) -> Organisation:
    if not actor.is_admin:
        raise NotAllowed("Only administrators restore deleted records.")
    return versioned_restore(organisation, user_id=actor.user_id, reason=reason)
