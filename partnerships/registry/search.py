"""Finding organisations by a few words: the one search of the registry.

Every place that looks organisations up by what a person typed uses it: the
portal's search and its directory, the staff pages' finder, the API's and the
exports' `q` filter, an engagement list filtered by partner. Which organisations
match (`organisations_matching`): the key, an official name in a column of the
query's script (a Chinese word is not looked for in Russian names), an acronym,
short form, alias or former name, an identifier, each containing the words. In
what order (`organisations_ranked`): best match first, by `registry.ranking`; when
nothing contains the words, the organisations with a name close to them (a typo,
`registry.fuzzy`). Both go through the permission layer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from partnerships.core.actor import Actor
from partnerships.core.languages import as_dict
from partnerships.registry.fuzzy import close_organisation_ids
from partnerships.registry.models import Identifier, Organisation, OrganisationName
from partnerships.registry.ranking import EXACT, best_score, rank
from partnerships.registry.visibility import organisations_visible_to

CANDIDATES = 500  # per way of matching, before ranking


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


def name_columns(text: str) -> list[str]:
    """The columns of Organisation a query in `text`'s script can match."""
    lang = script_of(text)
    return [f"name_{lang}"] if lang else ["key", "name_en", "name_fr", "name_es"]


def organisations_matching(text: str) -> QuerySet[Organisation]:
    """Every organisation that `text` matches (see the module), unordered and not
    yet through the permission layer: the `q` filter of lists."""
    text = text.strip()
    if not text:
        return Organisation.objects.none()
    condition = Q(key__iexact=text)
    for column in name_columns(text):
        condition |= Q(**{f"{column}__icontains": text})
    others = OrganisationName.objects.filter(value__icontains=text)
    identified = Identifier.objects.filter(value__icontains=text)
    condition |= Q(pk__in=others.values("organisation_id"))
    condition |= Q(pk__in=identified.values("organisation_id"))
    return Organisation.objects.filter(condition)


def organisation_ids_matching(text: str, most: int) -> dict[int, list[str]]:
    """Up to `most` ids of each way an organisation can match `text`, each asked on
    its own so that PostgreSQL uses the trigram index of each (given an OR of them,
    it chose to read the whole table); with the other names and identifiers that
    matched, which the ranking weighs beside the official names. Other names equal
    to `text` are asked for apart, so that a common word cannot crowd them out."""
    found: dict[int, list[str]] = {}
    for column in name_columns(text):
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
class Found:
    organisation: Organisation
    matched: str  # the name that answered the query best
    exact: bool


def _ranked(actor: Actor, text: str, candidates: dict[int, list[str]]) -> list[Found]:
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


@dataclass
class Ranked:
    found: list[Found]
    close: bool  # nothing matched: these have a name close to the words


def organisations_ranked(
    actor: Actor, text: str, most: int = CANDIDATES, close: int = 10
) -> Ranked:
    """The organisations `actor` may see that match `text`, best first; or, when
    none does, up to `close` whose names are close to it."""
    text = text.strip()
    if not text:
        return Ranked([], False)
    found = _ranked(actor, text, organisation_ids_matching(text, most))
    if found or close <= 0:
        return Ranked(found, False)
    near = close_organisation_ids(text, close * 5)
    return Ranked(_ranked(actor, text, {pk: [] for pk in near})[:close], True)


def named_exactly(found: list[Found]) -> Organisation | None:
    """The one organisation the words name exactly (its key, a name in any language,
    an acronym, short form, alias or identifier), if only one."""
    exact = [f.organisation for f in found if f.exact]
    return exact[0] if len(exact) == 1 else None
