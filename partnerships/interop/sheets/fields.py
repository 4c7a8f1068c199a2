"""Checks of the values of one workbook row on their own: present, well formed, from
the codelists. What needs the database or the reader's permissions is in `checks`.

Each check reports through `err(column, message)` and returns the value it read.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from partnerships.cooperation.models import Kind, Role, Status
from partnerships.cooperation.services import ContributionSpec
from partnerships.core.dates import FuzzyDate, parse_fuzzy
from partnerships.registry.categories import Category
from partnerships.registry.models import KEY_PATTERN

_URL = URLValidator(schemes=["http", "https"])
_ROLES = ", ".join(Role.values)


def check_key(record: dict[str, str], seen: dict[str, int], err: Any) -> str:
    """The row's key, or "" when it is missing, malformed or repeated."""
    key = record.get("key", "")
    if not key:
        err("key", "The key is missing; every row needs one.")
    elif not re.match(KEY_PATTERN, key):
        err(
            "key",
            f"The key {key!r} may hold only letters, digits, spaces and "
            ". _ & ( ) -, and must begin with a letter or a digit.",
        )
    elif key in seen:
        err(
            "key",
            f"The key {key} is already used in row {seen[key]}; each "
            "record appears once.",
        )
    else:
        return key
    return ""


def check_category(record: dict[str, str], err: Any) -> str:
    category = record.get("category", "")
    if not category:
        err("category", "The category is missing.")
    elif category not in Category.values:
        err(
            "category",
            f"The category {category!r} is unknown; see "
            "docs/data-model.md for the categories.",
        )
    return category


def check_website(record: dict[str, str], err: Any) -> str:
    website = record.get("website", "")
    try:
        if website:
            _URL(website)
    except ValidationError:
        err(
            "website",
            f"The website {website!r} is not a web address beginning "
            "with http:// or https://.",
        )
    return website


def check_kind(record: dict[str, str], err: Any) -> str:
    kind = record.get("kind", "")
    if kind not in Kind.values:
        err(
            "kind",
            f"The kind {kind!r} is unknown; it is one of {', '.join(Kind.values)}."
            if kind
            else "The kind is missing.",
        )
    return kind


def check_status(record: dict[str, str], err: Any) -> str:
    status = record.get("status", "") or Status.UNKNOWN
    if status not in Status.values:
        err(
            "status",
            f"The status {status!r} is unknown; it is one of "
            f"{', '.join(Status.values)}.",
        )
    return status


def check_dates(record: dict[str, str], err: Any) -> None:
    found: dict[str, FuzzyDate] = {}
    for name in ("start", "end"):
        if text := record.get(name, ""):
            try:
                found[name] = parse_fuzzy(text, end=name == "end")
            except ValueError:
                err(
                    name,
                    f"The {name} {text!r} is not a date of the form YYYY, "
                    "YYYY-MM or YYYY-MM-DD.",
                )
    if len(found) == 2 and found["end"].value < found["start"].value:
        err("end", f"The end {record['end']} is before the start {record['start']}.")


def check_role(record: dict[str, str], err: Any) -> str:
    role = record.get("role", "")
    if role not in Role.values:
        err(
            "role",
            f"The role {role!r} is unknown; it is one of {_ROLES}."
            if role
            else "The role is missing.",
        )
    return role


def check_contribution(
    record: dict[str, str], currencies: set[str], err: Any
) -> ContributionSpec | None:
    """The money of a participation row, or None when the row gives no amount."""
    amount, currency = record.get("amount", ""), record.get("currency", "").upper()
    value_date = record.get("value_date", "")
    if not amount:
        if currency or value_date:
            err("amount", "A currency or value date is given without an amount.")
        return None
    try:
        number = Decimal(amount.replace(",", ""))
    except InvalidOperation:
        number = Decimal(-1)
    if not number.is_finite() or number < 0 or number != round(number, 2):
        err(
            "amount",
            f"The amount {amount!r} is not a number of at least zero "
            "with at most two decimals.",
        )
    if currency not in currencies:
        err(
            "currency",
            f"The currency {currency!r} is not an ISO 4217 code."
            if currency
            else "An amount needs its currency.",
        )
    value = None
    if value_date:
        try:
            value = parse_fuzzy(value_date)
        except ValueError:
            err(
                "value_date",
                f"The value date {value_date!r} is not a date of "
                "the form YYYY, YYYY-MM or YYYY-MM-DD.",
            )
    return ContributionSpec(round(number, 2), currency, value)
