"""A mention of an organisation found in a paragraph, and whether mentions overlap."""

from __future__ import annotations

from dataclasses import dataclass, field

from partnerships.ingest.gazetteer import NameEntry


@dataclass
class Mention:
    start: int
    end: int
    text: str
    method: str  # gazetteer | pattern | bracket | acronym
    entries: tuple[NameEntry, ...] = ()
    alias_of: Mention | None = None  # the mention this one abbreviates
    aliases: list[str] = field(default_factory=list)
    parent: str = ""  # the key of the organisation an office belongs to

    @property
    def keys(self) -> set[str]:
        return {e.key for e in self.entries if e.source not in ("country", "city")}


def _overlaps(mention: Mention, taken: list[Mention]) -> bool:
    return any(mention.start < m.end and m.start < mention.end for m in taken)
