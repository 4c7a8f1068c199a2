"""The English-only steps of the organisation finder: offices, lists, "we", acronyms."""

from __future__ import annotations

import re

from partnerships.ingest.extraction.context import not_an_organisation
from partnerships.ingest.extraction.en_lists import listed_with
from partnerships.ingest.extraction.en_references import (
    acronym_parties,
    adjective_governments,
    has_head,
    offices_of,
    unnamed_governments,
)
from partnerships.ingest.extraction.en_titles import portfolio_ministers
from partnerships.ingest.extraction.english import (
    acronym_definitions,
    en_trim,
    office_in_place,
)
from partnerships.ingest.extraction.mention import Mention, _overlaps, last_named
from partnerships.ingest.extraction.parties import DEMONYMS
from partnerships.ingest.extraction.speakers import spoken_for

_MINISTER_BEFORE = re.compile(r"\bMinister\s+of\s+$")


def _ministry_of(text: str, mention: Mention) -> Mention:
    """ "Minister of Environmental Protection of Turkmenistan": the ministry is
    proposed under its own name, "Ministry of ...", the minister's title kept in
    the span."""
    before = _MINISTER_BEFORE.search(text[: mention.start])
    if mention.method != "pattern" or before is None or mention.text.startswith("Min"):
        return mention
    return Mention(
        before.start(), mention.end, f"Ministry of {mention.text}", "pattern"
    )


# "Brussels Office of the", "Cooperating Committee of the": a unit named after the
# organisation that follows.
_EN_UNIT = re.compile(
    r"[A-Z][\w’'-]*\s+(?:Office|Liaison Office|Centre|Center|Bureau|Branch|"
    r"Department|Division|Unit|Section|Committee|Board|Embassy|Mission|Delegation|"
    r"Council|Assembly)"
    r"\s+(?:of|for|to|at)\s+(?:the\s+)?$"
)


class EnglishSteps:
    """The steps of `OrganisationFinder` for English text only (each does nothing
    in Chinese, where the finder has a segmenter)."""

    def _office_in_place(self, text: str, mention: Mention) -> Mention:
        """ "UN-Habitat Iraq": the office, which the reviewer links to its parent."""
        if self.segmenter is not None:
            return mention
        stop = office_in_place(text, mention.start, mention.end, self._is_place)
        if stop is None:
            return mention
        parent = next(iter(sorted(mention.keys)), "")
        office = text[mention.start : stop]
        return Mention(mention.start, stop, office, "pattern", parent=parent)

    def _is_place(self, name: str) -> bool:
        return any(e.source in ("country", "city") for e in self.places.lookup(name))

    def _listed(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """English names listed with an organisation found, in a chain."""
        if self.segmenter is not None:
            return []
        found: list[Mention] = []
        queue = list(mentions)
        while queue:
            mention = queue.pop()
            for start, end in listed_with(text, mention.start, mention.end):
                new = Mention(start, end, text[start:end], "pattern")
                if self.places.lookup(new.text) or _overlaps(new, mentions + found):
                    continue
                if any(c.isdigit() for c in new.text):
                    continue
                found.append(new)
                queue.append(new)
        return found

    def _portfolios(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """English: "Finance Minister ...", the ministry of that portfolio."""
        if self.segmenter is not None:
            return []
        found = [
            Mention(start, end, text[start:end], "pattern")
            for start, end in portfolio_ministers(text, self._is_place, DEMONYMS)
        ]
        return [m for m in found if not _overlaps(m, mentions)]

    def _we(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """ "we", "our": the organisation of the one speaking (speakers.py)."""
        if self.segmenter is not None:
            return []
        named = [m for m in mentions if m.method != "reference"]
        found = []
        for start, end, speaker in spoken_for(text, named, self):
            found.append(Mention(start, end, text[start:end], "reference"))
            found[-1].alias_of = speaker.alias_of or speaker
        return [m for m in found if not _overlaps(m, mentions)]

    def _en_offices(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """English: "X's office for Europe", an office of X (en_references.py)."""
        if self.segmenter is not None:
            return mentions
        for start, end, o_start, o_end in offices_of(text):
            owner = next((m for m in mentions if m.end == o_end), None)
            if owner is not None:  # the known name before "'s" is the owner
                start = o_start = owner.start
            inside = [m for m in mentions if start <= m.start and m.end <= end]
            if any(m.start > o_end for m in inside):
                continue  # "UN-Habitat's Regional Office for Arab States": known
            if _overlaps(
                Mention(start, end, "", ""), [m for m in mentions if m not in inside]
            ):
                continue
            parent = next(iter(sorted(owner.keys)), "") if owner else ""
            office = Mention(start, end, text[start:end], "pattern", parent=parent)
            mentions = [m for m in mentions if m not in inside] + [office]
            name = text[o_start:o_end]
            self.defined.setdefault(name, name)  # named in the rest of the document
            for use in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
                later = Mention(use.start(), use.end(), name, "acronym")
                if use.start() >= end and not _overlaps(later, mentions):
                    mentions.append(later)
        return mentions

    def _en_parties(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """English: "the Korea delegation", "the UAE", "the GEF" (en_references.py)."""
        if self.segmenter is not None:
            return mentions
        mentions = self._en_offices(text, mentions)
        found: list[Mention] = []
        for start, end, country in adjective_governments(text, self._is_country):
            mention = Mention(start, end, text[start:end], "government")
            mention.aliases.append(country)
            if not _overlaps(mention, mentions + found):
                found.append(mention)
        for start, end, acronym, country in acronym_parties(text):
            if country:
                mention = Mention(start, end, acronym, "government")
                mention.aliases.append(country)
            else:
                entries = tuple(self.gazetteer.lookup(acronym))
                method = "gazetteer" if entries else "pattern"
                mention = Mention(start, end, acronym, method, entries)
            if not _overlaps(mention, mentions + found):
                found.append(mention)
        return mentions + found + self._unnamed_governments(text, mentions + found)

    def _unnamed_governments(self, text: str, mentions: list[Mention]) -> list[Mention]:
        found = []
        for start, end in unnamed_governments(text):
            target = last_named(
                self.en_references.named,
                sorted(mentions, key=lambda m: m.start),
                start,
                lambda m: m.method == "government" or has_head(m.text, "Government"),
            )
            if target is None:
                mention = Mention(start, end, text[start:end], "pattern")
            else:
                root = target.alias_of or target
                mention = Mention(
                    start, end, text[start:end], "reference", root.entries
                )
                mention.alias_of = root
            if not _overlaps(mention, mentions + found):
                found.append(mention)
        return found

    def _is_country(self, name: str) -> bool:
        return any(e.source == "country" for e in self.places.lookup(name))

    def _en_references(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """ "the Centre", "the Liaison Office" …: the organisation named before
        whose name has that head word (en_references.py)."""
        if self.segmenter is not None:
            return []
        named = [m for m in mentions if m.method not in ("reference", "government")]
        found = []
        for start, end, target in self.en_references.find(text, named):
            root = target.alias_of or target
            mention = Mention(start, end, text[start:end], "reference", root.entries)
            mention.alias_of = root
            if not _overlaps(mention, mentions + found):
                found.append(mention)
        return found

    def _acronyms_defined(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """ "MATUAFTT (Ministère de ...)": an acronym and then its full name."""
        if self.segmenter is not None:
            return []
        found: list[Mention] = []
        for (a_start, a_end), (f_start, f_end) in acronym_definitions(text):
            acronym = Mention(a_start, a_end, text[a_start:a_end], "pattern")
            full = Mention(f_start, f_end, text[f_start:f_end], "bracket")
            if _overlaps(acronym, mentions) or _overlaps(full, mentions):
                continue
            if not_an_organisation(text, f_start, f_end, known=False, keys=set()):
                continue  # "SIDS (Small Islands Developing States)": countries
            full.alias_of = acronym
            acronym.aliases.append(full.text)
            self.defined.setdefault(acronym.text, full.text)
            found += [acronym, full]
        return found

    def _english_unit(
        self, text: str, start: int, end: int, inside: list[Mention]
    ) -> list[Mention] | None:
        """ "The Brussels Office of the United Nations ... Programme": an office of a
        known organisation is a unit of its own (the other stays named); None when
        the name is no such unit."""
        if self.segmenter is not None or not inside:
            return None
        if not _EN_UNIT.search(text[start : inside[0].start]):
            return None
        span = en_trim(text, start, end)
        if span is None:
            return []
        return [Mention(span[0], span[1], text[span[0] : span[1]], "pattern")]
