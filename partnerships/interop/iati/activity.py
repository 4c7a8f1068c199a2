"""One engagement as one IATI 2.03 <iati-activity>, children in the XSD's order.

The engagement comes with what the actor may see already prefetched (see
export.py): `visible_participations` (each with `visible_contributions`),
`visible_places`, `visible_money` (money lines), `visible_children`, `parent_key` (None when the parent may not
be seen or has no date), themes and SDG targets.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    Role,
    Status,
)
from partnerships.cooperation.money import MoneyKind
from partnerships.interop.iati import mapping as m
from partnerships.interop.iati.elements import (
    CRS_SCHEME,
    XML_LANG,
    add_narratives,
    identifier,
    iso_datetime,
    org_element,
    precision_note,
    prefetched,
    shares,
    texts,
)
from partnerships.interop.iati.money_out import money_lines
from partnerships.interop.iati.published_out import published
from partnerships.registry.models import Organisation

OnSkip = Callable[[str, str], None]
# --reporting-org-mode: the exporter as every activity's reporting-org, or an
# imported activity's reporting-org as it was published.
EXPORT, AS_PUBLISHED = "export", "as-published"
REPORTING_ORG_MODES = (AS_PUBLISHED, EXPORT)


@dataclass(frozen=True)
class Context:
    reporting_org: Organisation
    reporting_ref: str
    generated: dt.datetime
    crs_codes: frozenset[str]
    on_skip: OnSkip
    # --date-undated-from-source: an undated engagement takes the reporting
    # period of its evidence's source documents as planned dates (export.py
    # annotates `source_start`, `source_end`, `source_symbol`, `source_count`).
    date_from_source: bool = False
    reporting_org_mode: str = AS_PUBLISHED
    # Hears of what is written although IATI's rules frown on it.
    on_warning: OnSkip | None = None
    # The reporting-org element, by its secondary-reporter flag (built once).
    reporting: dict[str, etree._Element] = field(default_factory=dict, compare=False)

    @property
    def today(self) -> dt.date:
        return self.generated.date()

    def activity_id(self, key: str) -> str:
        return f"{self.reporting_ref}-{key}"


def effective_status(engagement: Engagement, today: dt.date) -> str:
    """The status, with `unknown` read from the dates (activity-status is required):
    not started yet -> planned, ended -> completed, otherwise ongoing."""
    if engagement.status != Status.UNKNOWN:
        return engagement.status
    if engagement.start_date and engagement.start_date > today:
        return Status.PLANNED
    if engagement.end_date and engagement.end_date < today:
        return Status.COMPLETED
    return Status.ONGOING


def skip_reason(engagement: Engagement, ctx: Context | None = None) -> str | None:
    """Why an engagement cannot be a valid IATI activity, or None."""
    kept = getattr(engagement, "published", None)
    if kept is None and m.IDENTIFIER_FORBIDDEN & set(engagement.key):
        return "its key holds a character IATI identifiers may not contain"
    if not texts(engagement, "title"):
        return "it has no title"
    if not engagement.start_date and not engagement.end_date:
        if ctx is None or not ctx.date_from_source:
            return "it has no start or end date (IATI requires an activity-date)"
        if not source_period(engagement):
            return (
                "it has no start or end date, and no source document with a "
                "reporting period cites it"
            )
    if not participants(engagement):
        return "no organisation the reader may see takes an IATI role in it"
    return None


def participants(engagement: Engagement) -> list[tuple[str, Organisation]]:
    """(IATI role, organisation), once each, by role then key."""
    found: dict[tuple[str, str], Organisation] = {}
    for participation in engagement.visible_participations:
        code = m.ROLE_CODES.get(participation.role)
        if code:
            org = participation.organisation
            found.setdefault((code, org.key), org)
    return [(code, found[(code, key)]) for code, key in sorted(found)]


def build_activity(engagement: Engagement, ctx: Context) -> etree._Element | None:
    reason = skip_reason(engagement, ctx)
    if reason:
        ctx.on_skip(engagement.key, f"activity left out: {reason}")
        return None
    activity = etree.Element(
        "iati-activity",
        {"last-updated-datetime": iso_datetime(engagement.updated_at)},
    )
    activity.set(XML_LANG, m.DEFAULT_LANG)
    etree.SubElement(activity, "iati-identifier").text = ctx.activity_id(engagement.key)
    parties = participants(engagement)
    _reporting_org(activity, parties, ctx)
    _title_and_description(activity, engagement)
    _participating_orgs(activity, parties, ctx)
    status = effective_status(engagement, ctx.today)
    etree.SubElement(activity, "activity-status", code=m.STATUS_CODES[status])
    if engagement.start_date or engagement.end_date:
        _dates(activity, engagement, status, ctx.today)
    else:
        _source_dates(activity, engagement)
    _geography(activity, engagement)
    _sectors(activity, engagement)
    for target in prefetched(engagement, "sdg_targets"):
        etree.SubElement(
            activity, "tag", vocabulary=m.SDG_TARGET_VOCABULARY, code=target.code
        )
    for kind in (MoneyKind.BUDGET, MoneyKind.PLANNED, MoneyKind.TRANSACTION):
        money_lines(activity, engagement, kind)
    _transactions(activity, engagement, ctx)
    _related(activity, engagement, ctx)
    published(
        activity,
        engagement,
        parties,
        as_published=ctx.reporting_org_mode == AS_PUBLISHED,
    )
    _warn_identifier(activity, engagement, ctx)
    return activity


def _warn_identifier(
    activity: etree._Element, engagement: Engagement, ctx: Context
) -> None:
    written = activity.findtext("iati-identifier") or ""
    if ctx.on_warning and m.IDENTIFIER_FORBIDDEN & set(written):
        ctx.on_warning(
            engagement.key,
            f"the identifier {written!r} is written as published, although IATI "
            "identifiers may not contain a space or any of / & | ?",
        )


def _reporting_org(
    activity: etree._Element, parties: list[tuple[str, Organisation]], ctx: Context
) -> None:
    # A publisher reporting an engagement it takes no part in is a secondary
    # reporter (IATI: it reproduces data on activities it is not responsible for).
    takes_part = any(org.pk == ctx.reporting_org.pk for _, org in parties)
    secondary = "0" if takes_part else "1"
    # The same for every activity: built once per kind, then copied.
    if secondary not in ctx.reporting:
        holder = etree.Element("holder")
        org_element(
            holder, "reporting-org", ctx.reporting_org, secondary_reporter=secondary
        )
        ctx.reporting[secondary] = holder[0]
    activity.append(copy.deepcopy(ctx.reporting[secondary]))


def _title_and_description(activity: etree._Element, engagement: Engagement) -> None:
    titles = texts(engagement, "title")
    add_narratives(etree.SubElement(activity, "title"), titles)
    # The XSD requires a description; without a summary the title stands in.
    description = etree.SubElement(activity, "description", type=m.DESCRIPTION_GENERAL)
    add_narratives(description, texts(engagement, "summary") or titles)


def _participating_orgs(
    activity: etree._Element, parties: list[tuple[str, Organisation]], ctx: Context
) -> None:
    for code, org in parties:
        attrs = {"role": code}
        crs = identifier(org, CRS_SCHEME)
        if crs and crs in ctx.crs_codes:
            attrs["crs_channel_code"] = crs
        org_element(activity, "participating-org", org, **attrs)


def _dates(
    activity: etree._Element, engagement: Engagement, status: str, today: dt.date
) -> None:
    # An actual date is never in the future, whatever the status says.
    if engagement.start_date:
        actual = status in (Status.ONGOING, Status.COMPLETED)
        actual = actual and engagement.start_date <= today
        kind = m.ACTUAL_START if actual else m.PLANNED_START
        _date(activity, kind, engagement.start_date, engagement.start_precision)
    if engagement.end_date:
        actual = status == Status.COMPLETED and engagement.end_date <= today
        kind = m.ACTUAL_END if actual else m.PLANNED_END
        _date(activity, kind, engagement.end_date, engagement.end_precision)


def source_period(
    engagement: Engagement,
) -> tuple[dt.date | None, dt.date | None] | None:
    """The reporting period of the documents citing an undated engagement, if any."""
    start = getattr(engagement, "source_start", None)
    end = getattr(engagement, "source_end", None)
    return (start, end) if start or end else None


def _source_dates(activity: etree._Element, engagement: Engagement) -> None:
    """Planned dates from the sources' reporting period, saying so in each date."""
    start, end = source_period(engagement) or (None, None)
    others = (getattr(engagement, "source_count", None) or 1) - 1
    cited = engagement.source_symbol + (f" and {others} other(s)" if others else "")
    note = (
        f"Date not known: the reporting period of the source document {cited} "
        f"({start or '?'} to {end or '?'}), given as a planned date."
    )
    for kind, value in ((m.PLANNED_START, start), (m.PLANNED_END, end)):
        if value:
            element = etree.SubElement(
                activity, "activity-date", type=kind, **{"iso-date": value.isoformat()}
            )
            add_narratives(element, [(m.DEFAULT_LANG, note)])


def _date(activity: etree._Element, kind: str, value: dt.date, precision: str) -> None:
    element = etree.SubElement(
        activity, "activity-date", type=kind, **{"iso-date": value.isoformat()}
    )
    note = precision_note(value, precision)
    if note:
        add_narratives(element, [(m.DEFAULT_LANG, note)])


def _geography(activity: etree._Element, engagement: Engagement) -> None:
    countries: list[str] = []
    regions: list[str] = []
    for place in engagement.visible_places:
        if place.country_id and place.country_id not in countries:
            countries.append(place.country_id)
        if place.region_id and place.region_id not in regions:
            regions.append(place.region_id)
    # IATI: countries and regions together share 100 per cent when there are several.
    count = len(countries) + len(regions)
    percentages = iter(shares(count)) if count > 1 else None
    for code in countries:
        element = etree.SubElement(activity, "recipient-country", code=code)
        if percentages:
            element.set("percentage", str(next(percentages)))
    for code in regions:
        element = etree.SubElement(
            activity, "recipient-region", code=code, vocabulary=m.REGION_VOCABULARY
        )
        if percentages:
            element.set("percentage", str(next(percentages)))


def _sectors(activity: etree._Element, engagement: Engagement) -> None:
    themes = [theme.code for theme in prefetched(engagement, "themes")]
    codes = sorted({m.THEME_SECTORS[t] for t in themes if t in m.THEME_SECTORS})
    percentages = shares(len(codes)) if len(codes) > 1 else None
    for index, code in enumerate(codes):
        element = etree.SubElement(
            activity, "sector", vocabulary=m.SECTOR_VOCABULARY, code=code
        )
        if percentages:
            element.set("percentage", str(percentages[index]))


def _transactions(
    activity: etree._Element, engagement: Engagement, ctx: Context
) -> None:
    for participation in engagement.visible_participations:
        if participation.role != Role.FUNDER:
            continue
        funder = participation.organisation
        for money in participation.visible_contributions:
            what = f"transaction of {funder.key} ({money.currency_id} {money.amount})"
            # The XSD requires a value date: the contribution's, else the start.
            date = money.value_date or engagement.start_date
            if date is None:
                reason = "no value date and no start date"
            elif date > ctx.today:
                reason = "dated in the future"
            else:
                _transaction(activity, money, funder, date, ctx)
                continue
            ctx.on_skip(engagement.key, f"{what} left out: {reason}")


def _transaction(
    activity: etree._Element,
    money: Contribution,
    funder: Organisation,
    date: dt.date,
    ctx: Context,
) -> None:
    own = funder.pk == ctx.reporting_org.pk
    kind = m.OUTGOING_COMMITMENT if own else m.INCOMING_COMMITMENT
    transaction = etree.SubElement(activity, "transaction")
    etree.SubElement(transaction, "transaction-type", code=kind)
    etree.SubElement(transaction, "transaction-date", {"iso-date": date.isoformat()})
    value = etree.SubElement(
        transaction,
        "value",
        {"currency": money.currency_id, "value-date": date.isoformat()},
    )
    value.text = format(money.amount, "f")
    org_element(transaction, "provider-org", funder)


def _related(activity: etree._Element, engagement: Engagement, ctx: Context) -> None:
    links = []
    if engagement.parent_key:
        links.append((engagement.parent_key, m.RELATED_PARENT))
    links += [(child.key, m.RELATED_CHILD) for child in engagement.visible_children]
    for key, kind in links:
        if not m.IDENTIFIER_FORBIDDEN & set(key):
            etree.SubElement(
                activity, "related-activity", ref=ctx.activity_id(key), type=kind
            )
