"""History as the reader may see it.

Staff (editors and administrators) read every change with who made it and why.
Everyone else reads public facts only: the changes made while the record was
published, not confidential and not deleted, to the fields the API shows the
public, without the user or the reason (a reason may name a hidden partner or an
amount; a user name is a member of staff's).
"""

from __future__ import annotations

from typing import Any

from django.db import models

from partnerships.core.actor import Actor
from partnerships.core.history import history_of

# Fields that say how a record is kept rather than what it is.
_NOT_PUBLIC = {"is_confidential", "deleted_at", "is_synthetic", "parent", "created_at"}


def _was_public(record: Any) -> bool:
    return (
        getattr(record, "is_published", True)
        and not getattr(record, "is_confidential", False)
        and getattr(record, "deleted_at", None) is None
    )


def history_for(obj: models.Model, actor: Actor) -> list[dict[str, Any]]:
    entries = history_of(obj)
    if actor.is_staff_role:
        return entries
    records = obj.history.filter(
        history_id__in=[entry["history_id"] for entry in entries]
    )
    public = {record.history_id: _was_public(record) for record in records}
    shown = []
    for index, entry in enumerate(entries):
        if not public[entry["history_id"]]:
            continue
        # What the record was before it became public is not a public fact.
        earlier = entries[index + 1] if index + 1 < len(entries) else None
        hide_before = earlier is not None and not public[earlier["history_id"]]
        changes = [
            {**change, "before": None} if hide_before else change
            for change in entry["changes"]
            if change["field"] not in _NOT_PUBLIC
        ]
        if entry["type"] == "changed" and not changes:
            continue
        # Child lines may name a partner or an amount the reader may not see.
        shown.append(
            {**entry, "user": None, "reason": "", "changes": changes, "children": {}}
        )
    return shown
