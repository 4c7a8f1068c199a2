"""An activity's money lines as rows: each budget, planned disbursement and
transaction with its provider and receiver when the registry knows them,
numbered as published (docs/iati.md, *Money as IATI means it*)."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from partnerships.cooperation.money import line_identity
from partnerships.interop.iati import reader
from partnerships.registry.models import Organisation


class Resolved(NamedTuple):
    """A line with its provider and receiver when the registry knows them (a
    tuple: one is made for every line of every activity)."""

    money: reader.Money
    provider: Organisation | None = None
    receiver: Organisation | None = None


def money_rows(engagement: int | None, lines: list[Resolved]) -> list[dict[str, Any]]:
    """The column values of an activity's money lines, numbered as published;
    a line identical to an earlier one is kept and flagged as a repeat."""
    out: list[dict[str, Any]] = []
    seen: set[tuple] = set()
    for position, (money, provider_org, receiver_org) in enumerate(lines, start=1):
        provider, receiver = money.provider, money.receiver
        period_start, period_end = money.period
        values = {
            "engagement_id": engagement,
            "position": position,
            "kind": money.kind,
            "type_code": money.type_code,
            "status": money.status,
            "period_start": _day(period_start),
            "period_end": _day(period_end),
            "date": _day(money.date),
            "amount": money.amount,
            "currency_id": money.currency,
            "value_date": _day(money.value_date),
            # What the line carries beyond its columns, as published XML.
            "extras": {"published": money.xml} if money.xml else {},
            "provider_id": provider_org.pk if provider_org else None,
            "provider_ref": provider.ref[:200] if provider else "",
            "provider_name": _name(provider),
            "provider_activity": provider.activity_id[:200] if provider else "",
            "receiver_id": receiver_org.pk if receiver_org else None,
            "receiver_ref": receiver.ref[:200] if receiver else "",
            "receiver_name": _name(receiver),
            "receiver_activity": receiver.activity_id[:200] if receiver else "",
        }
        identity = line_identity(values)
        values["is_repeat"] = identity in seen
        seen.add(identity)
        out.append(values)
    return out


def _day(text: str) -> dt.date | None:
    return _fromisoformat(text) if text else None


_fromisoformat = dt.date.fromisoformat


def _name(ref: reader.OrgRef | None) -> str:
    if ref is None:
        return ""
    return next(iter(ref.names.values()), "")[:500]
