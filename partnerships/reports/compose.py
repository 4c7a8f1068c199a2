"""Place each engagement of a snapshot in the outline and group it into paragraphs.

This step knows no language: it decides which paragraph tells which engagements, in
which order, and numbers the paragraphs. `realise` then writes them in a language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from partnerships.reports.formatting import numeral_value
from partnerships.reports.provided import (
    place_records,
    record_engagements,
    records_fingerprint,
)
from partnerships.reports.snapshot import digest

ROLE_PRIORITY = [
    "lead",
    "chair",
    "co-chair",
    "signatory",
    "funder",
    "organiser",
    "host",
    "author",
    "partner",
    "implementer",
    "member",
    "participant",
    "beneficiary",
]


@dataclass
class Placement:
    section: str
    via: str  # "source", "rule N" or "fallback"
    partner: str | None  # the participant that decided it, when one did


@dataclass
class Paragraph:
    anchor: str
    type: str  # data, opening, closing, intro, text, figures
    engagements: list[str] = field(default_factory=list)
    group: str = ""  # org:KEY, theme:CODE or ""
    fingerprint: str = ""
    number: int = 0
    # A figures paragraph: other apps' records (reports.provided).
    figures: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Part:
    """A chapter (letter "") or a lettered section, with its paragraphs."""

    code: str
    chapter: int
    letter: str
    title: dict[str, str]
    paragraphs: list[Paragraph] = field(default_factory=list)
    sections: list[Part] = field(default_factory=list)


@dataclass
class Composition:
    chapters: list[Part]
    placements: dict[str, Placement]

    def paragraphs(self) -> list[Paragraph]:
        return in_reading_order(self.chapters)


def in_reading_order(chapters: list[Any]) -> list[Any]:
    """The paragraphs of chapters and their sections, in the order they are read."""
    out = []
    for chapter in chapters:
        out.extend(chapter.paragraphs)
        for section in chapter.sections:
            out.extend(section.paragraphs)
    return out


def _role_rank(role: str) -> int:
    return ROLE_PRIORITY.index(role) if role in ROLE_PRIORITY else len(ROLE_PRIORITY)


def _partners(row: dict[str, Any], reporter: str) -> list[dict[str, Any]]:
    others = [p for p in row["participants"] if p["org"] != reporter]
    return sorted(others, key=lambda p: (_role_rank(p["role"]), p["org"]))


def _rule_matches(
    rule: dict[str, Any], row: dict[str, Any], partner: dict[str, Any], orgs: dict
) -> bool:
    if rule["organisations"] and partner["org"] not in rule["organisations"]:
        return False
    if (
        rule["categories"]
        and orgs[partner["org"]]["category"] not in rule["categories"]
    ):
        return False
    if rule["themes"] and not set(rule["themes"]) & set(row["themes"]):
        return False
    return not rule["kinds"] or row["kind"] in rule["kinds"]


def _place_by_source(
    row: dict[str, Any], prefix: str, by_position: dict[tuple[int, str], str]
) -> Placement | None:
    """The section where a source document whose symbol starts with `prefix` tells
    the engagement, by the chapter and section of its passage."""
    for ev in row["evidence"]:
        if not ev["document"].startswith(prefix):
            continue
        chapter = numeral_value(ev["chapter"] or "")
        code = by_position.get((chapter, ev["section"] or ""))
        if code:
            return Placement(code, "source", None)
    return None


def place(
    row: dict[str, Any],
    outline: dict[str, Any],
    orgs: dict[str, Any],
    reporter: str,
    *,
    use_source: bool = True,
) -> Placement:
    by_position = {(s["chapter"], s["letter"]): s["code"] for s in outline["sections"]}
    partners = _partners(row, reporter)
    for number, rule in enumerate(outline["rules"], start=1):
        prefix = rule["source_symbol_prefix"]
        if prefix:
            placement = (
                _place_by_source(row, prefix, by_position) if use_source else None
            )
            if placement:
                return placement
            continue
        for partner in partners:
            if _rule_matches(rule, row, partner, orgs):
                return Placement(rule["section"], f"rule {number}", partner["org"])
        if not rule["categories"] and not rule["organisations"] and not partners:
            if _rule_matches_row(rule, row):
                return Placement(rule["section"], f"rule {number}", None)
    return Placement(outline["fallback"], "fallback", None)


def _rule_matches_row(rule: dict[str, Any], row: dict[str, Any]) -> bool:
    if rule["themes"] and not set(rule["themes"]) & set(row["themes"]):
        return False
    if rule["kinds"] and row["kind"] not in rule["kinds"]:
        return False
    return bool(rule["themes"] or rule["kinds"])


def _group(
    row: dict[str, Any],
    placement: Placement,
    section: dict[str, Any],
    outline: dict[str, Any],
    orgs: dict[str, Any],
    reporter: str,
) -> str:
    section_rules = [r for r in outline["rules"] if r["section"] == section["code"]]
    if section["grouping"] == "theme":
        wanted = [t for r in section_rules for t in r["themes"]]
        for theme in wanted:
            if theme in row["themes"]:
                return f"theme:{theme}"
        return f"theme:{row['themes'][0]}" if row["themes"] else ""
    if placement.partner:
        return f"org:{placement.partner}"
    partners = _partners(row, reporter)
    for rule in section_rules:
        for partner in partners:
            if _rule_matches(rule, row, partner, orgs):
                return f"org:{partner['org']}"
    if partners:
        return f"org:{partners[0]['org']}"
    return f"theme:{row['themes'][0]}" if row["themes"] else ""


def _first_source(row: dict[str, Any]) -> tuple:
    if row["evidence"]:
        ev = row["evidence"][0]
        return (0, ev["document"], ev["paragraph"])
    return (1, "", 0)


def _place_all(
    snapshot: dict[str, Any], rows: dict[str, dict[str, Any]]
) -> tuple[dict[str, Placement], dict[str, dict[str, list[str]]]]:
    """Where each engagement goes, and the keys of the engagements of each section
    by paragraph group."""
    outline = snapshot["outline"]
    orgs = snapshot["organisations"]
    reporter = snapshot["report"]["reporter"]
    sections = {s["code"]: s for s in outline["sections"]}
    placements: dict[str, Placement] = {}
    groups: dict[str, dict[str, list[str]]] = {code: {} for code in sections}
    for key, row in rows.items():
        placement = place(row, outline, orgs, reporter)
        placements[key] = placement
        group = _group(
            row, placement, sections[placement.section], outline, orgs, reporter
        )
        groups[placement.section].setdefault(group, []).append(key)
    return placements, groups


def _text_anchors(snapshot: dict[str, Any]) -> dict[str, list[str]]:
    """The anchors of the paragraphs staff wrote themselves, by section."""
    sections = {s["code"] for s in snapshot["outline"]["sections"]}
    text_anchors: dict[str, list[str]] = {}
    for text in snapshot["texts"]:
        code, _, name = text["anchor"].partition("/")
        if name.startswith("text-") and code in sections:
            text_anchors.setdefault(code, [])
            if text["anchor"] not in text_anchors[code]:
                text_anchors[code].append(text["anchor"])
    return text_anchors


def _data_paragraphs(
    code: str, groups: dict[str, list[str]], rows: dict[str, dict[str, Any]]
) -> list[Paragraph]:
    """One paragraph per group, groups and engagements in the order of their first
    source."""
    paragraphs = []
    ordered = sorted(
        groups.items(),
        key=lambda item: (min(_first_source(rows[k]) for k in item[1]), item[0]),
    )
    for group, keys in ordered:
        keys.sort(key=lambda k: (_first_source(rows[k]), rows[k]["start"] or "", k))
        paragraphs.append(
            Paragraph(
                anchor=f"{code}/{group or 'other'}",
                type="data",
                engagements=keys,
                group=group,
                fingerprint=digest([rows[k] for k in keys]),
            )
        )
    return paragraphs


def _number(chapters: list[Part]) -> None:
    number = 0
    for paragraph in in_reading_order(chapters):
        number += 1
        paragraph.number = number


def compose(snapshot: dict[str, Any]) -> Composition:
    outline = snapshot["outline"]
    rows = {row["key"]: row for row in snapshot["engagements"]}
    placements, groups = _place_all(snapshot, rows)
    records = place_records(snapshot, {k: p.section for k, p in placements.items()})
    text_anchors = _text_anchors(snapshot)
    chapters: list[Part] = []
    for s in outline["sections"]:
        paragraphs: list[Paragraph] = []
        if s["generated_opening"]:
            kind = (
                "closing"
                if chapters and s["code"] == outline["sections"][-1]["code"]
                else "opening"
            )
            paragraphs.append(Paragraph(anchor=f"{s['code']}/{kind}", type=kind))
        for anchor in sorted(text_anchors.get(s["code"], []), key=_text_order):
            paragraphs.append(Paragraph(anchor=anchor, type="text"))
        if records.get(s["code"]):
            paragraphs.append(_figures_paragraph(s["code"], records[s["code"]], rows))
        paragraphs.extend(_data_paragraphs(s["code"], groups[s["code"]], rows))
        part = Part(s["code"], s["chapter"], s["letter"], s["title"], paragraphs)
        if not s["letter"]:
            chapters.append(part)
        elif chapters and chapters[-1].chapter == s["chapter"]:
            if paragraphs:
                chapters[-1].sections.append(part)
    chapters = [c for c in chapters if c.paragraphs or c.sections]
    for chapter in chapters:
        _add_intro(chapter, rows)
    _number(chapters)
    return Composition(chapters, placements)


def _add_intro(chapter: Part, rows: dict[str, dict[str, Any]]) -> None:
    """A chapter that tells engagements and has no opening or closing of its own
    starts with an introduction composed from its figures (reports/intro.py)."""
    if any(p.type in ("opening", "closing") for p in chapter.paragraphs):
        return
    keys = [
        key
        for paragraph in in_reading_order([chapter])
        if paragraph.type == "data"
        for key in paragraph.engagements
    ]
    if keys:
        chapter.paragraphs.insert(
            0,
            Paragraph(
                anchor=f"{chapter.code}/intro",
                type="intro",
                engagements=keys,
                fingerprint=digest([rows[k] for k in keys]),
            ),
        )


def _figures_paragraph(
    code: str, records: list[dict[str, Any]], rows: dict[str, dict[str, Any]]
) -> Paragraph:
    return Paragraph(
        anchor=f"{code}/figures",
        type="figures",
        engagements=record_engagements(records, rows),
        fingerprint=records_fingerprint(records, rows),
        figures=records,
    )


def _text_order(anchor: str) -> tuple:
    name = anchor.partition("/")[2].removeprefix("text-")
    return (int(name), "") if name.isdigit() else (10**6, name)
