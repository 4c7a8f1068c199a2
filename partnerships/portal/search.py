"""The site search: organisations, engagements and passages matching a few words,
every one through the permission layer, organisations best match first."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from partnerships.cooperation.models import Participation
from partnerships.cooperation.visibility import engagements_visible_to
from partnerships.core.actor import Actor
from partnerships.core.languages import as_dict
from partnerships.portal.fuzzy import close_organisation_ids
from partnerships.portal.language import content_language
from partnerships.portal.ranking import EXACT, best_score, rank
from partnerships.registry.models import Identifier, Organisation, OrganisationName
from partnerships.registry.visibility import organisations_visible_to
from partnerships.sources.visibility import passages_visible_to

SEARCH_LIMIT = 10  # of each type on the page of all types
GROUP_PAGE = 25  # on the page of one type
SEARCH_CANDIDATES = 500
COUNT_CAP = 1000  # counts stop there ("1000+"): a common word would read every row
GROUPS = ("organisations", "engagements", "passages")


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


def organisation_ids_matching(text: str, most: int) -> dict[int, list[str]]:
    """Up to `most` ids of each way an organisation can match `text` (each name
    column of the query's script, other names, identifiers), each asked on its own
    so that PostgreSQL uses the trigram index of each (given an OR of them, it
    chose to read the whole table); with the other names and identifiers that
    matched, which the ranking weighs beside the official names. Other names equal
    to `text` are asked for apart, so that a common word cannot crowd them out."""
    lang = script_of(text)
    columns = [f"name_{lang}"] if lang else ["key", "name_en", "name_fr", "name_es"]
    found: dict[int, list[str]] = {}
    for column in columns:
        for pk in (
            Organisation.objects.filter(**{f"{column}__icontains": text})
            .order_by()
            .values_list("pk", flat=True)[:most]
        ):
            found.setdefault(pk, [])
    for model, lookup in (
        (OrganisationName, "iexact"),
        (OrganisationName, "icontains"),
        (Identifier, "icontains"),
    ):
        rows = model.objects.filter(**{f"value__{lookup}": text}).order_by()
        for pk, value in rows.values_list("organisation_id", "value")[:most]:
            found.setdefault(pk, []).append(value)
    return found


@dataclass
class Group:
    """One type of result: a page of it, how many there are, and whether more."""

    items: list = field(default_factory=list)
    count: int = 0
    capped: bool = False  # there are `count` or more
    page: int = 1
    has_next: bool = False


@dataclass
class Found:
    organisation: Organisation
    matched: str  # the name that answered the query best
    exact: bool


@dataclass
class SearchResults:
    organisations: Group = field(default_factory=Group)
    engagements: Group = field(default_factory=Group)
    passages: Group = field(default_factory=Group)
    close: bool = False  # the organisations are close to the query, not matches
    only: str = ""  # the one type asked for, or "" for all

    @property
    def empty(self) -> bool:
        return not any(
            g.items for g in (self.organisations, self.engagements, self.passages)
        )


def _page(items: list, page: int, size: int) -> Group:
    start = (page - 1) * size
    return Group(
        items=items[start : start + size],
        count=len(items),
        page=page,
        has_next=len(items) > start + size,
    )


def _paged(qs: QuerySet, page: int, size: int) -> Group:
    """A page of `qs` and how many rows it has, counted up to COUNT_CAP."""
    start = (page - 1) * size
    rows = list(qs[start : start + size + 1])
    count = qs[: COUNT_CAP + 1].count()
    return Group(
        items=rows[:size],
        count=min(count, COUNT_CAP),
        capped=count > COUNT_CAP,
        page=page,
        has_next=len(rows) > size,
    )


def search(actor: Actor, text: str, only: str = "", page: int = 1) -> SearchResults:
    """The organisations, engagements and passages matching `text`: a page of
    each type, or of the one type `only` names."""
    text = text.strip()
    results = SearchResults(only=only if only in GROUPS else "")
    if not text:
        return results
    size = GROUP_PAGE if results.only else SEARCH_LIMIT
    page = max(page, 1) if results.only else 1
    found = _organisations(actor, text)
    if not found:
        found = _close_organisations(actor, text)
        results.close = bool(found)
    if results.only in ("", "organisations"):
        results.organisations = _page(found, page, size)
        results.organisations.capped = len(found) >= SEARCH_CANDIDATES
    if results.only in ("", "engagements"):
        named = _named(found)
        results.engagements = _paged(_engagements(actor, text, named), page, size)
    if results.only in ("", "passages"):
        results.passages = _paged(_passages(actor, text), page, size)
    return results


@dataclass
class Everything:
    """Every match of a query, for a download: organisations ranked, engagements
    and passages as querysets to iterate."""

    organisations: list[Found]
    engagements: QuerySet
    passages: QuerySet


def everything(actor: Actor, text: str) -> Everything:
    text = text.strip()
    found = _organisations(actor, text) if text else []
    engagements = _engagements(actor, text, _named(found))
    passages = _passages(actor, text)
    if not text:
        engagements, passages = engagements.none(), passages.none()
    return Everything(found, engagements, passages)


def _passages(actor: Actor, text: str) -> QuerySet:
    return (
        passages_visible_to(actor)
        .filter(text__icontains=text)
        .select_related("document")
        .order_by("document__symbol", "number")
    )


def _ranked(actor: Actor, text: str, candidates: dict[int, list[str]]) -> list[Found]:
    """The visible candidates, best match first (partnerships.portal.ranking)."""
    orgs = {
        org.pk: org
        for org in organisations_visible_to(actor)
        .filter(pk__in=list(candidates))
        .select_related("country")
    }
    names = {
        pk: [org.key, *as_dict(org, "name").values(), *candidates[pk]]
        for pk, org in orgs.items()
    }
    found = []
    for pk, tier in rank(text, names):
        matched = max(names[pk], key=lambda name: best_score(text, [name]))
        found.append(Found(orgs[pk], matched, tier == EXACT))
    return found


def _organisations(actor: Actor, text: str) -> list[Found]:
    return _ranked(actor, text, organisation_ids_matching(text, SEARCH_CANDIDATES))


def _close_organisations(actor: Actor, text: str) -> list[Found]:
    """Organisations with a name close to `text`, when nothing contains it."""
    close = close_organisation_ids(text, SEARCH_LIMIT * 5)
    return _ranked(actor, text, {pk: [] for pk in close})[:SEARCH_LIMIT]


def _named(found: list[Found]) -> Organisation | None:
    """The one organisation the query names exactly: its key, a name in any
    language, an acronym, short form, alias or identifier."""
    exact = [f.organisation for f in found if f.exact]
    return exact[0] if len(exact) == 1 else None


def _engagements(actor: Actor, text: str, named: Organisation | None) -> QuerySet:
    """The engagements of the organisation `text` names exactly (开发署, UNDP), or
    else those whose title contains it. Newest first by id, so that the scan stops
    after a page instead of sorting every match."""
    engagements = engagements_visible_to(actor).order_by("-pk")
    if named is not None:
        taking_part = Participation.objects.filter(organisation=named)
        return engagements.filter(pk__in=taking_part.values("engagement_id"))
    titles = Q(key=text)
    for lang in languages_of(text):
        titles |= Q(**{f"title_{lang}__icontains": text})
    return engagements.filter(titles)
