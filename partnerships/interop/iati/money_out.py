"""An engagement's money lines (cooperation/money.py) as IATI budgets, planned
disbursements and transactions, each as it was published: an imported line as
it was published (every child and attribute; the currency written on the value
when the file gave it as the activity's default), a line entered in the registry
from its columns (type, period or date, value with its sign, currency and value
date, provider and receiver as written).

Lines whose provider or receiver is an organisation the reader may not see are
not prefetched (export.py), so they never reach the file.
"""

from __future__ import annotations

from lxml import etree

from partnerships.cooperation.models import Engagement
from partnerships.cooperation.money import MoneyKind, MoneyLine


def money_lines(activity: etree._Element, engagement: Engagement, kind: str) -> None:
    for line in engagement.visible_money:
        if line.kind == kind:
            _line(activity, line)


def _line(activity: etree._Element, line: MoneyLine) -> None:
    published = line.extras.get("published")
    if published:  # as published, with the currency the default gave it
        element = etree.fromstring(published)
        value = element.find("value")
        if value is not None and not value.get("currency"):
            value.set("currency", line.currency_id)
        activity.append(element)
        return
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
    for side in ("provider", "receiver"):
        _org(element, line, side)


def _date(parent: etree._Element, tag: str, day: object) -> None:
    if day is not None:
        etree.SubElement(parent, tag, {"iso-date": day.isoformat()})


def _org(parent: etree._Element, line: MoneyLine, side: str) -> None:
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
