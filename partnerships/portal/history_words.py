"""A record's history in words: field labels instead of column names, the labels
of codes instead of codes, yes and no instead of True and False."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from partnerships.core.languages import UN_LANGUAGES, language
from partnerships.portal.history_lines import lines_in_words
from partnerships.portal.history_reasons import reason_in_words

TYPES = {
    "created": lambda: pgettext("history", "created"),
    "changed": lambda: pgettext("history", "changed"),
    "deleted": lambda: pgettext("history", "deleted"),
}


def _value(field: models.Field | None, value: Any) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, list):
        return ", ".join(_item(v) for v in value) or "—"
    return str(value)


def _item(value: Any) -> str:
    """A row of a many-to-many set as recorded ({"engagement": 7, "theme":
    "housing"}): the code it points to (the keys and codes are text, ids are not)."""
    if isinstance(value, dict):
        codes = [str(v) for v in value.values() if isinstance(v, str)]
        return ", ".join(codes) or str(value)
    return str(value)


def _field(model: type[models.Model], name: str) -> models.Field | None:
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _label(field: models.Field | None, name: str) -> str:
    """The field's label; a column per language says which language by its own
    name ("title (中文)")."""
    base, _sep, code = name.rpartition("_")
    if code in UN_LANGUAGES and base:
        return f"{base.replace('_', ' ')} ({language(code).native_name})"
    if field is None:
        return name.replace("_", " ")
    return str(field.verbose_name)


def in_words(model: type[models.Model], entries: list[dict[str, Any]]) -> list[dict]:
    """`core.history.history_of` entries, each change with a `label` and the
    values as a reader says them."""
    described = []
    for entry, lines in zip(entries, lines_in_words(entries), strict=True):
        changes = []
        for change in entry["changes"]:
            field = _field(model, change["field"])
            label = _label(field, change["field"])
            changes.append(
                {
                    "label": str(label)[:1].upper() + str(label)[1:],
                    "before": _value(field, change["before"]),
                    "after": _value(field, change["after"]),
                }
            )
        kind = TYPES.get(entry["type"])
        described.append(
            {
                **entry,
                "type": kind() if kind else entry["type"],
                "reason": reason_in_words(entry.get("reason") or ""),
                "changes": changes,
                "lines": lines,
            }
        )
    return described
