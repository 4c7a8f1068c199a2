"""Which engagements belong to a period: one rule for the report, the portal's key
figures and the API's `?start=&end=` filters.

An engagement belongs to a requested period when

1. its own dates overlap the period. A date is as precise as it was recorded: a
   start "2018" (year precision) is the whole of 2018, "June 2018" the whole month;
   an engagement with a start and no end is known on that start only, one with an
   end and no start on that end only. What the sources know of an engagement ends
   with the latest reporting period of the documents that tell it: a plan "to 2036"
   or an agreement "since 2012" told by the 2017-2018 report is known to the end of
   2018, not in 2021 (own dates that all lie after it stand); or
2. a source document that tells it covers a reporting period lying within the
   requested period: 159 of the seed's 191 engagements have no date of their own,
   and the 2017-2018 report they come from is the agency's word that they belong to
   2017-2018 — not to 2018 alone, which is only half of that period.

Undated engagements that neither rule places but that a document overlapping the
period tells (or that no dated document tells) are "left out for lack of dates":
the report lists them for staff in a draft-only annex, never in the public text.

Either end of the period may be open (`None`): the API's `?start=` alone asks for
everything on or after a day.
"""

from __future__ import annotations

import calendar
import datetime as dt

from django.db.models import F, Max, OuterRef, Q, QuerySet, Subquery

from partnerships.cooperation.models import Engagement
from partnerships.sources.models import Evidence, SourceDocument

Day = dt.date | None


def _floor(day: dt.date, precision: str) -> dt.date:
    if precision == "year":
        return day.replace(month=1, day=1)
    if precision == "month":
        return day.replace(day=1)
    return day


def _ceil(day: dt.date, precision: str) -> dt.date:
    if precision == "year":
        return day.replace(month=12, day=31)
    if precision == "month":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day


def _by_precision(field: str, bound: dt.date, lookup: str, edge) -> Q:
    """`field <lookup> edge(bound, precision)`, the edge taken at the precision the
    engagement's own date was recorded with."""
    condition = Q()
    for precision in ("year", "month"):
        condition |= Q(
            **{f"{field}_precision": precision},
            **{f"{field}_date__{lookup}": edge(bound, precision)},
        )
    return condition | Q(
        ~Q(**{f"{field}_precision__in": ["year", "month"]}),
        **{f"{field}_date__{lookup}": bound},
    )


def _own_dates_overlap(start: Day, end: Day) -> Q:
    dated = Q(start_date__isnull=False) | Q(end_date__isnull=False)
    condition = dated
    if end is not None:
        # The engagement begins on or before the period's end (an end-only one is
        # known from the first day of its end's month or year).
        condition &= Q(start_date__lte=end) | Q(
            Q(start_date__isnull=True) & _by_precision("end", end, "lte", _ceil)
        )
    if start is not None:
        condition &= Q(end_date__gte=start) | Q(
            Q(end_date__isnull=True) & _by_precision("start", start, "gte", _floor)
        )
    return condition


def _known_until(documents: QuerySet[SourceDocument]) -> Subquery:
    """The latest reporting-period end of the documents that tell the engagement."""
    latest = (
        Evidence.objects.filter(
            engagement=OuterRef("pk"),
            passage__document__in=documents,
            passage__document__period_end__isnull=False,
        )
        .order_by()
        .values("engagement")
        .annotate(until=Max("passage__document__period_end"))
        .values("until")
    )
    return Subquery(latest)


def _within_what_is_known(start: Day) -> Q:
    """An engagement whose own dates begin before the sources' knowledge ends is
    known to run only up to that end; own dates all after it stand as they are (a
    dated plan, or a date staff entered later)."""
    if start is None:
        return Q()
    after_knowledge = Q(start_date__gt=F("known_until")) | Q(
        start_date__isnull=True, end_date__gt=F("known_until")
    )
    return Q(known_until__isnull=True) | Q(known_until__gte=start) | after_knowledge


def _reporting(documents: QuerySet[SourceDocument], start: Day, end: Day) -> QuerySet:
    """Documents whose reporting period lies within the requested one."""
    inside = documents.filter(period_start__isnull=False, period_end__isnull=False)
    if start is not None:
        inside = inside.filter(period_start__gte=start)
    if end is not None:
        inside = inside.filter(period_end__lte=end)
    return inside


def _told_by(documents: QuerySet[SourceDocument]) -> QuerySet:
    return Evidence.objects.filter(
        engagement__isnull=False, passage__document__in=documents
    ).values("engagement_id")


def engagements_of_period(
    engagements: QuerySet[Engagement],
    start: Day,
    end: Day,
    documents: QuerySet[SourceDocument],
) -> QuerySet[Engagement]:
    """`engagements` narrowed to the period; `documents` are the sources that may
    vouch for an engagement (those the reader may see)."""
    by_own_dates = _own_dates_overlap(start, end) & _within_what_is_known(start)
    reported = Q(pk__in=_told_by(_reporting(documents, start, end)))
    return engagements.annotate(known_until=_known_until(documents)).filter(
        by_own_dates | reported
    )


def undated_left_out(
    engagements: QuerySet[Engagement],
    start: Day,
    end: Day,
    documents: QuerySet[SourceDocument],
) -> QuerySet[Engagement]:
    """Undated engagements the period leaves out although they may belong to it: a
    document overlapping the period tells them, or no dated document tells them."""
    overlapping = documents.filter(period_start__isnull=False, period_end__isnull=False)
    if start is not None:
        overlapping = overlapping.filter(period_end__gte=start)
    if end is not None:
        overlapping = overlapping.filter(period_start__lte=end)
    dated_documents = documents.filter(
        period_start__isnull=False, period_end__isnull=False
    )
    undated = engagements.filter(start_date__isnull=True, end_date__isnull=True)
    belonging = engagements_of_period(engagements, start, end, documents)
    return undated.exclude(pk__in=belonging.values("pk")).filter(
        Q(pk__in=_told_by(overlapping)) | ~Q(pk__in=_told_by(dated_documents))
    )
