"""Reads of the public pages, every one through the permission layer.

Joins to what an actor may see are correlated EXISTS on the policy querysets
(`visible_engagement("engagement_id")`), so that a page of 25 rows looks up 25
engagements by key instead of listing a million visible ones first.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Sum,
)

from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    Participation,
    Place,
)
from partnerships.cooperation.visibility import engagements_visible_to
from partnerships.core.actor import Actor
from partnerships.core.languages import as_dict
from partnerships.portal.language import content_language
from partnerships.reference.models import UnRegion
from partnerships.registry.models import Identifier, Organisation, OrganisationName
from partnerships.registry.visibility import organisations_visible_to
from partnerships.sources.models import Evidence, Passage, SourceDocument
from partnerships.sources.visibility import documents_visible_to, passages_visible_to

PAGE_SIZE = 25
SEARCH_LIMIT = 10
TIMELINE_LIMIT = 200


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
    qs = organisations_visible_to(actor)
    if query.category:
        qs = qs.filter(category=query.category)
    if query.country:
        qs = qs.filter(country_id=query.country)
    if query.region:
        qs = qs.filter(country__un_subregion__in=subregions(query.region))
    if (condition := _participation_filter(actor, query)) is not None:
        qs = qs.filter(condition)
    qs = qs.select_related("country").order_by(*SORTS.get(query.sort, SORTS["key"]))
    start = (max(query.page, 1) - 1) * PAGE_SIZE
    rows = list(qs[start : start + PAGE_SIZE + 1])
    return rows[:PAGE_SIZE], len(rows) > PAGE_SIZE


# --- Search ------------------------------------------------------------------------


def script_of(text: str) -> str | None:
    """The UN language whose script alone `text` is in; None for Latin letters."""
    for lang, letters in (
        ("zh", r"[\u3400-\u9fff]"),
        ("ar", r"[\u0600-\u06ff]"),
        ("ru", r"[\u0400-\u04ff]"),
    ):
        if re.search(letters, text):
            return lang
    return None


def languages_of(text: str) -> list[str]:
    """The title columns a query can match, by its script: a Chinese word is not
    looked for in Russian titles. Latin letters are looked for in English titles
    and in those of the reader's language, if it is French or Spanish: each column
    more is another scan of every engagement."""
    if lang := script_of(text):
        return [lang]
    reader = content_language()
    return ["en", reader] if reader in ("fr", "es") else ["en"]


def organisation_ids_matching(text: str, most: int) -> set[int]:
    """Up to `most` ids of each way an organisation can match `text` (each name
    column of the query's script, other names, identifiers), each asked on its own
    so that PostgreSQL uses the trigram index of each (given an OR of them, it
    chose to read the whole table)."""
    lang = script_of(text)
    columns = [f"name_{lang}"] if lang else ["key", "name_en", "name_fr", "name_es"]
    ids: set[int] = set()
    for column in columns:
        ids.update(
            Organisation.objects.filter(**{f"{column}__icontains": text})
            .order_by()
            .values_list("pk", flat=True)[:most]
        )
    for model in (OrganisationName, Identifier):
        ids.update(
            model.objects.filter(value__icontains=text)
            .order_by()
            .values_list("organisation_id", flat=True)[:most]
        )
    return ids


@dataclass
class SearchResults:
    organisations: list[Organisation] = field(default_factory=list)
    engagements: list[Engagement] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.organisations or self.engagements or self.passages)


SEARCH_CANDIDATES = 500


def search(actor: Actor, text: str, limit: int = SEARCH_LIMIT) -> SearchResults:
    """The first `limit` organisations, engagements and passages matching `text`."""
    text = text.strip()
    results = SearchResults()
    if not text:
        return results
    # The first matches the database finds (no order: a common word stops the scan
    # early, a rare one is looked up in the trigram indexes on PostgreSQL), then
    # the visible ones among them by name.
    candidates = organisation_ids_matching(text, SEARCH_CANDIDATES)
    results.organisations = list(
        organisations_visible_to(actor)
        .filter(pk__in=candidates)
        .select_related("country")
        .order_by("name_en", "key")[:limit]
    )
    results.engagements = _engagements_matching(
        actor, text, limit, _named(results.organisations, text)
    )
    results.passages = list(
        passages_visible_to(actor)
        .filter(text__icontains=text)
        .select_related("document")
        .order_by("document__symbol", "number")[:limit]
    )
    return results


def _named(found: list[Organisation], text: str) -> Organisation | None:
    """The one organisation among those found that `text` names exactly: its key,
    a name in any language, an acronym, short form, alias or identifier."""
    exact = {
        org.pk for org in found if text in (org.key, *as_dict(org, "name").values())
    }
    others = [org.pk for org in found if org.pk not in exact]
    for model in (OrganisationName, Identifier):
        exact.update(
            model.objects.filter(organisation_id__in=others, value=text)
            .order_by()
            .values_list("organisation_id", flat=True)
        )
    return (
        next((org for org in found if org.pk in exact), None)
        if len(exact) == 1
        else None
    )


def _engagements_matching(
    actor: Actor, text: str, limit: int, named: Organisation | None
) -> list[Engagement]:
    """The engagements of the organisation `text` names exactly (开发署, UNDP), or
    else those whose title contains it. Newest first by id, so that the scan stops
    at the tenth match instead of sorting them all."""
    engagements = engagements_visible_to(actor).order_by("-pk")
    if named is not None:
        taking_part = Participation.objects.filter(organisation=named)
        return list(
            engagements.filter(pk__in=taking_part.values("engagement_id"))[:limit]
        )
    titles = Q(key=text)
    for lang in languages_of(text):
        titles |= Q(**{f"title_{lang}__icontains": text})
    return list(engagements.filter(titles)[:limit])


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
    timeline: dict[str, list[Participation]]
    timeline_truncated: bool
    partners: list[tuple[Organisation, int]]
    countries: list[dict]
    money: list[dict]
    evidence: list[Evidence]


def profile(actor: Actor, org: Organisation) -> Profile:
    engagement_ids = _engagement_ids(actor, org)
    parts = list(
        Participation.objects.filter(organisation=org, engagement_id__in=engagement_ids)
        .select_related("engagement")
        .order_by("role", "-engagement__start_date", "engagement__key")[
            : TIMELINE_LIMIT + 1
        ]
    )
    timeline: dict[str, list[Participation]] = {}
    for part in parts[:TIMELINE_LIMIT]:
        timeline.setdefault(part.role, []).append(part)
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
        timeline=timeline,
        timeline_truncated=len(parts) > TIMELINE_LIMIT,
        partners=top_partners(actor, org, engagement_ids),
        countries=list(
            Place.objects.filter(
                engagement_id__in=engagement_ids, country__isnull=False
            )
            .values("country_id", "country__name_en")
            .annotate(engagements=Count("engagement_id", distinct=True))
            .order_by("-engagements", "country_id")[:50]
        ),
        money=list(
            Contribution.objects.filter(
                participation__organisation=org,
                participation__engagement_id__in=engagement_ids,
            )
            .values("currency_id")
            .annotate(total=Sum("amount"), count=Count("id"))
            .order_by("currency_id")
        ),
        evidence=mentions(actor, org),
    )


def top_partners(
    actor: Actor, org: Organisation, engagement_ids: QuerySet, limit: int = 10
) -> list[tuple[Organisation, int]]:
    counts = list(
        Participation.objects.filter(engagement_id__in=engagement_ids)
        .exclude(organisation=org)
        .filter(visible_organisation(actor, "organisation_id"))
        .values("organisation_id")
        .annotate(shared=Count("engagement_id", distinct=True))
        .order_by("-shared", "organisation_id")[:limit]
    )
    orgs = Organisation.objects.in_bulk([row["organisation_id"] for row in counts])
    return [(orgs[row["organisation_id"]], row["shared"]) for row in counts]


def mentions(actor: Actor, org: Organisation, limit: int = 50) -> list[Evidence]:
    """Evidence that names the organisation, or its part in an engagement."""
    return list(
        Evidence.objects.filter(passage__in=passages_visible_to(actor))
        .filter(
            Q(organisation=org)
            | Q(
                Q(participation__organisation=org)
                & Q(visible_engagement(actor, "participation__engagement_id"))
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


# --- Source documents ----------------------------------------------------------------


def document_for(actor: Actor, symbol: str) -> SourceDocument | None:
    return documents_visible_to(actor).filter(symbol=symbol).first()


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
    return list(documents_visible_to(actor).order_by("-date", "symbol")[:200])
