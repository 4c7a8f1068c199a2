"""An imported activity written again as published (docs/iati.md, "What is kept,
and the round trip"): its identifier, the elements the registry does not model
(mapping.KEPT), the mapped ones it writes its own way (echo.py for ECHOED, this
module for FAITHFUL) and the activity's own attributes.

What the registry maps is written as published only while the registry still
reads the same from it: the published activity-dates when they give the
engagement's start and end, the published countries and regions (with their
percentages) when they are the places the reader sees, the published status
when it reads as the engagement's. A curated change shows: the export then
derives the element from the registry. The reporting-org as published is
written with `as_published` (`--reporting-org-mode as-published`). Published
related-activities are written as published, with the links the registry adds
(its parent and children) that they do not already name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from lxml import etree

from partnerships.cooperation.models import Engagement
from partnerships.core.dates import FuzzyDate
from partnerships.interop.iati import mapping as m
from partnerships.interop.iati.echo import echo
from partnerships.interop.iati.inverse import STATUSES, fuzzy
from partnerships.interop.iati.reader import activity_dates
from partnerships.registry.models import Organisation

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
_GEOGRAPHY = ("recipient-country", "recipient-region")


def published(
    activity: etree._Element,
    engagement: Engagement,
    parties: Sequence[tuple[str, Organisation]],
    *,
    as_published: bool,
) -> None:
    """Write again what an imported activity published, in the XSD's order;
    `parties` are the derived participating-orgs' (role, organisation), in
    their order."""
    kept = getattr(engagement, "published", None)
    if kept is None:
        return
    activity.find("iati-identifier").text = kept.identifier
    elements = [etree.fromstring(xml) for xml in kept.elements]
    echo(activity, [e for e in elements if e.tag in m.ECHOED], parties)
    faithful = {tag: [e for e in elements if e.tag == tag] for tag in m.FAITHFUL}
    _faithful(activity, engagement, faithful, as_published=as_published)
    for own in (e for e in elements if e.tag == m.ACTIVITY):
        for name, value in own.attrib.items():
            activity.set(name, value)
    elements = [e for e in elements if e.tag in m.KEPT]
    tags = {element.tag for element in elements}
    links = {_link(e) for e in elements if e.tag == "related-activity"}
    for child in list(activity):
        if child.tag in _REPLACED and child.tag in tags:
            activity.remove(child)
        elif child.tag == "related-activity" and _link(child) in links:
            activity.remove(child)  # derived, and published too: written once
    activity.extend(elements)
    activity[:] = sorted(activity, key=lambda child: ORDER.get(child.tag, len(ORDER)))


def _link(element: etree._Element) -> tuple[str, str]:
    return ((element.get("ref") or "").strip(), element.get("type") or "")


def _faithful(
    activity: etree._Element,
    engagement: Engagement,
    found: dict[str, list[etree._Element]],
    *,
    as_published: bool,
) -> None:
    status = found["activity-status"]
    if status and STATUSES.get(status[0].get("code", "")) == engagement.status:
        _replace(activity, ("activity-status",), status)
    if found["activity-date"] and _same_dates(found["activity-date"], engagement):
        _replace(activity, ("activity-date",), found["activity-date"])
    geography = found["recipient-country"] + found["recipient-region"]
    if geography and _same_places(geography, engagement):
        _replace(activity, _GEOGRAPHY, geography)
    if as_published and found["reporting-org"]:
        _replace(activity, ("reporting-org",), found["reporting-org"][:1])


def _replace(
    activity: etree._Element, tags: Sequence[str], elements: list[etree._Element]
) -> None:
    for child in list(activity.iterchildren(*tags)):
        activity.remove(child)
    activity.extend(elements)  # put in place by the XSD's order afterwards


def _same_dates(dates: list[etree._Element], engagement: Engagement) -> bool:
    """The published dates give the engagement's start and end, as the import
    reads them (actual before planned)."""
    try:
        read = activity_dates(dates, m.DEFAULT_LANG)
        start = fuzzy(read.get(m.ACTUAL_START) or read.get(m.PLANNED_START), end=False)
        end = fuzzy(read.get(m.ACTUAL_END) or read.get(m.PLANNED_END), end=True)
    except ValueError:
        return False
    return _same_day(start, engagement.start_date, engagement.start_precision) and (
        _same_day(end, engagement.end_date, engagement.end_precision)
    )


def _same_day(read: FuzzyDate | None, day: dt.date | None, precision: str) -> bool:
    if read is None:
        return day is None
    return (read.value, read.precision) == (day, precision)


def _same_places(elements: list[etree._Element], engagement: Engagement) -> bool:
    """The published countries and OECD DAC regions are the places the reader
    sees (a region of another vocabulary is not a place: written along)."""
    published = set()
    for element in elements:
        code = (element.get("code") or "").strip()
        if element.tag == "recipient-country":
            published.add(("country", code.upper()))
        elif element.get("vocabulary", m.REGION_VOCABULARY) == m.REGION_VOCABULARY:
            published.add(("region", code))
    places = set()
    for place in engagement.visible_places:
        if place.country_id:
            places.add(("country", place.country_id))
        if place.region_id:
            places.add(("region", place.region_id))
    return published == places
