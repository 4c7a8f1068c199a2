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
from partnerships.interop.iati.echo import echo
from partnerships.interop.iati.mapping import ECHOED


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


# iati-activity's children in the XSD's order.
ORDER = {
    tag: index
    for index, tag in enumerate(
        (
            "iati-identifier reporting-org title description participating-org "
            "other-identifier activity-status activity-date contact-info "
            "activity-scope recipient-country recipient-region location sector tag "
            "country-budget-items humanitarian-scope policy-marker "
            "collaboration-type default-flow-type default-finance-type "
            "default-aid-type default-tied-status budget planned-disbursement "
            "capital-spend transaction document-link related-activity legacy-data "
            "conditions result crs-add fss"
        ).split()
    )
}
# Derived by the export, replaced by what was published when it was kept.
_REPLACED = frozenset({"sector", "tag"})


def published(activity: etree._Element, engagement: Engagement) -> None:
    """Write again what an imported activity carried beyond the registry's model:
    its identifier as published and the kept elements, in the XSD's order."""
    kept = getattr(engagement, "published", None)
    if kept is None:
        return
    activity.find("iati-identifier").text = kept.identifier
    elements = [etree.fromstring(xml) for xml in kept.elements]
    echo(activity, [e for e in elements if e.tag in ECHOED])
    elements = [e for e in elements if e.tag not in ECHOED]
    tags = {element.tag for element in elements}
    for child in list(activity):
        if child.tag in _REPLACED and child.tag in tags:
            activity.remove(child)
    activity.extend(elements)
    activity[:] = sorted(activity, key=lambda child: ORDER.get(child.tag, len(ORDER)))
