"""The splitter recovers the numbered paragraphs of a report in UN layout."""

from __future__ import annotations

import yaml

from partnerships.ingest.layout import split_report
from tests.ingest.conftest import ENGLISH_TEXT, SEED_DIR, SEED_TEXT


def test_it_recovers_the_88_paragraphs_of_the_seed_with_chapter_and_section():
    layout = split_report(SEED_TEXT.read_text(encoding="utf-8"), "zh")
    curated = yaml.safe_load((SEED_DIR / "passages.yaml").read_text(encoding="utf-8"))
    got = [
        (
            p.number,
            p.chapter,
            p.chapter_title,
            p.section or None,
            p.section_title or None,
            p.text,
        )
        for p in layout.paragraphs
    ]
    expected = [
        (
            p["paragraph"],
            p["chapter"],
            p["chapter_title"],
            p["section"],
            p["section_title"],
            p["text"],
        )
        for p in curated
    ]
    assert got == expected
    assert layout.symbol == "HSP/HA/1/2/Add.2"
    assert layout.footnotes == ["HSP/HA/1/1。"]


def test_it_rejoins_a_paragraph_broken_by_a_page_with_header_and_footnote():
    text = "\n".join(
        [
            "TEST/1/2",
            "I. Introduction",
            "1. The Agency worked with",
            "* TEST/1/1.",
            "TEST/1/2",
            "3/15",
            "V.25-01234",
            "many partners.",
            "A. Partners",
            "2. Another paragraph[^1].",
            "2018. Not a paragraph number.",
        ]
    )
    layout = split_report(text, "en")
    assert [(p.number, p.chapter, p.section) for p in layout.paragraphs] == [
        (1, "I", ""),
        (2, "I", "A"),
    ]
    assert layout.paragraphs[0].text == "The Agency worked with many partners."
    assert layout.paragraphs[1].text == (
        "Another paragraph.\n2018. Not a paragraph number."
    )
    assert layout.footnotes == ["TEST/1/1."]


def test_it_reads_the_english_test_document():
    layout = split_report(ENGLISH_TEXT.read_text(encoding="utf-8"), "en")
    assert [p.number for p in layout.paragraphs] == list(range(1, 29))
    assert layout.paragraphs[4].section == "B"
    assert (
        layout.paragraphs[2].chapter_title
        == "Cooperation within the United Nations system"
    )


def test_it_says_when_no_numbered_paragraph_is_found():
    layout = split_report("Just a letter.\nWith two lines.", "en")
    assert layout.paragraphs == []
    assert "No numbered paragraph" in layout.problems[0]
