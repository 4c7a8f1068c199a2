""" "We" and "our" in English: the organisation of the one speaking.

A press release quotes its speakers by their title and organisation ("said Jane
Doe, Director of the UNOPS Office in Amman", "UN-Habitat's Executive Director
said"); what they say in the first person plural ("we are pleased to continue our
cooperation with KfW") is said for that organisation, and so is a pull quote printed
after it without quotation marks. The speaker is the organisation named with a
speaker's title in the paragraph (the one nearest to the pronoun), else the last
one named so earlier in the document; with none, "we" names nobody. "Our
respective", "our two organisations" name the parties together, not the speaker
(docs/ingest.md, "Fifth batch").
"""

from __future__ import annotations

import re
from typing import Any, Protocol, TypeVar

_TITLE = (
    r"(?:Director|Head|Chief|Representative|Ambassador|President|Administrator|"
    r"Minister|Coordinator|Manager|Chair(?:person|man|woman)?|Officer|"
    r"Spokes(?:person|man|woman)|Secretary-General|Envoy|Governor|Mayor|CEO)"
)
_TITLE_BEFORE = re.compile(rf"\b{_TITLE}\s+(?:of|at|for)\s+(?:the\s+)?$")
_TITLE_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:(?:Executive|Deputy|Assistant|Regional|Country|Resident|"
    rf"Acting|Managing|General)\s+)*{_TITLE}\b"
)
# "Our respective capacities", "our two organisations", "we both": the parties
# together, not the speaker's own.
_PRONOUN = re.compile(
    r"\b(?:[Ww]e|[Oo]urs?)\b(?!\s+(?:respective|two|both|joint|common|shared|all)\b)"
)


class _Named(Protocol):
    start: int
    end: int


M = TypeVar("M", bound=_Named)


def speakers(text: str, mentions: list[M]) -> list[M]:
    """The mentions named with a speaker's title, in the order of the text."""
    return [
        m
        for m in sorted(mentions, key=lambda m: m.start)
        if _TITLE_BEFORE.search(text[max(0, m.start - 60) : m.start])
        or _TITLE_AFTER.match(text[m.end : m.end + 60])
    ]


def pronouns(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PRONOUN.finditer(text)]


def nearest(position: int, named: list[M]) -> M | None:
    return min(named, key=lambda m: abs(m.start - position), default=None)


class _Document(Protocol):
    speaker: Any  # the last mention named with a speaker's title, or None


def spoken_for(
    text: str, mentions: list[M], document: _Document
) -> list[tuple[int, int, M]]:
    """(start, end, speaker's mention) of each "we" and "our" of the paragraph; the
    document remembers its last speaker for the paragraphs after."""
    named = speakers(text, mentions)
    out = []
    for start, end in pronouns(text):
        speaker = nearest(start, named) or document.speaker
        if speaker is not None:
            out.append((start, end, speaker))
    if named:
        document.speaker = named[-1]
    return out
