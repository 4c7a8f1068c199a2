"""双方 ("both sides") in a Chinese sentence naming no organisation: the parties of
the engagement told in the sentence right before it, in the same paragraph
(签署了协议。根据协议,双方将合作运营…: the two who signed cooperate). The kind
comes from this sentence's own cue words. As an organisation mention 双方 was tried
and not kept (docs/ingest.md, "Chinese"): the gold names no organisation there.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from partnerships.ingest.extraction import engagements as cues

_BOTH = re.compile(
    r"(?<![\u4e00-\u9fff]{2})双方|双方(?=将|同意|决定|共同|一致|表示|愿)"
)


def both_sides(
    text: str,
    sentence: tuple[int, int],
    engagements: list[Any],
    before: tuple[int, int],
) -> list[Any]:
    """Engagements of `sentence` between the parties of the one before it."""
    start, end = sentence
    if not _BOTH.search(text, start, end):
        return []
    last = [e for e in engagements if e.start == before[0]]
    if not last or len(last[-1].participants) < 2:
        return []
    names = [p.resolution.name for p, _ in last[-1].participants]
    return [
        dataclasses.replace(
            last[-1],
            kind=kind,
            cue=cue,
            start=start,
            end=end,
            participants=[(p, "partner") for p, _ in last[-1].participants],
            money=[m for m in last[-1].money if start <= m.start < end],
        )
        for kind, cue in cues.kinds_of(text[start:end], names)
    ]
