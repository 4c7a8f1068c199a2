"""The site search: organisations, engagements and passages matching a few words,
every one through the permission layer, organisations best match first (the
registry's one organisation search, `registry/search.py`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from partnerships.cooperation.models import Engagement, Participation
from partnerships.cooperation.visibility import engagements_visible_to
from partnerships.core.actor import Actor
from partnerships.core.fulltext import fulltext_condition, fulltext_ids, usable
from partnerships.portal.language import content_language
from partnerships.registry.models import Organisation
from partnerships.registry.search import (
    Found,
    named_exactly,
    organisations_ranked,
    script_of,
)
from partnerships.sources.models import Passage
from partnerships.sources.visibility import passages_visible_to

SEARCH_LIMIT = 10  # of each type on the page of all types
GROUP_PAGE = 25  # on the page of one type
SEARCH_CANDIDATES = 500
COUNT_CAP = 1000  # counts stop there ("1000+"): a common word would read every row
GROUPS = ("organisations", "engagements", "passages")


def languages_of(text: str) -> list[str]:
    """The title columns a query can match, by its script: a Chinese word is not
    looked for in Russian titles. Latin letters are looked for in English titles
    and in those of the reader's language, if it is French or Spanish: each column
    more is another scan of every engagement."""
    if lang := script_of(text):
        return [lang]
    reader = content_language()
    return ["en", reader] if reader in ("fr", "es") else ["en"]


@dataclass
class Group:
    """One type of result: a page of it, how many there are, and whether more."""

    items: list = field(default_factory=list)
    count: int = 0
    capped: bool = False  # there are `count` or more
    page: int = 1
    has_next: bool = False


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
    ranked = organisations_ranked(actor, text, SEARCH_CANDIDATES, SEARCH_LIMIT)
    found, results.close = ranked.found, ranked.close
    if results.only in ("", "organisations"):
        results.organisations = _page(found, page, size)
        results.organisations.capped = len(found) >= SEARCH_CANDIDATES
    if results.only in ("", "engagements"):
        named = named_exactly(found)
        most = max(COUNT_CAP + 1, page * size + 1)
        found_in, cut = _engagements(actor, text, named, most)
        results.engagements = _paged(found_in, page, size)
        # More matched than the index handed over: some may be hidden from the
        # reader, so the count is a floor.
        results.engagements.capped |= cut
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
    found = organisations_ranked(actor, text, SEARCH_CANDIDATES, close=0).found
    engagements = _engagements(actor, text, named_exactly(found))[0]
    passages = _passages(actor, text)
    if not text:
        engagements, passages = engagements.none(), passages.none()
    return Everything(found, engagements, passages)


def _passages(actor: Actor, text: str) -> QuerySet:
    if usable(text):
        words = fulltext_condition(Passage._meta.db_table, ["text"], text)
    else:
        words = Q(text__icontains=text)
    return (
        passages_visible_to(actor)
        .filter(words)
        .select_related("document")
        .order_by("document__symbol", "number")
    )


def _engagements(
    actor: Actor, text: str, named: Organisation | None, most: int | None = None
) -> tuple[QuerySet, bool]:
    """The engagements of the organisation `text` names exactly (开发署, UNDP), or
    else those whose title contains it, and whether the index's limit cut the
    matches short. Newest first by id, so that the scan stops after a page instead
    of sorting every match. On SQLite the titles come from the full-text index,
    newest first with the limit `most` inside it (a page's worth and the count's
    cap), before the permission layer joins."""
    engagements = engagements_visible_to(actor).order_by("-pk")
    if named is not None:
        taking_part = Participation.objects.filter(organisation=named)
        return engagements.filter(pk__in=taking_part.values("engagement_id")), False
    columns = [f"title_{lang}" for lang in languages_of(text)]
    table = Engagement._meta.db_table
    titles, cut = Q(key=text), False
    if not usable(text):
        for column in columns:
            titles |= Q(**{f"{column}__icontains": text})
    elif most is None:
        titles |= fulltext_condition(table, columns, text)
    else:
        ids = fulltext_ids(table, columns, text, most, order="newest") or []
        titles |= Q(pk__in=ids)
        cut = len(ids) >= most
    return engagements.filter(titles), cut
