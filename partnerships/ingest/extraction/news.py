"""Organisations named in a sentence that are no party of what it tells. The
organisation stays named; it joins no engagement of the sentence.

- Who told the news (docs/ingest.md, "Eighth batch"): 据外交部消息, 记者从X获悉, X供图
  (a photo credit), "according to UNICEF", "a press release from UNICEF Gambia office".
- What the sentence creates (docs/ingest.md, "Tenth batch"): 建立中非环境合作中心,
  "to establish the X Centre": the body to be set up is the object of the act.
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


_CREATED_BEFORE = re.compile(
    r"(?:建立|设立|成立|组建|筹建|创建)(?:了|一个|一家)?$|"
    r"\b(?:establish|establishes|established|establishing|set up|sets up|create|"
    r"creates|created|creating)\s+(?:a|an|the)\s+(?:new\s+)?$",
    re.IGNORECASE,
)


def not_a_party(text: str, start: int, end: int) -> bool:
    """Who told the news, or the body the sentence sets up (not one named before
    and referred back to: 签署了设立该中心的协议)."""
    before = text[max(0, start - 40) : start]
    created = _CREATED_BEFORE.search(before) and not _BACK.match(text[start:end])
    venue = _VENUE_BEFORE.search(text[max(0, start - 120) : start])
    return news_source(text, start, end) or bool(created or venue)


# "held at the United Nations Information Centre", "signed … at the Economic
# Relations Division (ERD) office": where the act took place, its short form too.
_VENUE_BEFORE = re.compile(
    r"\b(?:held|signed|hosted|took place|convened|ceremony|located)\b[^.,;]{0,40}?"
    r"\bat\s+(?:the\s+)?(?:[A-Z][^().,;]{0,60}\(\s*)?$"
)


_BACK = re.compile(r"(?:该|此|本|这)")
