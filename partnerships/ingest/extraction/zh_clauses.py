"""Chinese clauses: a cue word engages the organisations of its own clause.

A Chinese sentence strings clauses with commas (，；) and with 并, 同时, 以及 where
a new verb starts ("A与B举行会谈，并签署了协议；C出席了仪式"). The subject of the
first clause carries over to the clauses that name none ("并签署了协议" is signed
by A and B). So a cue word engages the organisations named in its clause and the
sentence's subject (the organisations of its first clause naming any), not those
named only in another clause.
"""

from __future__ import annotations

import re

# Clause ends: commas and semicolons, and 并/同时/以及 before a verb (a cue word or
# a verb of doing, within a few characters).
_BREAK = re.compile(
    r"[，,；;]|(?=(?:并且?|同时|以及)(?:[\u4e00-\u9fff]{0,3})"
    r"(?:签|举|召|出席|参加|发布|提供|开展|启动|设立|成立|主办|承办|支持|捐|资助))"
)


def clauses(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of the sentence, offsets in the sentence."""
    out, start = [], 0
    for match in _BREAK.finditer(sentence):
        if match.start() > start:
            out.append((start, match.start()))
        start = match.end() if match.group() else match.start()
    if start < len(sentence):
        out.append((start, len(sentence)))
    return out


def engaged(
    sentence: str, cue: str, named: list[tuple[str, int]], others: tuple[str, ...] = ()
) -> set[str] | None:
    """The identities engaged by `cue` in the sentence: `named` are (identity,
    offset in the sentence) of the organisations named. None when the cue is not
    found in one clause (then every organisation of the sentence is engaged)."""
    spans = clauses(sentence)
    if not cue or len(spans) < 2:
        return None
    where = [
        i for i, (s, e) in enumerate(spans) if cue.lower() in sentence[s:e].lower()
    ]
    if not where:
        return None
    inside = [{identity for identity, at in named if s <= at < e} for s, e in spans]
    # The subject carries over (…与…举行会谈，并签署了协议); a clause telling no
    # other cue word tells of the same cooperation.
    out = set(next((ids for ids in inside if ids), set()))
    for i, (s, e) in enumerate(spans):
        if i in where or not any(c in sentence[s:e].lower() for c in others):
            out |= inside[i]
    return out
