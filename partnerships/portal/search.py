"""The site search: organisations, engagements and passages matching a few words,
every one through the permission layer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Q

from partnerships.cooperation.models import Engagement, Participation
from partnerships.cooperation.visibility import engagements_visible_to
from partnerships.core.actor import Actor
from partnerships.core.languages import as_dict
from partnerships.portal.language import content_language
from partnerships.registry.models import Identifier, Organisation, OrganisationName
from partnerships.registry.visibility import organisations_visible_to
from partnerships.sources.models import Passage
from partnerships.sources.visibility import passages_visible_to

SEARCH_LIMIT = 10


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
