"""A mention of an organisation found in a paragraph, whether mentions overlap, and
the last mention of a kind before a place (what back-references in every language
refer to)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

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


class Named(Protocol):
    """What a back-reference needs of a mention (a `Mention`, or a test's own)."""

    start: int
    end: int
    text: str
    method: str


M = TypeVar("M", bound=Named)


def last_named(
    earlier: Sequence[M], named: Sequence[M], before: int, wanted: Callable[[M], bool]
) -> M | None:
    """The last mention that is `wanted`: of this paragraph before `before`, else
    of the earlier ones."""
    here = [m for m in named if m.end <= before and wanted(m)]
    if here:
        return here[-1]
    there = [m for m in earlier if wanted(m)]
    return there[-1] if there else None
