"""Reads of the engagement list and of the pages of a country, a theme and an SDG
target, through the permission layer and the API's own filters
(`cooperation.filters.EngagementFilter`), so the list, the API and the downloads
agree on what a filter means."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.db import connection
from django.db.models import (
    CharField,
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import Concat
from django.db.models.lookups import GreaterThanOrEqual, LessThanOrEqual

from partnerships.cooperation.filters import EngagementFilter
from partnerships.cooperation.models import Engagement, Participation, Place
from partnerships.cooperation.visibility import engagements_visible_to
from partnerships.core.actor import Actor
from partnerships.core.id_lists import id_in
from partnerships.core.languages import field_names
from partnerships.portal.figures import cached_for
from partnerships.portal.selectors import PAGE_SIZE
from partnerships.reference.regions import with_subregions
from partnerships.registry.models import Organisation
from partnerships.registry.visibility import organisations_visible_to

UNDATED = "undated"
# Recorded newest first by default: the id is the primary key, so a page reads 26
# rows and stops; by start date the database sorts every match first.
SORTS = {"newest": ("-pk",), "start": ("-start_date", "-pk"), "key": ("key",)}
FILTER_NAMES = (
    "q",
    "kind",
    "status",
    "role",
    "category",
    "country",
    "region",
    "theme",
    "sdg_target",
)
COUNT_CAP = 10_000


def engagements_matching(actor: Actor, params: Mapping[str, Any]) -> QuerySet:
    """The engagements the actor may see that match `params` (the list's query
    string: the API's filters, and `year`, the start year or "undated")."""
    data = {name: params[name] for name in FILTER_NAMES if params.get(name)}
    sort = SORTS.get(str(params.get("sort") or ""), SORTS["newest"])
    walk = _common_region(str(data.get("region", "")), newest=sort == SORTS["newest"])
    if walk is not None:
        data.pop("region")
    qs = EngagementFilter(data, queryset=engagements_visible_to(actor)).qs
    if walk is not None:
        qs = qs.filter(walk)
    year = str(params.get("year") or "")
    if year == UNDATED:
        qs = qs.filter(start_date__isnull=True)
    elif year.isdigit():
        qs = qs.filter(_of_year(int(year), newest=sort == SORTS["newest"]))
    return qs.order_by(*sort)


# A start year with at least this many engagements, a region with at least this
# many places, is read newest first on SQLite.
COMMON = 10_000


def _common(rows: QuerySet, newest: bool) -> bool:
    """On SQLite, newest first: whether `rows` (a year's engagements, a region's
    places) are so many that walking the public's engagements newest first and
    stopping after the page beats reading them all and sorting. Counting up to
    COMMON from their own index tells which in a few milliseconds; a rare year or
    region keeps its index (the walk would pass every engagement)."""
    if connection.vendor != "sqlite" or not newest:
        return False
    # Without the model's order, which would sort them first.
    return rows.order_by()[:COMMON].count() >= COMMON


def _of_year(year: int, newest: bool) -> Q:
    """Started in `year`. On SQLite, newest first, a year with many engagements
    compares the date as text: given the start date's index, SQLite read and sorted
    every engagement of the year (2.4 s for 2018 at a million); without it, it
    walks the public's engagements newest first (their index holds the start date)
    and stops after the page. A rare year keeps the index (`_common`: walking
    newest first would pass every engagement, 5-7 s)."""
    within = Q(start_date__year=year)
    if not _common(Engagement.objects.filter(within), newest):
        return within
    as_text = Concat("start_date", Value(""), output_field=CharField())
    return Q(GreaterThanOrEqual(as_text, f"{year:04d}-01-01")) & Q(
        LessThanOrEqual(as_text, f"{year:04d}-12-31")
    )


def _common_region(region: str, newest: bool) -> Exists | Q | None:
    """On SQLite, newest first, a region with many places: the test of each
    engagement for a place there (see `_of_year`). The API's filter lists the
    engagements of every place of the region first, then sorts them (350-400 ms
    for Asia at a million engagements); walking the public's engagements newest
    first and testing each stops after the page (2-8 ms at pages 1-40). A rare
    region keeps the list: the walk would pass every engagement (1.5-2 s)."""
    if not region or connection.vendor != "sqlite" or not newest:
        return None
    places = Place.objects.filter(country__un_subregion__in=with_subregions(region))
    if not _common(places, newest):
        # The API's filter's own condition (`EngagementFilter._among`), without
        # asking the region's sub-regions a second time.
        return Q(pk__in=places.values("engagement_id"))
    return Exists(places.filter(engagement_id=OuterRef("pk")))


def with_rows_context(qs: QuerySet) -> QuerySet:
    """What a row of the list shows: its countries (a fixed number of queries)."""
    return qs.prefetch_related(
        Prefetch(
            "places",
            queryset=Place.objects.filter(country__isnull=False)
            .select_related("country")
            .order_by("country_id"),
        )
    )


# What a row of the list shows of an engagement (not its six summaries, the longest
# columns) and of its places.
ROW = (
    "key",
    "kind",
    "status",
    "start_date",
    "start_precision",
    "end_date",
    "end_precision",
    *field_names("title"),
)
ROW_PLACE = ("engagement", "country", "country__name_en", "country__name_fr")


def list_rows(qs: QuerySet) -> QuerySet:
    """`qs` as the rows of the list (and of a country's latest): only the columns
    a row shows, its countries in one more query."""
    return qs.only(*ROW).prefetch_related(
        Prefetch(
            "places",
            queryset=Place.objects.filter(country__isnull=False)
            .select_related("country")
            .only(*ROW_PLACE)
            .order_by("country_id"),
        )
    )


def engagement_page(
    actor: Actor, params: Mapping[str, Any], page: int
) -> tuple[list[Engagement], bool]:
    """One page of the list and whether another follows (no total: counting a
    million visible engagements costs more than the page)."""
    qs = list_rows(engagements_matching(actor, params))
    start = (max(page, 1) - 1) * PAGE_SIZE
    rows = list(qs[start : start + PAGE_SIZE + 1])
    return rows[:PAGE_SIZE], len(rows) > PAGE_SIZE


@dataclass
class Topic:
    """What a country, theme or SDG target page shows."""

    count: int
    capped: bool
    undated: int
    latest: list[Engagement]
    partners: list[tuple[Organisation, int]]
    years: list[dict[str, Any]]


def topic(actor: Actor, params: Mapping[str, Any], limit: int = 10) -> Topic:
    """The engagements of one filter (`{"country": "KE"}`): how many (up to
    COUNT_CAP), how many undated, the latest, the partners in most of them and the
    engagements per start year. Three queries; the public's figures are cached
    until the data changes (`figures.cached_for`)."""
    name = "topic:" + urlencode(sorted(params.items()))
    return cached_for(actor, name, lambda: _topic(actor, params, limit))


def _topic(actor: Actor, params: Mapping[str, Any], limit: int) -> Topic:
    qs = engagements_matching(actor, params)
    # One read of (id, start date) of up to COUNT_CAP + 1 matches gives the
    # count, the undated and the years; the latest are the first rows of it.
    rows = list(qs.values_list("pk", "start_date")[: COUNT_CAP + 1])
    kept = rows[:COUNT_CAP]
    ids = [pk for pk, _start in kept]
    years = Counter(start.year for _pk, start in kept if start is not None)
    latest = {e.pk: e for e in list_rows(Engagement.objects.filter(pk__in=ids[:limit]))}
    return Topic(
        count=len(kept),
        capped=len(rows) > COUNT_CAP,
        undated=sum(1 for _pk, start in kept if start is None),
        latest=[latest[pk] for pk in ids[:limit] if pk in latest],
        partners=_partners(actor, ids, limit),
        years=continuous_years(sorted(years.items())),
    )


def _partners(
    actor: Actor, ids: list[int], limit: int
) -> list[tuple[Organisation, int]]:
    """The visible organisations in most of the engagements `ids` (the first
    COUNT_CAP, already read: asking the filter again as a subquery read them twice).

    The partners are counted without the permission layer, then the visible ones
    kept in that order: a count does not depend on who reads, so the first `limit`
    visible ones of the whole order are the visible top. Testing the organisation
    of each of a country's 25 000 participations first cost more than counting them
    (PostgreSQL hashed every visible organisation)."""
    grouped = (
        # The ids as one parameter, not 10 000 (`core.id_lists`).
        Participation.objects.filter(id_in("engagement_id", ids))
        .values("organisation_id")
        .annotate(n=Count("engagement_id", distinct=True))
        .order_by("-n", "organisation_id")
    )
    visible = organisations_visible_to(actor)
    asked = 2 * limit
    while True:
        rows = list(grouped[:asked])
        orgs = visible.in_bulk([row["organisation_id"] for row in rows])
        kept = [
            (orgs[row["organisation_id"]], row["n"])
            for row in rows
            if row["organisation_id"] in orgs
        ]
        if len(kept) >= limit or len(rows) < asked:
            return kept[:limit]
        asked *= 4


def continuous_years(counts: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Every year from the first to the last, a year without engagements at 0, so
    that an axis does not skip years."""
    if not counts:
        return []
    found = dict(counts)
    first, last = min(found), max(found)
    return [{"year": y, "n": found.get(y, 0)} for y in range(first, last + 1)]
