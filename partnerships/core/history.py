"""A record's change history from django-simple-history, as before/after pairs."""

from __future__ import annotations

from typing import Any

from django.db import models

_TYPES = {"+": "created", "~": "changed", "-": "deleted"}
_SKIP = {"updated_at", "version"}


def history_of(obj: models.Model, limit: int = 200) -> list[dict[str, Any]]:
    records = list(
        obj.history.select_related("history_user").order_by(
            "-history_date", "-history_id"
        )[: limit + 1]
    )
    entries = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            for change in delta.changes:
                if change.field in _SKIP:
                    continue
                changes.append(
                    {
                        "field": change.field,
                        "before": _plain(change.old),
                        "after": _plain(change.new),
                    }
                )
        entries.append(
            {
                "history_id": record.history_id,
                "date": record.history_date,
                "user": record.history_user.username if record.history_user else None,
                "type": _TYPES.get(record.history_type, record.history_type),
                "reason": record.history_change_reason,
                "changes": changes,
                # The child lines this change wrote, when they have no history
                # rows of their own (an engagement's, cooperation/children.py).
                "children": getattr(record, "history_children", None) or {},
            }
        )
    return entries


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
