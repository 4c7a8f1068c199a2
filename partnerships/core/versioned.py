"""Audit and optimistic concurrency for every write: the mechanism the domain
apps' services use (and nothing else does; see docs/architecture.md).

Every write names its actor: a user's actor records that user in the history; a
system actor (a loader, an import without `--as`) records its name as the reason
when none is given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone

from partnerships.core.actor import Actor
from partnerships.core.errors import StaleVersion

M = TypeVar("M", bound=models.Model)


# django-simple-history keeps a reason in 100 characters (PostgreSQL refuses a
# longer one; SQLite would keep it whole): a longer one is cut with an ellipsis.
REASON_LENGTH = 100


def fitted_reason(reason: str) -> str:
    if len(reason) <= REASON_LENGTH:
        return reason
    return reason[: REASON_LENGTH - 1] + "…"


def _mark(obj: models.Model, actor: Actor, reason: str) -> None:
    """Tell django-simple-history who writes and why (it reads these attributes)."""
    if actor.user_id is not None:
        obj._history_user = get_user_model().objects.get(pk=actor.user_id)
    if reason or actor.system:
        obj._change_reason = fitted_reason(reason or actor.system)


def audited_save(obj: models.Model, *, actor: Actor, reason: str) -> None:
    """Validate and save, recording who and why in the history."""
    obj.full_clean(validate_unique=False, validate_constraints=False)
    _mark(obj, actor, reason)
    obj.save()


def audited_delete(obj: models.Model, *, actor: Actor, reason: str) -> None:
    """Delete a row (one hanging off another, never a registry record: those are
    deleted softly), recording who and why in its history."""
    _mark(obj, actor, reason)
    obj.delete()


def versioned_update(
    model: type[M],
    *,
    pk: int,
    expected_version: int,
    apply: Callable[[M], None],
    actor: Actor,
    reason: str = "",
) -> M:
    """Apply `apply` to the row if nobody changed it since `expected_version`.

    The row is locked (PostgreSQL) or the write transaction taken at once (SQLite,
    immediate mode), so of two writers holding the same version one wins and the
    other gets `StaleVersion`, and nothing of its change is written.
    """
    with transaction.atomic():
        obj = model._default_manager.select_for_update().get(pk=pk)
        current = getattr(obj, "version")  # noqa: B009 (every versioned model has it)
        if current != expected_version:
            raise StaleVersion(current=current, expected=expected_version)
        apply(obj)
        obj.version = current + 1
        audited_save(obj, actor=actor, reason=reason)
        return obj


def versioned_soft_delete(
    obj: models.Model, *, expected_version: int, actor: Actor, reason: str = ""
) -> models.Model:
    """Take a record out of every list, keeping it for a restore."""

    def apply(target: models.Model) -> None:
        target.deleted_at = timezone.now()

    return versioned_update(
        type(obj),
        pk=obj.pk,
        expected_version=expected_version,
        apply=apply,
        actor=actor,
        reason=reason or "deleted",
    )


def versioned_restore(
    obj: models.Model, *, actor: Actor, reason: str = ""
) -> models.Model:
    def apply(target: models.Model) -> None:
        target.deleted_at = None

    return versioned_update(
        type(obj),
        pk=obj.pk,
        expected_version=getattr(obj, "version"),  # noqa: B009
        apply=apply,
        actor=actor,
        reason=reason or "restored",
    )
