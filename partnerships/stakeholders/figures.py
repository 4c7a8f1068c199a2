"""The period's figures for the report's sections VIII.G, VIII.H and IX.

`period_figures(start, end, actor)` returns plain data the report composer can
turn into sentences (docs/stakeholders.md). Every consultation, body, meeting
and training carries the key of its engagement, so a paragraph built on it cites
that engagement's evidence like every other paragraph. Which of them belong to
the period is decided by `sources.periods.engagements_of_period`; meetings count
when held in the period, applications when received or decided in it. Records hanging off an
engagement the actor may not see are left out (cooperation.visibility).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.db.models import Count, Q, Sum

from partnerships.cooperation.visibility import engagements_visible_to
from partnerships.core.actor import ANONYMOUS, Actor
from partnerships.sources.periods import engagements_of_period
from partnerships.sources.visibility import documents_visible_to
from partnerships.stakeholders.models import (
    Application,
    Body,
    Comment,
    Consultation,
    Moderation,
    Trainee,
    Training,
)


def _applications(start: dt.date, end: dt.date) -> dict[str, Any]:
    received = Application.objects.filter(
        submitted_at__date__gte=start, submitted_at__date__lte=end
    )
    decided = Application.objects.filter(
        decided_at__date__gte=start, decided_at__date__lte=end
    )
    return {
        "received_by_group": dict(Counter(received.values_list("group", flat=True))),
        "decided_by_group_and_status": {
            f"{group}:{status}": n
            for (group, status), n in Counter(
                decided.values_list("group", "status")
            ).items()
        },
        "automatic": decided.exclude(basis="").count(),
    }


def _consultations(visible: Any, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    out = []
    for c in Consultation.objects.filter(engagement__in=visible):
        published = Comment.objects.filter(
            paragraph__consultation=c, status=Moderation.APPROVED
        )
        out.append(
            {
                "key": c.key,
                "title": c.title,
                "engagement": c.engagement.key,
                "comments_by_group": dict(
                    Counter(published.values_list("group", flat=True))
                ),
                "participants": c.engagement.participations.count(),
            }
        )
    return out


def _attendance(body: Body, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """Each meeting of the period: its engagement, day and attendees by role (the
    roles of their participations in the meeting's engagement)."""
    held = body.meetings.filter(held_on__gte=start, held_on__lte=end)
    return [
        {
            "engagement": m.engagement.key,
            "held_on": m.held_on.isoformat(),
            "attendees_by_role": dict(
                Counter(m.engagement.participations.values_list("role", flat=True))
            ),
        }
        for m in held.select_related("engagement")
    ]


def _bodies(visible: Any, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    in_period = Q(meetings__held_on__gte=start, meetings__held_on__lte=end)
    rows = Body.objects.filter(engagement__in=visible).annotate(
        held=Count("meetings", filter=in_period, distinct=True)
    )
    return [
        {
            "key": b.key,
            "name": b.name,
            "kind": b.kind,
            "engagement": b.engagement.key,
            "members_by_group": dict(
                Counter(b.members.values_list("group", flat=True))
            ),
            "members_by_role": dict(Counter(b.members.values_list("role", flat=True))),
            "meetings": b.held,
            "meeting_engagements": list(
                b.meetings.filter(held_on__gte=start, held_on__lte=end).values_list(
                    "engagement__key", flat=True
                )
            ),
            "meeting_attendance": _attendance(b, start, end),
        }
        for b in rows
    ]


def _trainings(visible: Any, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    rows = Training.objects.filter(engagement__in=visible).annotate(
        people=Sum("trainees__people")
    )
    return [
        {
            "key": t.key,
            "title": t.title,
            "engagement": t.engagement.key,
            "country": t.country_id or "",
            "city": t.city,
            "indicators": list(t.indicators.values_list("code", flat=True)),
            "organisations_by_group": dict(
                Counter(t.trainees.values_list("group", flat=True))
            ),
            "people": t.people,  # None: nobody counted the people
        }
        for t in rows
    ]


def _add(totals: dict[str, Any], code: str, organisations: int, people: Any) -> None:
    row = totals.setdefault(code, {"trainings": 0, "organisations": 0, "people": 0})
    row["trainings"] += 1
    row["organisations"] += organisations
    # People are summed where counted; a training without a head count adds none.
    row["people"] += people or 0


def training_totals(trainings: Any) -> dict[str, dict[str, dict[str, int]]]:
    """Trainings per SDG 11 indicator and per country: how many trainings, how
    many participating organisations and how many people counted (trainings
    without a head count add no people)."""
    by_indicator: dict[str, Any] = {}
    by_country: dict[str, Any] = {}
    rows = trainings.annotate(organisations=Count("trainees")).prefetch_related(
        "indicators"
    )
    for t in rows:
        people = Trainee.objects.filter(training=t).aggregate(n=Sum("people"))["n"]
        for indicator in t.indicators.all():
            _add(by_indicator, indicator.code, t.organisations, people)
        _add(by_country, t.country_id or "", t.organisations, people)
    return {
        "by_indicator": dict(sorted(by_indicator.items())),
        "by_country": dict(sorted(by_country.items())),
    }


def period_figures(
    start: dt.date, end: dt.date, actor: Actor = ANONYMOUS
) -> dict[str, Any]:
    """Applications (VIII.G), consultations and bodies (VIII.H), trainings (IX)."""
    # Which consultations, bodies and trainings belong to the period is the
    # period rule's to say, as for every engagement of the report.
    visible = engagements_of_period(
        engagements_visible_to(actor), start, end, documents_visible_to(actor)
    )
    return {
        "applications": _applications(start, end),
        "consultations": _consultations(visible, start, end),
        "bodies": _bodies(visible, start, end),
        "trainings": _trainings(visible, start, end),
        "training_totals": training_totals(
            Training.objects.filter(engagement__in=visible)
        ),
    }
