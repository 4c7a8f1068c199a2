"""An engagement's money lines (cooperation/money.py) as IATI budgets, planned
disbursements and transactions, each as it was published: its type, period or
date, value with its sign, currency and value date, provider and receiver as
written (reference, type, activity id, names) and the other children it carried
(description, sector, aid type ...), in the XSD's order.

Lines whose provider or receiver is an organisation the reader may not see are
not prefetched (export.py), so they never reach the file.
"""

from __future__ import annotations

from lxml import etree

from partnerships.cooperation.models import Engagement
from partnerships.cooperation.money import MoneyKind, MoneyLine

# Children of a transaction that come before provider-org in the XSD.
_BEFORE_PROVIDER = frozenset({"description"})


def money_lines(activity: etree._Element, engagement: Engagement, kind: str) -> None:
    for line in engagement.visible_money:
        if line.kind == kind:
            _line(activity, line)


def _line(activity: etree._Element, line: MoneyLine) -> None:
    element = etree.SubElement(activity, line.kind)
    if line.kind == MoneyKind.TRANSACTION:
        etree.SubElement(element, "transaction-type", code=line.type_code)
        _date(element, "transaction-date", line.date)
    else:
        if line.type_code:
            element.set("type", line.type_code)
        if line.status:
            element.set("status", line.status)
        _date(element, "period-start", line.period_start)
        _date(element, "period-end", line.period_end)
    value = etree.SubElement(element, "value", currency=line.currency_id)
    day = line.value_date or line.date or line.period_start
    if day:
        value.set("value-date", day.isoformat())
    value.text = format(line.amount, "f")
    extras = [etree.fromstring(xml) for xml in line.extras.get("xml", [])]
    element.extend(x for x in extras if x.tag in _BEFORE_PROVIDER)
    for side in ("provider", "receiver"):
        _org(element, line, side)
    element.extend(x for x in extras if x.tag not in _BEFORE_PROVIDER)


def _date(parent: etree._Element, tag: str, day: object) -> None:
    if day is not None:
        etree.SubElement(parent, tag, {"iso-date": day.isoformat()})  # type: ignore[attr-defined]


def _org(parent: etree._Element, line: MoneyLine, side: str) -> None:
    xml = line.extras.get(side)
    if xml:  # as published: ref, type, activity id and every narrative
        parent.append(etree.fromstring(xml))
        return
    ref, name = getattr(line, f"{side}_ref"), getattr(line, f"{side}_name")
    activity = getattr(line, f"{side}_activity")
    if not (ref or name or activity):
        return
    element = etree.SubElement(parent, f"{side}-org")
    if ref:
        element.set("ref", ref)
    if activity:
        element.set(f"{side}-activity-id", activity)
    if name:
        etree.SubElement(element, "narrative").text = name
