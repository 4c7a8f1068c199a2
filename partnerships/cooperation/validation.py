"""What makes an engagement, a place or a contribution valid, beyond its fields.

Pure functions over a dict of column values (attnames, as a row or an instance's
`__dict__` holds them) returning the errors per field, so the single-record path
(the models' `clean`, run by `full_clean`) and the bulk services
(`cooperation/bulk.py`) apply one definition. What a single field declares
(choices, length, null, digits) is checked from the model's own fields
(`core/validation.column_errors`); the database constraints stay the last guard.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from partnerships.core.dates import Precision
from partnerships.core.validation import Errors
from partnerships.registry.validation import key_errors

# The English text (the msgid); `gettext(END_BEFORE_START)` is what a reader sees.
END_BEFORE_START = gettext_noop("The end is before the start.")
_PRECISIONS = frozenset(Precision.values)


def date_pair_errors(values: Mapping[str, Any], prefix: str) -> Errors:
    """A date and its precision are both set or both empty."""
    date, precision = f"{prefix}_date", f"{prefix}_precision"
    if date not in values and precision not in values:
        return {}
    has_date = values.get(date) is not None
    has_precision = values.get(precision, "") != ""
    if has_date and not has_precision:
        return {precision: [_("A date needs its precision (year, month or day).")]}
    if has_precision and not has_date:
        return {precision: [_("A precision without a date.")]}
    if has_precision and values[precision] not in _PRECISIONS:
        return {
            precision: [
                _("Unknown precision %(precision)s.")
                % {"precision": repr(values[precision])}
            ]
        }
    return {}


def engagement_errors(values: Mapping[str, Any]) -> Errors:
    """Key shape, dates with their precisions, and the end not before the start."""
    errors: Errors = {}
    if "key" in values:
        errors |= key_errors(values["key"])
    errors |= date_pair_errors(values, "start") | date_pair_errors(values, "end")
    start, end = values.get("start_date"), values.get("end_date")
    if start is not None and end is not None and end < start:
        errors.setdefault("end_date", []).append(_(END_BEFORE_START))
    parent = values.get("parent_id")
    if parent is not None and parent == values.get("id"):
        errors["parent_id"] = [_("An engagement cannot be its own parent.")]
    return errors


def place_errors(values: Mapping[str, Any]) -> Errors:
    """A place is a country or a region, never both nor neither."""
    if "country_id" not in values and "region_id" not in values:
        return {}
    country = values.get("country_id") is not None
    region = values.get("region_id") is not None
    if country == region:
        return {"country_id": [_("A place is a country or a region (one of the two).")]}
    return {}


def contribution_errors(values: Mapping[str, Any]) -> Errors:
    """Money is never negative; its value date has its precision."""
    errors = date_pair_errors(values, "value")
    amount = values.get("amount")
    if amount is not None and amount < 0:
        errors["amount"] = [_("An amount is never negative.")]
    return errors


def money_line_errors(values: Mapping[str, Any]) -> Errors:
    """A transaction has a date. A period is kept as published, even one that
    ends before it starts (the importer says so): money is never dropped."""
    errors: Errors = {}
    if values.get("kind") == "transaction" and values.get("date") is None:
        errors["date"] = [_("A transaction needs its date.")]
    return errors
