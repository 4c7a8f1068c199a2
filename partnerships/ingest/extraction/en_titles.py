"""Where an English name runs on into the title of a person named after it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_PERSON_TITLES = set(
    "Secretary Minister Governor Ambassador Mayor Commissioner President Chairman "
    "Chairperson Director Representative".split()
)
_TITLE_MODIFIERS = set(
    "Deputy Vice State Permanent Principal Acting Assistant Executive Chief Senior "
    "Country Resident".split()
)


def before_person(words: list[str]) -> list[str]:
    """A name ends before the title of a person named after it: "Economic Relations
    Division Secretary Fatima Yasmin" is the Division ("Office of the Special
    Representative of …" keeps its title: "of" follows it)."""
    for i, word in enumerate(words[1:-1], start=1):
        after = words[i + 1]
        if word in _PERSON_TITLES and after[:1].isupper() and after != "General":
            while i > 1 and words[i - 1] in _TITLE_MODIFIERS:
                i -= 1
            return words[:i]
    return words


# "International Cooperation Minister Rania al-Mashat", "the Finance Minister": a
# ministry named by its minister's portfolio before the title, as news pages write it.
_PORTFOLIO_MINISTER = re.compile(
    r"(?<![\w’'-])((?:[A-Z][a-z]+\s+(?:and\s+)?){1,5})Minister\b(?!\s+(?:of|for)\b)"
)
_NO_PORTFOLIO = _TITLE_MODIFIERS | set(
    "The A An Prime First Cabinet Junior Former Then Under Federal Foreign Regional "
    "Provincial National Interim Minister".split()
)


def portfolio_ministers(
    text: str, is_place: Callable[[str], bool], demonyms: Iterable[str]
) -> list[tuple[int, int]]:
    """(start, end) of "Finance Minister": the portfolio's words and the title,
    without the modifiers, nationality or country before them ("Chinese Deputy
    Agriculture Minister" gives "Agriculture Minister"). "Foreign Minister" is left
    to the rules for countries' officials."""
    out = []
    skipped = _NO_PORTFOLIO | set(demonyms)
    for match in _PORTFOLIO_MINISTER.finditer(text):
        words = list(re.finditer(r"[A-Z][a-z]+|and", match.group(1)))
        # "Agriculture and Land Reclamation": one word before "and"; "Qu Dongyu
        # and Finance Minister": a person's name before it, dropped.
        while (joint := next((i for i, w in enumerate(words) if w[0] == "and"), 0)) > 1:
            words = words[joint + 1 :]
        while words and (
            words[0][0] in skipped or words[0][0] == "and" or is_place(words[0][0])
        ):
            words = words[1:]
        if words:
            out.append((match.start(1) + words[0].start(), match.end()))
    return out
