"""Quoted speech in a sentence (docs/ingest.md, "Eighth batch").

Speech in quotation marks tells no act by its verbs ("“Today's signing shows our
commitment”, said ..." signs nothing), so a quotation within a sentence is taken out
before cue words are looked for (`senses.other_senses`). What speech does tell
is working together said outright ("We are pleased to continue this partnership
with UNDP", 我们期待与中国政府共同努力): the parties the sentence names cooperate
(`said_cooperation`). A quotation often runs over several sentences, each holding
only an opening or only a closing mark; the part of such a sentence inside the
quotation is speech as well (`running_speech`), read for working together only:
taking its verbs out too lowered the development part (docs/ingest.md).
"""

from __future__ import annotations

import re

_LONG_QUOTE = re.compile(r"“[^”]{40,}”|\"[^\"]{40,}\"")
_SAID_TOGETHER = re.compile(
    r"partner|cooperat|co-operat|collaborat|"
    r"work(?:ing|s)?\s+(?:alongside|together|with|closely)|合作|携手|伙伴|共同努力"
)


def running_speech(text: str) -> list[tuple[int, int]]:
    """(start, end) of the parts of a sentence inside a quotation that opens or
    closes in another sentence."""
    spans: list[tuple[int, int]] = []
    if text.count("“") != text.count("”"):
        close = text.find("”")
        if close != -1 and "“" not in text[:close]:
            spans.append((0, close + 1))
        opening = text.rfind("“")
        if opening != -1 and "”" not in text[opening:]:
            spans.append((opening, len(text)))
    elif text.count('"') % 2:
        first = text.find('"')
        if text[:first].strip():
            spans.append((0, first + 1))
        else:
            spans.append((first, len(text)))
    return spans


def without_speech(text: str) -> str:
    """The sentence with its quotations blanked out (offsets kept)."""
    return _LONG_QUOTE.sub(lambda m: " " * len(m.group()), text)


def said_cooperation(text: str) -> str:
    """The words of working together said in the sentence's quoted speech, or ""."""
    spans = running_speech(text) + [m.span() for m in _LONG_QUOTE.finditer(text)]
    for start, end in spans:
        if found := _SAID_TOGETHER.search(text[start:end]):
            return found.group(0)
    return ""
