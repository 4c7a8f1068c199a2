"""Optimistic concurrency and audit for updates: one path for every writer."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone

from partnerships.core.errors import StaleVersion

M = TypeVar("M", bound=models.Model)


def audited_save(obj: models.Model, *, user_id: int | None, reason: str) -> None:
    """Validate and save, recording who and why in the history."""
    obj.full_clean(validate_unique=False, validate_constraints=False)
    if user_id is not None:
        obj._history_user = get_user_model().objects.get(pk=user_id)  # type: ignore[attr-defined]
    if reason:
        obj._change_reason = reason  # type: ignore[attr-defined]
    obj.save()


def versioned_update(
    model: type[M],
    *,
    pk: int,
    expected_version: int,
    apply: Callable[[M], None],
    user_id: int | None,
    reason: str = "",
) -> M:
    """Apply `apply` to the row if nobody changed it since `expected_version`.

    The row is locked (PostgreSQL) or the write transaction taken at once (SQLite,
    immediate mode), so of two writers holding the same version one wins and the
    other gets `StaleVersion`, and nothing of its change is written.
    """
    with transaction.atomic():
        obj = model._default_manager.select_for_update().get(pk=pk)
        if obj.version != expected_version:  # type: ignore[attr-defined]
            raise StaleVersion(current=obj.version, expected=expected_version)  # type: ignore[attr-defined]
        apply(obj)
        obj.version += 1  # type: ignore[attr-defined]
        audited_save(obj, user_id=user_id, reason=reason)
        return obj


def versioned_soft_delete(
    obj: models.Model, *, expected_version: int, user_id: int | None, reason: str = ""
) -> models.Model:
    """Take a record out of every list, keeping it for a restore."""

    def apply(target: models.Model) -> None:
        target.deleted_at = timezone.now()  # type: ignore[attr-defined]

    return versioned_update(
        type(obj),
        pk=obj.pk,
        expected_version=expected_version,
        apply=apply,
        user_id=user_id,
        reason=reason or "deleted",
    )


def versioned_restore(
    obj: models.Model, *, user_id: int | None, reason: str = ""
) -> models.Model:
    def apply(target: models.Model) -> None:
        target.deleted_at = None  # type: ignore[attr-defined]

    return versioned_update(
        type(obj),
        pk=obj.pk,
        expected_version=obj.version,  # type: ignore[attr-defined]
        apply=apply,
        user_id=user_id,
        reason=reason or "restored",
    )
