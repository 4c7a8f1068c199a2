"""English names listed with an organisation: "UN-Habitat, OHCHR, UCLG, and
EUROCITIES", "(ITDP) and Critical Mass Nairobi", "Catholic Relief Services, Mercy
Corps, and Oxfam America" are organisations too, even without an organisation
word; a person in a list is not."""

from __future__ import annotations

import re

from partnerships.ingest.extraction.english import (
    _EN_GENERIC,
    _EN_LEADING,
    PERSON_TITLE_AFTER,
)

# Names listed with an organisation are organisations too, even without an
# organisation word: "UN-Habitat, OHCHR, UCLG, and EUROCITIES", "(ITDP) and Critical
# Mass Nairobi".
_ITEM = r"((?:[A-Z][\w’'&.-]*)(?:\s+[A-Z][\w’'&.-]*){0,3})"
_NEXT_ITEM = re.compile(
    r"^(?:\s*\([^()]{1,20}\))?(?:,\s+(?:and\s+)?|\s+and\s+)(?:the\s+)?" + _ITEM
)
_PREVIOUS_ITEM = re.compile(_ITEM + r"(?:,\s+|\s+and\s+)(?:the\s+)?$")


def listed_with(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the names listed right after or right before [start, end)."""
    out = []
    after = _NEXT_ITEM.match(text[end:])
    # "the Director of the X, Elena Madrazo, and": the title-holder, a person.
    if after and not _TITLE_OF_BEFORE.search(text[:start]):
        out.append((end + after.start(1), end + after.end(1), True))
    if before := _PREVIOUS_ITEM.search(text[:start]):
        out.append((*before.span(1), False))
    spans = [(s, s + len(text[s:e].rstrip(".,")), next_) for s, e, next_ in out]
    return [
        (s, e)
        for s, e, next_ in spans
        if _listable(
            text[s:e],
            text[max(0, s - 5) : s],
            next_ and _LIST_GOES_ON.match(text[e:]) is not None,
        )
        and not (" " in text[s:e] and PERSON_TITLE_AFTER.match(text[e:]))
    ]


_NOT_LISTED = set(
    "Mr Mr. Ms Ms. Mrs Mrs. Dr Dr. Prof Prof. Director Executive Senior Under Mayor "
    "Minister President Envoy Ambassador Governor Chief Deputy Acting His Her H.E. "
    "Excellency".split()
)
_TITLE_OF_BEFORE = re.compile(
    r"\b(?:Director|Head|Chief|Administrator|President|Minister|Representative|"
    r"Ambassador|Secretary|Coordinator|Manager|Chair\w*|Officer|Governor|Mayor|"
    r"Envoy|Founder|Adviser|Advisor|Leader)(?:-General)?\s+of\s+(?:the\s+)?$"
)
# A list going on after an item to another name: "A, B, and C" (B is an item as C
# is); not to a title ("X, Jane Doe and Director of Y": a person).
_LIST_GOES_ON = re.compile(
    r"^,?\s+and\s+(?:the\s+)?(?!(?:"
    + "|".join(sorted(w.rstrip(".") for w in _NOT_LISTED))
    + r")\b)[A-Z]"
)


def _listable(name: str, before: str, goes_on: bool = False) -> bool:
    """An acronym ("UCLG"), or a name of two words or more after "and" ("and
    Critical Mass Nairobi") or, after a name, inside a list going on to "and"
    ("Oxfam, Mercy Corps, and …"); not a person, a title or a generic word."""
    words = name.split()
    if not words or words[0] in _EN_LEADING or words[0] in _NOT_LISTED:
        return False
    if name in _EN_GENERIC:
        return False
    acronym = len(words) == 1 and len(name) >= 3 and name.isupper()
    listed = before.rstrip().endswith("and") or goes_on
    return acronym or (len(words) >= 2 and listed)
