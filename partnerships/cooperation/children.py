"""An engagement's child lines recorded in the engagement's own history row.

The bulk path (an IATI import) writes places and money lines by the ten
thousand; one history row each cost more than the lines themselves. Instead the
engagement's history row written by the same change (`+` when the import creates
it, `~` when it changes the engagement or only its lines, its version raised as
by any edit) holds in `history_children` what that change did to its lines:

    {"places": {"added": [{"country": "KE"}], "removed": [...]},
     "money": {"added": [{"position": 1, "kind": "budget", "amount": "100.00",
                          "currency": "USD", ...}],
               "changed": [{"position": 3, "changes": {"amount": ["1.00", "2.00"]}}],
               "removed": [{"position": 4, ...}]}}

So the audit trail still says who changed which line, when and why (the row's
user, date and reason). A line's published XML (`MoneyLine.extras`) is not
repeated: it is the file's, cited by the import's source document. Lines written
one at a time by the services (`place_add`, ...) keep their own history rows, as
do the rows written before this shape (docs/data-model.md, *History*).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from partnerships.core.languages import UN_LANGUAGES

PLACE_FIELDS = (
    ("country_id", "country"),
    ("region_id", "region"),
    *((f"city_{lang}", f"city_{lang}") for lang in UN_LANGUAGES),
)
MONEY_FIELDS = (
    ("position", "position"),
    ("kind", "kind"),
    ("type_code", "type_code"),
    ("status", "status"),
    ("period_start", "period_start"),
    ("period_end", "period_end"),
    ("date", "date"),
    ("amount", "amount"),
    ("currency_id", "currency"),
    ("value_date", "value_date"),
    ("provider_id", "provider"),
    ("provider_ref", "provider_ref"),
    ("provider_name", "provider_name"),
    ("provider_activity", "provider_activity"),
    ("receiver_id", "receiver"),
    ("receiver_ref", "receiver_ref"),
    ("receiver_name", "receiver_name"),
    ("receiver_activity", "receiver_activity"),
    ("is_repeat", "is_repeat"),
)
_NAMES = dict(MONEY_FIELDS) | dict(PLACE_FIELDS) | {"extras": "published"}


def plain(value: Any) -> Any:
    """A value as JSON keeps it: dates in ISO form, amounts as exact text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def entry(values: Mapping[str, Any] | Any, fields: Iterable[tuple[str, str]]) -> dict:
    """A line's non-empty columns (a dict of values or a model instance), as
    `plain` gives them (written out here: it runs once per imported line)."""
    get = values.get if isinstance(values, Mapping) else values.__dict__.get
    out = {}
    for attname, name in fields:
        value = get(attname)
        # Not `in (None, "", False)`: a zero amount equals False.
        if value is None or value is False:
            continue
        kind = type(value)
        if kind is str:
            if not value:
                continue
        elif kind is dt.date:
            value = value.isoformat()
        elif kind is Decimal:
            value = str(value)
        out[name] = value
    return out


class Children:
    """What one change does to one engagement's lines, as `history_children`."""

    __slots__ = ("log",)

    def __init__(self) -> None:
        self.log: dict[str, dict[str, list[dict]]] = {}

    def add(self, what: str, how: str, line: dict) -> None:
        self.log.setdefault(what, {}).setdefault(how, []).append(line)

    def place(self, how: str, values: Mapping[str, Any] | Any) -> None:
        self.add("places", how, entry(values, PLACE_FIELDS))

    def places_added(self, places: Iterable[tuple[str | None, str | None]]) -> None:
        """New places without a city (the import's), as (country, region)."""
        lines = [{"country": c} if c else {"region": r} for c, r in places]
        if lines:
            self.log.setdefault("places", {}).setdefault("added", []).extend(lines)

    def place_changed(self, place: Any, before: Mapping[str, Any]) -> None:
        """`before`: the old values of the columns that may have changed."""
        line = entry(place, PLACE_FIELDS[:2])
        line["changes"] = {
            name: [old, getattr(place, name)]
            for name, old in before.items()
            if old != getattr(place, name)
        }
        self.add("places", "changed", line)

    def money(self, how: str, values: Mapping[str, Any] | Any) -> None:
        self.add("money", how, entry(values, MONEY_FIELDS))

    def money_added(self, lines: Iterable[Mapping[str, Any]]) -> None:
        """New lines, as column values."""
        out = [entry(values, MONEY_FIELDS) for values in lines]
        if out:
            self.log.setdefault("money", {}).setdefault("added", []).extend(out)

    def money_changed(
        self, position: int, before: Mapping[str, Any], after: Any
    ) -> None:
        """`before`: the changed columns' old values; `after`: the line now."""
        self.add(
            "money",
            "changed",
            {
                "position": position,
                "changes": {
                    # The published XML is the file's: only that it changed.
                    _NAMES.get(name, name): (
                        "changed"
                        if name == "extras"
                        else [plain(old), plain(getattr(after, name))]
                    )
                    for name, old in sorted(before.items())
                },
            },
        )

    def record(self) -> dict | None:
        return self.log or None
