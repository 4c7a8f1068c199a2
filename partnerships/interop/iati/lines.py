"""An activity's money lines as rows: each budget, planned disbursement and
transaction with its provider and receiver when the registry knows them,
numbered as published (docs/iati.md, *Money as IATI means it*)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from partnerships.cooperation.money import line_identity
from partnerships.interop.iati import reader
from partnerships.registry.models import Organisation


@dataclass(frozen=True)
class Resolved:
    money: reader.Money
    provider: Organisation | None = None
    receiver: Organisation | None = None


def money_rows(engagement: int | None, lines: list[Resolved]) -> list[dict[str, Any]]:
    """The column values of an activity's money lines, numbered as published;
    a line identical to an earlier one is kept and flagged as a repeat."""
    out: list[dict[str, Any]] = []
    seen: set[tuple] = set()
    for position, found in enumerate(lines, start=1):
        money = found.money
        values = {
            "engagement_id": engagement,
            "position": position,
            "kind": money.kind,
            "type_code": money.type_code,
            "status": money.status,
            "period_start": _day(money.period[0]),
            "period_end": _day(money.period[1]),
            "date": _day(money.date),
            "amount": money.amount,
            "currency_id": money.currency,
            "value_date": _day(money.value_date),
            "extras": _extras(money),
        }
        for side, org in (("provider", found.provider), ("receiver", found.receiver)):
            ref = getattr(money, side)
            values[f"{side}_id"] = org.pk if org else None
            values[f"{side}_ref"] = ref.ref[:200] if ref else ""
            values[f"{side}_name"] = _name(ref)
            values[f"{side}_activity"] = ref.activity_id[:200] if ref else ""
        identity = line_identity(values)
        values["is_repeat"] = identity in seen
        seen.add(identity)
        out.append(values)
    return out


def _extras(money: reader.Money) -> dict[str, Any]:
    """What the line carries beyond its columns, as published XML."""
    return {"published": money.xml} if money.xml else {}


def _day(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _name(ref: reader.OrgRef | None) -> str:
    if ref is None:
        return ""
    return next(iter(ref.names.values()), "")[:500]
