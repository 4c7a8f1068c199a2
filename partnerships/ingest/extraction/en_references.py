"""English words that name an organisation named before, or a party by a short form.

- "the Centre", "the Office", "the Liaison Office", "the Programme", "the Agency",
  "the Bank", "the Fund" …: the last organisation named whose name has that head
  word (its organisation word before "of", "for", "on", "to"), earlier in this
  paragraph, else earlier in the document. Not before "of", "for", "on" or a
  capitalised word (then it is a name of its own).
- "the UAE", "the GEF": an acronym after an article is a party: the government of
  the country it abbreviates, else the organisation of that short form ("the UN"
  stays the United Nations, a known name). Not the acronyms of texts and goals
  (`NOT_PARTIES`), nor one before a noun ("the GEF guidelines"): only before
  punctuation, a joining word or a verb in the past.
- "the Korea delegation", "the Kenya Government": a country's name used as an
  adjective names its government, as "the Korean delegation" does (the mention is
  the country's name).
- "Habitat for Humanity's office for Europe and Central Asia": an office of the
  organisation named before "'s", which stays named in the rest of the paragraph
  and of the document.

Only names written before a back-reference are referred to, and a back-reference
never refers to another back-reference's words, only to the organisation they name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from partnerships.ingest.extraction.mention import M, Named, last_named

HEADS = (
    "Liaison Office",
    "Regional Office",
    "Country Office",
    "Office",
    "Centre",
    "Center",
    "Programme",
    "Program",
    "Agency",
    "Bank",
    "Fund",
    "Foundation",
    "Institute",
    "Commission",
    "Secretariat",
    "Corporation",
    "Government",
    "Ministry",
)
_HEAD_WORDS = {h.split()[-1] for h in HEADS}
_BY_HEAD = re.compile(
    r"\b[Tt]he\s+(" + "|".join(re.escape(h) for h in HEADS) + r")\b"
    r"(?![’'-])(?!\s+(?:of|for|on|to|in)\b)(?!\s+[A-Z])"
)
# Country acronyms; the place gazetteer holds the names they stand for.
COUNTRY_ACRONYMS = {
    "UAE": "United Arab Emirates",
    "USA": "United States of America",
    "US": "United States of America",
    "UK": "United Kingdom",
    "DRC": "Democratic Republic of the Congo",
    "ROK": "Republic of Korea",
}
# Acronyms of texts, goals, groups of countries and titles: no party.
NOT_PARTIES = frozenset(
    "MOU MOUS MOA LOI SDG SDGS NUA SIDS LDC LDCS ED CEO COVID HIV AIDS GDP ODA "
    "USD EUR COP PPP ICT GIS".split()
)
# An acronym before a noun in lower case ("the GEF guidelines") is no party; one
# before punctuation, a word of joining or a verb in the past is.
_ACRONYM = re.compile(
    r"\b[Tt]he\s+([A-Z][A-Z&]{1,6})\b(?![’'-])(?!\s*\()"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|or|with|in|to|for|of|on|at|by|as|from|is|was|"
    r"has|had|have|will|would|shall|can|could|may|also|[a-z]+ed)\b)"
)
_ADJECTIVE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+"
    r"(?:[Gg]overnment|delegation|[Dd]elegation|authorities)\b"
)
# "X's office for Europe", "X’s regional office in Asia".
_OFFICE = re.compile(
    r"[’']s\s+(?:(?:regional|country|liaison|[Rr]egional|[Cc]ountry|[Ll]iaison)\s+)?"
    r"(?:office|Office|bureau|Bureau|branch|Branch|mission|Mission)\s+(?:for|in)\s+"
    r"(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*)*"
)
_OWNER = re.compile(
    r"(?:[A-Z][\w&-]*(?:\s+(?:for|of|the|&)\s+|\s+(?=[A-Z])))*[A-Z][\w&-]*$"
)


class EnReferences:
    """Remembers, through a document, what English back-references may name."""

    def __init__(self) -> None:
        self.named: list[Named] = []  # names of the earlier paragraphs, in order

    def find(self, text: str, named: list[M]) -> list[tuple[int, int, M]]:
        """(start, end, referent) of each back-reference of the paragraph; `named`
        are the paragraph's mentions that are names, not references."""
        named = sorted(named, key=lambda m: m.start)
        out: list[tuple[int, int, M]] = []
        for match in _BY_HEAD.finditer(text):
            head = match.group(1)
            target = last_named(
                self.named, named, match.start(), lambda m, h=head: _headed(m, h)
            )
            if target is not None:
                out.append((match.start(1), match.end(1), target))
        self.named += named
        return out

    def remember(self, mentions: list[Named]) -> None:
        """Names found after `find` (offices, short forms) for later paragraphs."""
        self.named += [m for m in mentions if m not in self.named]


def has_head(name: str, head: str) -> bool:
    """The name's organisation words before "of", "for" … end with `head`."""
    before = re.split(r"\s+(?:of|for|on|to|in)\s+", name, maxsplit=1)[0]
    words = [w for w in before.split() if w.strip("()")]
    last = max((i for i, w in enumerate(words) if w in _HEAD_WORDS), default=None)
    if last is None:
        return False
    return " ".join(words[: last + 1]).endswith(head)


def _headed(mention: Named, head: str) -> bool:
    full = getattr(mention, "alias_of", None)
    return has_head(mention.text, head) or (
        full is not None and has_head(full.text, head)
    )


def acronym_parties(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, acronym, country) of "the UAE", "the GEF"; country is the
    country's name for a country's acronym, else ""."""
    out = []
    for match in _ACRONYM.finditer(text):
        acronym = match.group(1)
        if acronym in NOT_PARTIES or acronym == "UN":
            continue
        out.append(
            (match.start(1), match.end(1), acronym, COUNTRY_ACRONYMS.get(acronym, ""))
        )
    return out


def adjective_governments(
    text: str, is_country: Callable[[str], bool]
) -> list[tuple[int, int, str]]:
    """(start, end, country) of "the Korea delegation": a country's name before a
    word for its government."""
    return [
        (m.start(1), m.end(1), m.group(1))
        for m in _ADJECTIVE.finditer(text)
        if is_country(m.group(1))
    ]


def offices_of(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, owner_start, owner_end) of "X's office for Europe": the office
    spans from X to the region, X is the organisation it belongs to."""
    out = []
    for match in _OFFICE.finditer(text):
        owner = _OWNER.search(text[: match.start()])
        if owner is None:
            continue
        start = owner.start()
        # "The X's office": a sentence's article is no part of the name.
        if text[start : start + 4] == "The ":
            start += 4
        out.append((start, match.end(), start, match.start()))
    return out


# "the government" in lower case acting, as a page of the host country writes it
# ("between the government and UNDP", "the government will contribute"): the
# government named before, else the host's government, unnamed.
_UNNAMED_GOVERNMENT = re.compile(
    r"\b(?:between|with)\s+the\s+(government)\b"
    r"(?!\s+(?:of|agencies|agency|officials?|departments?|sector)\b)|"
    r"\b[Tt]he\s+(government)(?=\s+(?:and|will|would|has|have|had|is|was|signed|"
    r"contribut\w*|provid\w*|agreed|committed|pledged)\b)"
)


def unnamed_governments(text: str) -> list[tuple[int, int]]:
    out = []
    for match in _UNNAMED_GOVERNMENT.finditer(text):
        group = 1 if match.group(1) else 2
        out.append((match.start(group), match.end(group)))
    return out
