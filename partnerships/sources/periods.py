"""Which engagements belong to a period: one rule for the report, the portal and
anything else that counts "the cooperation of 2017-2018".

An engagement belongs to a period when its own dates overlap it (one with a start
but no end counts while it may still run — planned, ongoing, unknown — or when it
started in the period), or when a source document covering an overlapping period
reports it: 159 of the seed's 191 engagements have no date of their own, and the
report they come from is the agency's word that they belong to 2017-2018.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from partnerships.cooperation.models import Engagement, Status
from partnerships.sources.models import Evidence, SourceDocument

STILL_RUNNING = [Status.PLANNED, Status.ONGOING, Status.UNKNOWN]


def engagements_of_period(
    engagements: QuerySet[Engagement],
    start: dt.date,
    end: dt.date,
    documents: QuerySet[SourceDocument],
) -> QuerySet[Engagement]:
    """`engagements` narrowed to the period; `documents` are the sources that may
    vouch for an engagement (those the reader may see)."""
    started = Q(start_date__lte=end) | Q(
        start_date__isnull=True, end_date__isnull=False
    )
    not_ended = (
        Q(end_date__gte=start)
        | Q(end_date__isnull=True, status__in=STILL_RUNNING)
        | Q(end_date__isnull=True, start_date__gte=start)
    )
    told = Evidence.objects.filter(
        engagement__isnull=False,
        passage__document__in=documents,
        passage__document__period_start__lte=end,
        passage__document__period_end__gte=start,
    ).values("engagement_id")
    return engagements.filter((started & not_ended) | Q(pk__in=told))
