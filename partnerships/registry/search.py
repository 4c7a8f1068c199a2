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
from partnerships.core.fulltext import fulltext_condition, fulltext_ids, usable
from partnerships.core.languages import as_dict
from partnerships.registry.fuzzy import close_organisation_ids
from partnerships.registry.models import Identifier, Organisation, OrganisationName
from partnerships.registry.ranking import EXACT, rank_named
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


def _containing(model: type, columns: list[str], text: str) -> Q:
    """Rows of `model` with `text` in one of `columns`: from the full-text index
    where it can answer (SQLite, three characters or more), else `icontains`."""
    if usable(text):
        return fulltext_condition(model._meta.db_table, columns, text)
    condition = Q()
    for column in columns:
        condition |= Q(**{f"{column}__icontains": text})
    return condition


def organisations_matching(text: str) -> QuerySet[Organisation]:
    """Every organisation that `text` matches (see the module), unordered and not
    yet through the permission layer: the `q` filter of lists."""
    text = text.strip()
    if not text:
        return Organisation.objects.none()
    condition = Q(key__iexact=text) | _containing(
        Organisation, name_columns(text), text
    )
    others = OrganisationName.objects.filter(
        _containing(OrganisationName, ["value"], text)
    )
    identified = Identifier.objects.filter(_containing(Identifier, ["value"], text))
    condition |= Q(pk__in=others.values("organisation_id"))
    condition |= Q(pk__in=identified.values("organisation_id"))
    return Organisation.objects.filter(condition)


def _name_ids(text: str, most: int) -> list[int]:
    """Up to `most` ids of organisations with `text` in an official name (or key):
    on SQLite the best by BM25 from the full-text index, the limit inside it; else
    each column asked on its own so that PostgreSQL uses the trigram index of each
    (given an OR of them, it chose to read the whole table)."""
    columns = name_columns(text)
    ranked = fulltext_ids(Organisation._meta.db_table, columns, text, most)
    if ranked is not None:
        return ranked
    ids: list[int] = []
    for column in columns:
        ids += (
            Organisation.objects.filter(**{f"{column}__icontains": text})
            .order_by()
            .values_list("pk", flat=True)[:most]
        )
    return ids


def organisation_ids_matching(text: str, most: int) -> dict[int, list[str]]:
    """Up to `most` ids of each way an organisation can match `text`, with the
    other names and identifiers that matched, which the ranking weighs beside the
    official names. Other names equal to `text` are asked for apart, so that a
    common word cannot crowd them out."""
    found: dict[int, list[str]] = {pk: [] for pk in _name_ids(text, most)}
    for rows in (
        OrganisationName.objects.filter(value__iexact=text),
        OrganisationName.objects.filter(_containing(OrganisationName, ["value"], text)),
        Identifier.objects.filter(_containing(Identifier, ["value"], text)),
    ):
        pairs = rows.order_by().values_list("organisation_id", "value")[:most]
        for pk, value in pairs:
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
    return [
        Found(orgs[pk], matched, tier == EXACT)
        for pk, tier, matched in rank_named(text, names)
    ]


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
