"""The realised report in one language: its headings, paragraphs and document."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from partnerships.reports.compose import in_reading_order
from partnerships.reports.formatting import Formatter, count_words
from partnerships.reports.runs import Run


@dataclass
class Para:
    number: int
    anchor: str
    runs: list[Run]
    kind: str
    engagements: list[tuple[str, list[Run]]] = field(default_factory=list)
    passages: list[dict[str, Any]] = field(default_factory=list)
    staff: bool = False
    stale: bool = False
    # The number as the language writes it before a paragraph: "8.", Arabic "8 -"
    # (a full stop after a number in right-to-left text reads ".8").
    label: str = ""


@dataclass
class Heading:
    label: str
    title: list[Run]
    code: str
    paragraphs: list[Para] = field(default_factory=list)
    sections: list[Heading] = field(default_factory=list)


@dataclass
class Document:
    lang: str
    dir: str
    labels: dict[str, str]
    masthead: dict[str, Any]
    chapters: list[Heading]
    fallbacks: int
    snapshot: dict[str, Any]
    formatter: Formatter
    # Draft only: the undated engagements the period leaves out, as (key, title).
    left_out: list[tuple[str, list[Run]]] = field(default_factory=list)
    draft: bool = False
    # The annexes present, in order, with their numbers: {"statistics": "Annex I"}.
    annexes: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """No engagement belongs to the period: the text says so plainly."""
        return not self.snapshot["engagements"]

    def paragraphs(self) -> list[Para]:
        return in_reading_order(self.chapters)

    @property
    def word_count(self) -> int:
        """Words of the body, the numbered paragraphs (formatting.count_words)."""
        text = " ".join(r.text for p in self.paragraphs() for r in p.runs)
        return count_words(text, self.lang)

    @property
    def word_count_text(self) -> str:
        template = self.labels.get("word_count", "")  # older runs lack it
        return template.format(n=self.formatter.number(self.word_count))
