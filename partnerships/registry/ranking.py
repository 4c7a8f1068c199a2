"""How well an organisation's names answer a query: the order of the search results.

Pure functions over names already read, so that the order can be tested without a
database and costs no query. Tiers, best first: a name that is the query (the key,
an official name, an acronym, a short form, an alias or an identifier); a name that
starts with it or has it as a word; a name that merely contains it; a name close to
it (a typo). Within a tier, the name the query covers most wins, a start counting a
little more: "habitat" is most of "UN-Habitat" and a small part of "Habitat III
Civil Society Working Group", so the agency comes first although the group's name
starts with the word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from rapidfuzz import fuzz

from partnerships.core.scripts import has_han

EXACT, WORD, CONTAINS, CLOSE = 3, 2, 1, 0
PREFIX_BONUS = 0.15
_SEPARATORS = re.compile(r"[\s\-‐‑–—_./,;:()'’\"]+")


def normalise(text: str) -> str:
    """Case, width and separators folded: "UN Habitat" is "un-habitat"."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _SEPARATORS.sub(" ", folded).strip()


def name_score(query: str, name: str) -> tuple[int, float]:
    """(tier, coverage) of one name for a normalised query."""
    candidate = normalise(name)
    if not candidate or not query:
        return (-1, 0.0)
    coverage = len(query) / len(candidate)
    if candidate == query:
        return (EXACT, 1.0)
    if candidate.startswith(query):
        return (WORD, coverage + PREFIX_BONUS)
    if query in candidate:
        # Chinese has no spaces: a contained word counts as a word.
        words = candidate.split(" ")
        in_words = has_han(query) or any(w.startswith(query) for w in words)
        tier = WORD if in_words or f" {query}" in candidate else CONTAINS
        return (tier, coverage)
    return (CLOSE, fuzz.ratio(query, candidate) / 100)


def best_named(query: str, names: Iterable[str]) -> tuple[tuple[int, float], str]:
    """The best (tier, coverage) among an organisation's names, and that name."""
    wanted = normalise(query)
    return max(
        ((name_score(wanted, name), name) for name in names),
        key=lambda scored: scored[0],
        default=((-1, 0.0), ""),
    )


def best_score(query: str, names: Iterable[str]) -> tuple[int, float]:
    """The best (tier, coverage) among an organisation's names."""
    return best_named(query, names)[0]


def rank_named(query: str, named: dict[int, list[str]]) -> list[tuple[int, int, str]]:
    """The ids of `named` (id -> names) best first, each with its tier and the name
    that answered best; shorter names first among equals, then the id, so the
    order is stable. Each name is scored once."""
    scored = []
    for pk, names in named.items():
        (tier, coverage), name = best_named(query, names)
        shortest = min((len(n) for n in names if n), default=0)
        scored.append(((-tier, -coverage, shortest, pk), tier, name))
    scored.sort(key=lambda row: row[0])
    return [(key[3], tier, name) for key, tier, name in scored]


def rank(query: str, named: dict[int, list[str]]) -> list[tuple[int, int]]:
    """The ids of `named` best first, each with its tier (see `rank_named`)."""
    return [(pk, tier) for pk, tier, _name in rank_named(query, named)]
