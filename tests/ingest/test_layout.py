"""The splitter recovers the numbered paragraphs of a report in UN layout."""

from __future__ import annotations

import yaml

from partnerships.ingest.corpus import layout_matches, read_corpus
from partnerships.sources.paragraphs import split_report
from tests.ingest.conftest import CORPUS, ENGLISH_TEXT, SEED_DIR, SEED_TEXT


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


def test_it_says_when_no_paragraph_of_text_is_found():
    layout = split_report("Home\nNews\nShare", "en")
    assert layout.paragraphs == []
    assert "No paragraph of text" in layout.problems[0]


def test_paragraph_one_before_chapter_one_and_numerals_without_space():
    text = "\n".join(
        [
            "HSP/GC/20/13",
            "Report of the Executive Director",
            "I.Introduction",
            "1.Taking into consideration the role of the Programme,",
            "   efforts were made.",
            "I.Cooperation within the system",
            "A.United Nations Development Programme (UNDP)",
            "2.The Programme remains a partner, with 1.5 million spent.",
        ]
    )
    layout = split_report(text, "en")
    assert [(p.number, p.chapter, p.section) for p in layout.paragraphs] == [
        (1, "I", ""),
        (2, "I", "A"),
    ]
    assert layout.paragraphs[0].text == (
        "Taking into consideration the role of the Programme, efforts were made."
    )
    before_chapter = split_report("TEST/1/2\n1. First.\nII. Later\n2. Second.", "en")
    assert [(p.number, p.chapter) for p in before_chapter.paragraphs] == [
        (1, ""),
        (2, "II"),
    ]


def test_a_heading_in_capitals_is_no_part_of_the_paragraph_before_it():
    text = "INTRODUCTION\n1. One sentence.\nCOOPERATION WITH PARTNERS\n2. Two."
    layout = split_report(text, "en")
    assert [p.text for p in layout.paragraphs] == ["One sentence.", "Two."]
    assert layout.paragraphs[1].chapter_title == "Cooperation With Partners"


def test_unnumbered_blocks_are_numbered_by_the_reader_and_say_so():
    text = "\n".join(
        [
            "UN-Habitat signs an agreement with a city",
            "",
            "Nairobi, 1 May 2020",
            "The agency and the city signed an agreement on public space today.",
            "Both parties will work together on three squares over two years.",
            "Share",
        ]
    )
    layout = split_report(text, "en")
    assert layout.numbered_by_reader
    assert [(p.number, p.text[:12]) for p in layout.paragraphs] == [
        (1, "The agency a"),
        (2, "Both parties"),
    ]
    assert layout.header == [
        "UN-Habitat signs an agreement with a city",
        "Nairobi, 1 May 2020",
    ]


def test_lines_wrapped_by_a_page_are_rejoined_and_hyphenation_mended():
    text = "\n".join(
        [
            "The agency signed a memorandum of understanding with the develop-",
            "ment bank of the whole region and with a partner that UN-",
            "Habitat had chosen, the plans to be implemented in the three",
            "cities.",
            "Short title",
            "人居署与该市政府签署了一项关于公共空间的合作协议，双方将在",
            "三年内共同改造十个广场，并由该市的规划部门和居民代表组成",
            "联合工作组负责日常管理。",
        ]
    )
    layout = split_report(text, "en")
    assert [p.text for p in layout.paragraphs] == [
        "The agency signed a memorandum of understanding with the development bank "
        "of the whole region and with a partner that UN-Habitat had chosen, the plans to "
        "be implemented in the three cities.",
        "人居署与该市政府签署了一项关于公共空间的合作协议，双方将在三年内共同改造十个广场，"
        "并由该市的规划部门和居民代表组成联合工作组负责日常管理。",
    ]


def test_a_page_flattened_into_one_line_is_one_paragraph():
    line = "The Government gave EUR 7 million to the Programme. " * 8
    layout = split_report(line.strip(), "en")
    assert [p.number for p in layout.paragraphs] == [1]


def test_every_document_of_the_corpus_is_split_as_its_gold_says():
    # A held-out batch too, when one is kept: only the reader reads it, never the
    # extractor (data/ingest/heldout/README.md).
    held = CORPUS.parent / "heldout"
    documents = read_corpus(CORPUS) + (read_corpus(held) if held.is_dir() else [])
    wrong = [
        d.name for d in documents if not layout_matches(split_report(d.text, d.lang), d)
    ]
    assert wrong == []
    assert sum(len(d.paragraphs) for d in documents) >= 150


def test_paragraph_numbers_have_no_ceiling():
    # A long text once merged every paragraph from 1000 on into paragraph 999.
    body = "\n".join(
        f"{n}. Paragraph number {n} of a long text." for n in range(1, 1206)
    )
    layout = split_report(f"TEST/LONG/1\n\nI. Introduction\n\n{body}\n", "en")
    assert [p.number for p in layout.paragraphs] == list(range(1, 1206))
    assert layout.paragraphs[-1].text == "Paragraph number 1205 of a long text."
