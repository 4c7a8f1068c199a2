"""Link each mention to an organisation of the registry, or propose a new one.

In order: an exact name, acronym, short form or alias in any language (the
gazetteer); the full name a document gave for a short form it uses later; a fuzzy
match of the whole name above `FUZZY_THRESHOLD` (rapidfuzz's ratio on normalised
names of the same script); otherwise a new organisation. Confidences are fixed by
method (docs/ingest.md) so that `--accept-above` means the same thing every run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from partnerships.core.scripts import has_han, is_han
from partnerships.ingest.extraction.mention import Mention
from partnerships.ingest.gazetteer import Gazetteer, NameEntry, normalise

if TYPE_CHECKING:
    from partnerships.ingest.extraction.organisations import OrganisationFinder

FUZZY_THRESHOLD = 90.0
CONFIDENCE = {
    "name": 0.95,  # the full name of a known organisation
    "acronym": 0.9,
    "short": 0.9,
    "alias": 0.85,
    "former": 0.8,
    "fuzzy": 0.7,  # at the threshold; up to 0.8 for an exact match
    "new-proper": 0.75,  # new, with a proper name in it (place, person, Latin)
    "new": 0.6,
    "ambiguous": 0.5,  # a name several known organisations share
}


@dataclass
class Resolution:
    key: str  # an existing organisation's key, or "" for a new one
    name: str  # the name the organisation is proposed (or known) under
    confidence: float
    method: str


class Resolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._choices: list[str] | None = None

    def resolve_all(
        self, mentions: list[Mention], finder: OrganisationFinder, text: str
    ) -> list[tuple[Mention, Resolution]]:
        """Each mention of `text` with its resolution, in view of the short forms
        the finder learnt so far (its `defined`)."""
        pairs = [(m, self.resolve(m, finder.defined)) for m in mentions]
        return defined_by_known(text, pairs)

    def _fuzzy_choices(self) -> list[str]:
        if self._choices is None:
            self._choices = [
                norm
                for norm, entries in self.gazetteer.by_norm.items()
                if len(norm) >= 4 and entries[0].source in ("reference", "registry")
            ]
        return self._choices

    def resolve(self, mention: Mention, defined: dict[str, str]) -> Resolution:
        root = mention
        while root.alias_of is not None:
            root = root.alias_of
        for candidate in (root, mention):
            if found := _known(candidate.entries, candidate.text):
                return found
        full = defined.get(mention.text) if mention.method == "acronym" else None
        name = full or root.text
        if mention.method == "government":
            # The country or city the government is of ("Syrian delegation": Syria).
            name = government_name(mention.aliases[0] if mention.aliases else name)
        return (
            _known(self.gazetteer.lookup(name), name)
            or self._fuzzy(name)
            or _new(name, bracketed=mention.method == "bracket")
        )

    def _fuzzy(self, name: str) -> Resolution | None:
        found = process.extractOne(
            normalise(name),
            self._fuzzy_choices(),
            scorer=fuzz.ratio,
            score_cutoff=FUZZY_THRESHOLD,
        )
        if found is None or not same_words(normalise(name), found[0]):
            return None
        entry = self.gazetteer.by_norm[found[0]][0]
        above = (found[1] - FUZZY_THRESHOLD) / (100 - FUZZY_THRESHOLD)
        confidence = round(CONFIDENCE["fuzzy"] + 0.1 * above, 3)
        return Resolution(entry.key, name, confidence, "fuzzy")


def _known(
    entries: tuple[NameEntry, ...] | list[NameEntry], name: str
) -> Resolution | None:
    """An organisation of the reference data or the registry known by this name;
    a name several organisations share is linked to one of them, with low
    confidence, for the reviewer to check."""
    known = [e for e in entries if e.source in ("reference", "registry")]
    if not known:
        return None
    entry = known[0]
    if len({e.key for e in known}) > 1:
        return Resolution(entry.key, name, CONFIDENCE["ambiguous"], "ambiguous")
    return Resolution(entry.key, name, CONFIDENCE.get(entry.kind, 0.8), entry.kind)


def _new(name: str, *, bracketed: bool) -> Resolution:
    proper = any(not is_han(c) and c.isalpha() for c in name)
    method = "new-proper" if proper or bracketed else "new"
    return Resolution("", name, CONFIDENCE[method], method)


def government_name(place: str) -> str:
    """The name a government named by its country or city is proposed under."""
    if has_han(place):
        return place if place.endswith("政府") else f"{place}政府"
    if "overnment" in place:
        return place
    return f"Government of {place}"


def same_words(mention: str, known: str) -> bool:
    """Whether a fuzzy match only mends spelling: every word of four letters or
    more on either side has a close one on the other ("Programe", "Programme"), so
    that "Asian Development Bank" is never the African one."""
    ours, theirs = mention.split(), known.split()
    return len(ours) == len(theirs) and all(
        any(fuzz.ratio(word, other) >= 80 for other in others)
        for words, others in ((ours, theirs), (theirs, ours))
        for word in words
        if len(word) >= 4
    )


def defined_by_known(
    text: str, resolved: list[tuple[Mention, Resolution]]
) -> list[tuple[Mention, Resolution]]:
    """A new name given right before a known acronym in brackets is that
    organisation under another spelling ("the Food and Agriculture Organization
    (FAO) of the United Nations", "UN Food and Agriculture Organisation (FAO)"), and
    so is a UN description in apposition after a known name ("UNHCR, the UN Refugee
    Agency,"): one proposal, not a new organisation beside the known one."""
    out = list(resolved)
    for index, ((mention, resolution), (after, known)) in enumerate(pairwise(resolved)):
        if _described(text, (mention, resolution), (after, known)):
            out[index + 1] = (after, resolution)
        if resolution.key or not known.key or after.method != "gazetteer":
            continue
        if (
            text[mention.end : after.start].strip() == "("
            and text[after.end : after.end + 1] == ")"
        ):
            out[index] = (mention, known)
    return out


# "UNHCR, the UN Refugee Agency,", "UNFPA, the United Nations sexual and
# reproductive health agency,": a known agency described in apposition.
_DESCRIPTION = re.compile(
    r"^[a-z\s'’-]*\b(?:agency|fund|programme|organi[sz]ation)\s*[,.]"
)
_AGENCY_HEAD = re.compile(r"(?:Agency|Fund|Programme|Organi[sz]ation)$")


def _described(
    text: str, known: tuple[Mention, Resolution], other: tuple[Mention, Resolution]
) -> bool:
    (mention, resolution), (after, its) = known, other
    if not resolution.key or its.key == resolution.key:
        return False
    if text[mention.end : after.start] != ", the " or not after.text.startswith(
        ("UN ", "United Nations")
    ):
        return False
    rest = text[after.end : after.end + 80]
    if its.key:  # "United Nations" starting a description
        return bool(_DESCRIPTION.match(rest))
    return bool(_AGENCY_HEAD.search(after.text)) and rest[:1] in (",", ".")
