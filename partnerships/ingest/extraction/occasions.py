"""A meeting as the occasion of another act (docs/ingest.md, "Engagements on unseen
text (session 9, second round)")."""

from __future__ import annotations

from typing import Any

# The acts a meeting is the occasion of: "signed at a ceremony" (出席签署仪式), "a
# resolution adopted at the session" (会议通过决议) tell one act, the agreement or the
# decision; the meeting is where it was done (docs/ingest.md, "Engagements on unseen
# text").
_OCCASIONED = ("agreement", "governance")


def without_occasion(found: list[Any]) -> list[Any]:
    """Both languages: the engagements of one act (each with `kind` and
    `participants`); a meeting told beside one agreement or decision of the same
    parties, and nothing else, is that act's occasion, no engagement of its own."""
    kinds = {e.kind for e in found}
    if len(kinds) != 2 or "event" not in kinds or not kinds & set(_OCCASIONED):
        return found
    acted = {p.identity for e in found if e.kind != "event" for p, _ in e.participants}
    return [
        e
        for e in found
        if e.kind != "event" or {p.identity for p, _ in e.participants} - acted
    ]
