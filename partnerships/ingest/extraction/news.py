"""Who told the news, not a party of what it tells (docs/ingest.md, "Eighth batch"):
据外交部消息, 记者从X获悉, X供图 (a photo credit), "according to UNICEF", "a press
release from UNICEF Gambia office". The organisation stays named; it joins no
engagement of the sentence.
"""

from __future__ import annotations

import re

_SOURCE_BEFORE = re.compile(
    r"(?:据|从)$|\baccording to\s+(?:the\s+)?$|\bpress release (?:from|by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SOURCE_AFTER = re.compile(r"^\s*(?:消息|报道|获悉|了解到|介绍|发布的消息)")
_CREDIT_AFTER = re.compile(r"^\s*供图")


def news_source(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 40) : start], text[end:]
    if _CREDIT_AFTER.match(after):
        return True
    told = _SOURCE_BEFORE.search(before)
    return told is not None and (
        told.group(0) not in "据从" or bool(_SOURCE_AFTER.match(after))
    )
