"""Write a row only when it changed, so that loading the same data twice writes
nothing. Used by the domain apps' services for their create-or-update paths."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Lifecycle:
    """What a record carries beyond its content: its soft deletion, its version and
    the times it was created and last changed, as a dump keeps them.

    Given to an upsert, the row gets exactly these; not given, a row keeps its own
    (and a new row the defaults: live, version 1, stamped now).
    """

    deleted_at: dt.datetime | None = None
    version: int = 1
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    def columns(self) -> dict[str, Any]:
        return {"deleted_at": self.deleted_at, "version": self.version}

    def stamps(self) -> dict[str, Any]:
        return {"created_at": self.created_at, "updated_at": self.updated_at}


def set_stamps(obj: models.Model, stamps: dict[str, Any]) -> bool:
    """Give a row the times its own save would set (`auto_now`, `auto_now_add`).

    Written with an update, not a save, so the times are not stamped again; a
    stamp that is None or already right is left alone. Returns whether it wrote.
    """
    wanted = {
        name: value
        for name, value in stamps.items()
        if value is not None and getattr(obj, name) != value
    }
    if not wanted:
        return False
    type(obj)._default_manager.filter(pk=obj.pk).update(**wanted)
    for name, value in wanted.items():
        setattr(obj, name, value)
    return True
