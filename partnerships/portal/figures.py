"""Aggregates for the home page and the dashboards, through the permission layer.

They read every visible engagement, which at a million takes seconds, so what the
public sees is cached for a few minutes (the same for every public reader); staff
figures, which differ per actor, are computed on each request.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, F, QuerySet
from django.db.models.functions import ExtractYear
from django.utils import timezone

from partnerships.cooperation.models import Participation, Place
from partnerships.cooperation.visibility import (
    engagements_visible_to,
)
from partnerships.core.actor import PUBLIC, Actor
from partnerships.core.data_version import data_version
from partnerships.core.languages import as_dict
from partnerships.registry.models import Organisation
from partnerships.registry.visibility import organisations_visible_to
from partnerships.sources.periods import engagements_of_period
from partnerships.sources.visibility import documents_visible_to

# The keys carry `data_version()`, so a change of the data drops them at once when
# the cache is shared by the server processes (Redis): there the limit is an hour
# (at a million engagements on SQLite the dashboards take 25-60 s to compute). A
# cache of one process does not see another's writes: there five minutes.
PUBLIC_SECONDS = 3600
LOCAL_SECONDS = 300


def _seconds() -> int:
    backend = settings.CACHES["default"]["BACKEND"]
    return LOCAL_SECONDS if backend.endswith("LocMemCache") else PUBLIC_SECONDS


def cached_for(actor: Actor, name: str, compute: Callable[[], Any]) -> Any:
    """The public's figures from the cache, computed once on a miss (`_kept`)."""
    if actor.role != PUBLIC:
        return compute()
    return _kept(name, compute)


def cached_public(
    actor: Actor, name: str, parts: tuple[Any, ...], compute: Callable[[], Any]
) -> Any:
    """A page's data for the public, the same for every reader who is not signed
    in with a role (`parts`: what the page's answer depends on, such as the words,
    the page and the language): from the cache, keyed by the data version, so any
    write drops it. Staff and other roles see more and always compute theirs."""
    if (
        actor.role != PUBLIC
        or actor.organisation_id is not None
        or actor.subregions
        or actor.categories
    ):
        return compute()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return _kept(f"public:{name}:{digest}", compute)


def cached_shared(name: str, compute: Callable[[], Any]) -> Any:
    """What is the same for every reader, whatever their role (the reference
    data's choices of a filter in one language): from the cache, keyed by the
    data version (`core.data_version`, which the reference data raises too)."""
    return _kept(f"shared:{name}", compute)


WAIT_SECONDS = 30


def _kept(name: str, compute: Callable[[], Any]) -> Any:
    """From the cache; on a miss computed once (`_computed_once`) while the other
    readers asking for it, in this process or another, wait for its result: the
    first requests of a page, asked by several readers at once, would otherwise
    each compute it and queue for the CPU."""
    key = f"portal:{name}:{data_version()}"
    value = cache.get(key)
    return _computed_once(key, compute) if value is None else value


POLL_SECONDS = 0.02


def _computed_once(key: str, compute: Callable[[], Any]) -> Any:
    """Computed here unless another thread, of this process or of another sharing
    the cache, is already computing it (its claim, `cache.add`, is there): then
    its result, read as soon as it is kept; computed here only if none comes
    within `WAIT_SECONDS`."""
    claim = f"{key}:computing"
    if not cache.add(claim, 1, WAIT_SECONDS):
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
            if (value := cache.get(key)) is not None:
                return value
    try:
        value = compute()
        cache.set(key, value, _seconds())
    finally:
        cache.delete(claim)
    return value


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    symbol: str  # the document that defines it, or "" for the current year


def current_period(actor: Actor) -> Period:
    """The period of the latest report the actor may read, else this year."""
    latest = (
        documents_visible_to(actor)
        .filter(period_start__isnull=False, period_end__isnull=False)
        .order_by("-period_end", "symbol")
        .first()
    )
    if latest is not None:
        return Period(latest.period_start, latest.period_end, latest.symbol)
    year = timezone.now().year
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "")


def key_figures(actor: Actor) -> dict[str, Any]:
    def compute() -> dict[str, Any]:
        period = current_period(actor)
        active = engagements_of_period(
            engagements_visible_to(actor),
            period.start,
            period.end,
            documents_visible_to(actor),
        )
        ids = active.values("pk")
        return {
            "period": period,
            "engagements": active.count(),
            "organisations": organisations_visible_to(actor)
            .filter(
                pk__in=Participation.objects.filter(engagement_id__in=ids).values(
                    "organisation_id"
                )
            )
            .count(),
            "countries": Place.objects.filter(
                engagement_id__in=ids, country__isnull=False
            )
            .values("country_id")
            .distinct()
            .count(),
            "by_kind": list(
                active.values("kind").annotate(n=Count("id")).order_by("-n", "kind")
            ),
        }

    return cached_for(actor, "figures", compute)


# --- Dashboards -----------------------------------------------------------------------


def by_year(actor: Actor, dimension: str) -> list[dict[str, Any]]:
    """Engagements per start year and kind, category of participants, or theme."""
    column = {"kind": "kind", "theme": "themes"}.get(dimension)
    if column is None and dimension != "category":
        raise KeyError(dimension)

    def compute() -> list[dict[str, Any]]:
        if column is None:
            rows = _by_year_of_partners(actor)
        else:
            rows = (
                engagements_visible_to(actor)
                .filter(start_date__isnull=False)
                .annotate(year=ExtractYear("start_date"))
                .values("year", value=F(column))
                .annotate(n=Count("id", distinct=True))
                .order_by("year", "value")
            )
        return [row for row in rows if row["value"] is not None]

    return cached_for(actor, f"by-year-{dimension}", compute)


def _by_year_of_partners(actor: Actor) -> QuerySet:
    """Per start year and category: engagements with a participant of that
    category, counting only participations the reader may see (an unpublished
    or deleted organisation counts as if it did not take part). Each
    participation is tested on its own (EXISTS): the policy's IN lists would
    first list every visible engagement and organisation, which SQLite then
    probed for each of millions of participations."""
    from partnerships.portal.selectors import visible_engagement, visible_organisation

    return (
        Participation.objects.filter(
            visible_engagement(actor, "engagement_id"),
            visible_organisation(actor, "organisation_id"),
            engagement__start_date__isnull=False,
        )
        .annotate(year=ExtractYear("engagement__start_date"))
        .values("year", value=F("organisation__category"))
        .annotate(n=Count("engagement_id", distinct=True))
        .order_by("year", "value")
    )


def dating(actor: Actor) -> dict[str, int]:
    """How many visible engagements there are, and how many have no start date
    (the charts by year cannot place them; the page says so and links to them)."""

    def compute() -> dict[str, int]:
        visible = engagements_visible_to(actor)
        return {
            "total": visible.count(),
            "undated": visible.filter(start_date__isnull=True).count(),
        }

    return cached_for(actor, "dating", compute)


def by_country(actor: Actor) -> list[dict[str, Any]]:
    def compute() -> list[dict[str, Any]]:
        ids = engagements_visible_to(actor).values("pk")
        return list(
            Place.objects.filter(engagement_id__in=ids, country__isnull=False)
            .values("country_id", "country__name_en")
            .annotate(n=Count("engagement_id", distinct=True))
            .order_by("-n", "country_id")
        )

    return cached_for(actor, "by-country", compute)


def network(
    actor: Actor, *, category: str = "", year: int | None = None, limit: int = 60
) -> dict[str, list[dict[str, Any]]]:
    """The organisations in most visible engagements, linked by shared engagements."""

    def compute() -> dict[str, list[dict[str, Any]]]:
        engagements = engagements_visible_to(actor)
        if year:
            engagements = engagements.filter(start_date__year=year)
        parts = Participation.objects.filter(engagement_id__in=engagements.values("pk"))
        orgs = organisations_visible_to(actor)
        if category:
            orgs = orgs.filter(category=category)
        parts = parts.filter(organisation_id__in=orgs.values("pk"))
        top = list(
            parts.values("organisation_id")
            .annotate(n=Count("engagement_id", distinct=True))
            .order_by("-n", "organisation_id")[:limit]
        )
        return graph_of(parts, {row["organisation_id"]: row["n"] for row in top})

    return cached_for(actor, f"network-{category}-{year}", compute)


def ego_network(actor: Actor, org: Organisation, limit: int = 40) -> dict[str, Any]:
    """One organisation and the partners it shares most engagements with."""
    ids = (
        engagements_visible_to(actor)
        .filter(
            pk__in=Participation.objects.filter(organisation=org).values(
                "engagement_id"
            )
        )
        .values("pk")
    )
    parts = Participation.objects.filter(
        engagement_id__in=ids,
        organisation_id__in=organisations_visible_to(actor).values("pk"),
    )
    top = list(
        parts.exclude(organisation=org)
        .values("organisation_id")
        .annotate(n=Count("engagement_id", distinct=True))
        .order_by("-n", "organisation_id")[:limit]
    )
    weights = {row["organisation_id"]: row["n"] for row in top}
    weights[org.pk] = max(weights.values(), default=1)
    return graph_of(parts, weights)


def graph_of(parts: QuerySet, weights: dict[int, int]) -> dict[str, Any]:
    pairs = list(
        parts.filter(organisation_id__in=list(weights))
        .order_by()  # the model's ordering would join two more tables
        .values_list("engagement_id", "organisation_id")
    )
    by_engagement: dict[int, set[int]] = {}
    for engagement_id, org_id in pairs:
        by_engagement.setdefault(engagement_id, set()).add(org_id)
    edges: dict[tuple[int, int], int] = {}
    for members in by_engagement.values():
        ordered = sorted(members)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                edges[(a, b)] = edges.get((a, b), 0) + 1
    orgs = Organisation.objects.in_bulk(list(weights))
    return {
        "nodes": [
            {
                "id": org_id,
                "key": orgs[org_id].key,
                # Every language's name: the figures are cached for all readers,
                # each page picks its reader's.
                "names": as_dict(orgs[org_id], "name"),
                "category": orgs[org_id].category,
                "weight": weight,
            }
            for org_id, weight in weights.items()
            if org_id in orgs
        ],
        "edges": [
            {"source": a, "target": b, "weight": n} for (a, b), n in edges.items()
        ],
    }
