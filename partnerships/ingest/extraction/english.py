"""Names of organisations in English text, found by their form: runs of
capitalised words (with "of", "for", "and", "the" inside) holding an organisation
word (Association, Foundation, Programme, University ...)."""

from __future__ import annotations

import re

EN_ORG_WORDS = set(
    "Programme Program Organization Organisation Fund Bank Council Commission "
    "Committee Association Foundation Institute Institution University College School "
    "Network Alliance Agency Ministry Government Department Office Centre Center "
    "Federation Union Group Society Corporation Company Ltd Inc Trust Secretariat "
    "Authority Municipality Coalition Partnership Platform Movement Forum Board Team "
    "Taskforce Task Force Initiative Campaign Assembly Unit Bureau Service Services "
    "Council Cities Academy Observatory Consortium".split()
)
_EN_CONNECTORS = {"of", "for", "and", "the", "on", "in", "de", "&", "for the", "to"}
_EN_LEADING = set(
    "The In With Through During Under At On By For And As From Since While When "
    "Also Both This These Its Their A An Of To".split()
)
_EN_GENERIC = set(
    "United Nations|Member States|Government|Governments|Secretariat|Programme|"
    "Fund|Agency|Organization|Council|Commission|Committee|Office|Network".split("|")
)
_EN_RUN = re.compile(
    r"(?:[A-Z][\w'’.&-]*|\d+)(?:\s+(?:(?:of|for|and|the|on|in|de|to|&)\s+)*"
    r"(?:[A-Z][\w'’.&-]*))*"
)


# A name in quotation marks: “逐个街区改善基金会”.
def english_spans(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for match in _EN_RUN.finditer(text):
        for start, end in _split_list(text, match.start(), match.end()):
            span = en_trim(text, start, end)
            if span is not None:
                out.append(span)
    return out


def _split_list(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "X Network and the Y Association": two names, when both have an
    organisation word."""
    parts = re.split(r"\s+and\s+(?:the\s+)?(?=[A-Z])", text[start:end])
    if len(parts) > 1 and all(_has_org_word(p.split()) for p in parts):
        spans, cursor = [], start
        for part in parts:
            at = text.index(part, cursor)
            spans.append((at, at + len(part)))
            cursor = at + len(part)
        return spans
    return [(start, end)]


def _has_org_word(words: list[str]) -> bool:
    return any(w.strip(".,") in EN_ORG_WORDS for w in words)


def en_trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    segment = text[start:end].rstrip(".,")
    words = segment.split()
    while words and (words[0] in _EN_LEADING or words[0].lower() in _EN_CONNECTORS):
        words = words[1:]
    while words and words[-1].lower() in _EN_CONNECTORS:
        words = words[:-1]
    if len(words) < 2 or not _has_org_word(words):
        return None
    name = " ".join(words)
    if name in _EN_GENERIC:
        return None
    first = text.index(words[0], start)
    return first, text.index(words[-1], first) + len(words[-1])
