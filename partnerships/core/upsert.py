"""Write a row only when it changed, so that loading the same data twice writes
nothing. Used by the domain apps' services for their create-or-update paths."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models

from partnerships.core.actor import Actor
from partnerships.core.versioned import audited_save

M = TypeVar("M", bound=models.Model)


def save_if_changed(
    model: type[M],
    *,
    lookup: dict[str, Any],
    values: dict[str, Any],
    actor: Actor,
    reason: str = "",
) -> tuple[M, bool]:
    """Create the row found by `lookup`, or update the `values` that differ.

    Runs `full_clean()` before any write and records the actor and reason in the
    history; returns (object, written).
    """
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**{**lookup, **values})
        audited_save(obj, actor=actor, reason=reason)
        return obj, True
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if not changed:
        return obj, False
    for name in changed:
        setattr(obj, name, values[name])
    audited_save(obj, actor=actor, reason=reason)
    return obj, True


def refresh_statistics() -> None:
    """Let the query planner see what a bulk load changed (PostgreSQL here may run
    without autovacuum, and SQLite never gathers statistics by itself)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
