"""Reads of the public pages, every one through the permission layer.

Joins to what an actor may see are correlated EXISTS on the policy querysets
(`visible_engagement("engagement_id")`), so that a page of 25 rows looks up 25
engagements by key instead of listing a million visible ones first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Concat
from django.db.models.lookups import Exact

from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    Participation,
    Place,
)
from partnerships.cooperation.visibility import engagements_visible_to
from partnerships.core.actor import Actor
from partnerships.core.id_lists import id_in
from partnerships.core.languages import field_names
from partnerships.portal.summaries import (
    Quoted,
    RoleSummary,
    Row,
    by_passage,
    roles_of,
    row_of,
)
from partnerships.reference.models import UnRegion
from partnerships.registry.models import Organisation
from partnerships.registry.visibility import organisations_visible_to
from partnerships.sources import selectors as source_selectors
from partnerships.sources.models import Evidence, Passage, SourceDocument
from partnerships.sources.visibility import documents_shown_to, passages_visible_to

PAGE_SIZE = 25


def visible_engagement(actor: Actor, ref: str) -> Exists:
    return Exists(engagements_visible_to(actor).filter(pk=OuterRef(ref)))


def visible_organisation(actor: Actor, ref: str) -> Exists:
    return Exists(organisations_visible_to(actor).filter(pk=OuterRef(ref)))


def subregions(code: str) -> list[str]:
    """A M49 region stands for itself and its sub-regions."""
    return [
        code,
        *UnRegion.objects.filter(parent_id=code).values_list("code", flat=True),
    ]


# --- Directory ---------------------------------------------------------------------


@dataclass(frozen=True)
class DirectoryQuery:
    category: str = ""
    country: str = ""
    region: str = ""
    theme: str = ""
    kind: str = ""
    role: str = ""
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "key"
    page: int = 1


# By key (a unique index) unless asked otherwise: the database then reads
# organisations in order and stops after one page, instead of checking a filter on
# engagements for every organisation before sorting them by name.
SORTS = {
    "key": ("key",),
    "name": ("name_en", "key"),
    "-name": ("-name_en", "-key"),
    "newest": ("-id",),
}


def _participation_filter(actor: Actor, query: DirectoryQuery) -> Q | None:
    """Conditions on the organisation's engagements, or None if there are none."""
    lookup = Q()
    used = False
    if query.role:
        lookup &= Q(role=query.role)
        used = True
    if query.kind:
        # The kind is read from each participation's engagement (by its key), not
        # from the kind's index: SQLite would walk every engagement of the kind
        # for each organisation tested.
        # PostgreSQL estimates the kind well from its index and needs no such help.
        if connection.vendor == "sqlite":
            lookup &= Q(Exact(Concat("engagement__kind", Value("")), query.kind))
        else:
            lookup &= Q(engagement__kind=query.kind)
        used = True
    if query.theme:
        lookup &= Q(engagement__themes=query.theme)
        used = True
    if query.year_from:
        lookup &= Q(engagement__end_date__isnull=True) | Q(
            engagement__end_date__gte=dt.date(query.year_from, 1, 1)
        )
        used = True
    if query.year_to:
        lookup &= Q(engagement__start_date__isnull=True) | Q(
            engagement__start_date__lte=dt.date(query.year_to, 12, 31)
        )
        used = True
    if not used:
        return None
    return Q(
        Exists(
            Participation.objects.filter(lookup, organisation=OuterRef("pk")).filter(
                visible_engagement(actor, "engagement_id")
            )
        )
    )


def directory(actor: Actor, query: DirectoryQuery) -> tuple[list[Organisation], bool]:
    """One page of the organisations the actor may see, and whether more follow."""
    qs = directory_queryset(actor, query)
    start = (max(query.page, 1) - 1) * PAGE_SIZE
    rows = list(qs[start : start + PAGE_SIZE + 1])
    return rows[:PAGE_SIZE], len(rows) > PAGE_SIZE


def directory_queryset(actor: Actor, query: DirectoryQuery) -> QuerySet:
    """Every organisation of the directory's filters, in its order (unpaged)."""
    qs = organisations_visible_to(actor)
    if query.category:
        qs = qs.filter(category=query.category)
    if query.country:
        qs = qs.filter(country_id=query.country)
    if query.region:
        qs = qs.filter(country__un_subregion__in=subregions(query.region))
    if (condition := _participation_filter(actor, query)) is not None:
        qs = qs.filter(condition)
    return qs.select_related("country").order_by(*SORTS.get(query.sort, SORTS["key"]))


# --- Organisation profile -------------------------------------------------------------


def organisation_for(actor: Actor, key: str) -> Organisation | None:
    return (
        organisations_visible_to(actor)
        .select_related("country", "parent")
        .prefetch_related("other_names", "identifiers")
        .filter(key=key)
        .first()
    )


def _engagement_ids(actor: Actor, org: Organisation) -> QuerySet:
    """The engagements `org` takes part in that the actor may see, as a subquery."""
    return (
        engagements_visible_to(actor)
        .filter(
            pk__in=Participation.objects.filter(organisation=org).values(
                "engagement_id"
            )
        )
        .values("pk")
    )


@dataclass
class Profile:
    organisation: Organisation
    children: list[Organisation]
    parent_visible: bool
    engagements: int
    roles: list[RoleSummary]
    partners: list[tuple[Row, int]]  # key and names (`PARTNER`), shared
    partner_count: int
    countries: list[dict]
    money: list[dict]
    evidence: list[Quoted]

    @property
    def since(self) -> Any:
        return min((r.first for r in self.roles if r.first), default=None)


def profile(actor: Actor, org: Organisation) -> Profile:
    # The engagements it takes part in that the actor may see, read once; each
    # figure below names them as one parameter (`core.id_lists`) instead of asking
    # the permission layer again in a subquery of its own.
    ids = list(_engagement_ids(actor, org).values_list("pk", flat=True))
    partners = (
        Participation.objects.filter(id_in("engagement_id", ids))
        .exclude(organisation=org)
        .filter(visible_organisation(actor, "organisation_id"))
    )
    top, partner_count = top_partners(partners)
    return Profile(
        organisation=org,
        children=list(
            organisations_visible_to(actor)
            .filter(parent=org)
            .order_by("name_en", "key")[:100]
        ),
        parent_visible=bool(
            org.parent_id
            and organisations_visible_to(actor).filter(pk=org.parent_id).exists()
        ),
        engagements=len(ids),
        roles=roles_of(org, ids),
        partners=top,
        partner_count=partner_count,
        countries=list(
            Place.objects.filter(id_in("engagement_id", ids), country__isnull=False)
            .values("country_id", "country__name_en")
            .annotate(engagements=Count("engagement_id", distinct=True))
            .order_by("-engagements", "country_id")[:50]
        ),
        money=list(
            Contribution.objects.filter(
                id_in("participation__engagement_id", ids),
                participation__organisation=org,
            )
            .values("currency_id")
            .annotate(total=Sum("amount"), count=Count("id"))
            .order_by("currency_id")
        ),
        evidence=by_passage(mentions(actor, org, ids)),
    )


# What the profile shows of a partner: its key and its names.
PARTNER = ("organisation__key", *(f"organisation__{n}" for n in field_names("name")))


def top_partners(
    partners: QuerySet, limit: int = 10
) -> tuple[list[tuple[Row, int]], int]:
    """The organisations of `partners` (participations) in most engagements (their
    `PARTNER` columns) and how many there are in all: one query, the total a
    window count over the groups, computed before the limit."""
    rows = list(
        partners.values("organisation_id", *PARTNER)
        .annotate(
            shared=Count("engagement_id", distinct=True), groups=Window(Count("*"))
        )
        .order_by("-shared", "organisation_id")[:limit]
    )
    top = [(row_of(row, "organisation__"), row["shared"]) for row in rows]
    return top, rows[0]["groups"] if rows else 0


def mentions(
    actor: Actor, org: Organisation, engagement_ids: list[int], limit: int = 50
) -> list[Evidence]:
    """Evidence that names the organisation, or its part in an engagement
    (`engagement_ids`: the visible engagements it takes part in, as read by
    `profile`, so the permission layer is not asked again in a subquery)."""
    return list(
        Evidence.objects.filter(passage__in=passages_visible_to(actor))
        .filter(
            Q(organisation=org)
            | Q(
                Q(participation__organisation=org)
                & Q(id_in("participation__engagement_id", engagement_ids))
            )
        )
        .select_related("passage__document", "participation__engagement")
        .order_by("passage__document__symbol", "passage__number")[:limit]
    )


# --- Engagement ----------------------------------------------------------------------


def engagement_for(actor: Actor, key: str) -> Engagement | None:
    visible_parts = Participation.objects.filter(
        visible_organisation(actor, "organisation_id")
    ).select_related("organisation")
    return (
        engagements_visible_to(actor)
        .filter(key=key)
        .prefetch_related(
            Prefetch("participations", queryset=visible_parts.order_by("role")),
            Prefetch(
                "participations__contributions",
                queryset=Contribution.objects.order_by("value_date", "id"),
            ),
            Prefetch(
                "places",
                queryset=Place.objects.select_related("country", "region"),
            ),
            "themes",
            "sdg_targets",
        )
        .first()
    )


def engagement_evidence(actor: Actor, engagement: Engagement) -> list[Evidence]:
    return list(
        Evidence.objects.filter(passage__in=passages_visible_to(actor))
        .filter(
            Q(engagement=engagement)
            | Q(
                Q(participation__engagement=engagement)
                & Q(visible_organisation(actor, "participation__organisation_id"))
            )
        )
        .select_related("passage__document", "participation__organisation")
        .order_by("passage__document__symbol", "passage__number", "id")
    )


def same_passages_in(
    actor: Actor, passages: list[Passage], lang: str
) -> dict[int, Passage]:
    """For each passage (by id) not in `lang`, the paragraph of the same number in
    the `lang` version of its document's symbol, when that version exists and the
    actor may see it (one query). UN documents keep one symbol and one paragraph
    numbering in all six languages (docs/portal.md)."""
    wanted = [p for p in passages if p.document.language != lang]
    pairs = Q()
    for p in wanted:
        pairs |= Q(document__symbol=p.document.symbol, number=p.number)
    if not wanted:
        return {}
    found = {
        (t.document.symbol, t.number): t
        for t in passages_visible_to(actor)
        .filter(pairs, document__language=lang, document__is_current=True)
        .select_related("document")
    }
    return {
        p.pk: found[key]
        for p in wanted
        if (key := (p.document.symbol, p.number)) in found
    }


# --- Source documents ----------------------------------------------------------------


def document_for(actor: Actor, symbol: str, lang: str = "") -> SourceDocument | None:
    """The version of `symbol` in `lang` if asked and there is one, else the
    version the registry read (its original language): `sources.selectors`."""
    return source_selectors.document_for(
        symbol, lang or None, within=documents_shown_to(actor)
    )


def document_passages(actor: Actor, document: SourceDocument) -> list[Passage]:
    facts = (
        Evidence.objects.filter(
            Q(engagement__isnull=False) & Q(visible_engagement(actor, "engagement_id"))
            | Q(participation__isnull=False)
            & Q(visible_engagement(actor, "participation__engagement_id"))
            & Q(visible_organisation(actor, "participation__organisation_id"))
            | Q(organisation__isnull=False)
            & Q(visible_organisation(actor, "organisation_id"))
        )
        .select_related(
            "engagement",
            "participation__engagement",
            "participation__organisation",
            "organisation",
        )
        .order_by("id")
    )
    return list(
        passages_visible_to(actor)
        .filter(document=document)
        .prefetch_related(Prefetch("evidence", queryset=facts, to_attr="facts"))
        .order_by("number")
    )


def documents(actor: Actor) -> list[SourceDocument]:
    return list(documents_shown_to(actor).order_by("-date", "symbol")[:200])
