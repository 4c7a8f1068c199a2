"""The shared paragraph splitter (sources/paragraphs.py): what reports and drafts
have in common, checked on small texts whose paragraphs are plain to see."""

from __future__ import annotations

from partnerships.sources.blocks import split_blocks_numbered, text_blocks
from partnerships.sources.paragraphs import split_report


def test_a_heading_between_two_paragraphs_belongs_to_neither():
    text = (
        "1. The Programme met its partners.\n"
        "Partnerships with local authorities\n"
        "2. Cities signed two agreements.\n"
    )
    layout = split_report(text, "en")
    assert [p.text for p in layout.paragraphs] == [
        "The Programme met its partners.",
        "Cities signed two agreements.",
    ]
    assert layout.paragraphs[1].heading == "Partnerships with local authorities"


def test_a_report_starts_at_paragraph_one_and_an_extract_anywhere():
    assert split_report("2018. A year.\n1. First.\n", "en").paragraphs[0].number == 1
    layout = split_blocks_numbered(["Vision", "12. Better lives.", "13. For all."])
    assert [(p.number, p.heading) for p in layout.paragraphs] == [
        (12, "Vision"),
        (13, ""),
    ]


def test_a_block_that_is_no_heading_continues_its_paragraph():
    blocks = ["4. The plan has two aims:", "(a) housing for all, and", "(b) water."]
    layout = split_blocks_numbered(blocks)
    assert [p.text for p in layout.paragraphs] == [
        "The plan has two aims: (a) housing for all, and (b) water."
    ]


def test_a_number_printed_again_is_reported():
    assert split_blocks_numbered(["1. One.", "1. Again."]).repeated == [1]
    assert split_blocks_numbered(["1. One.", "2. Two."]).repeated == []


def test_blocks_without_numbers_are_numbered_in_order():
    layout = split_blocks_numbered(text_blocks("A first\nidea.\n\n\nA second."))
    assert layout.numbered_by_reader
    assert [(p.number, p.text) for p in layout.paragraphs] == [
        (1, "A first idea."),
        (2, "A second."),
    ]


def test_a_wrapped_line_closing_a_bracket_runs_on_and_a_dateline_stands_alone():
    wide = "x" * 70
    text = (
        f"On 21 February, the {wide} Development Programme (UNDP)\n"
        f"officially launched the project in the {wide} governorate.\n"
        f"Ministers meet at the Assembly: cities must be {wide} safer for all\n"
        "观点 2023-06-12 09:13:07 来源:中国房地产网\n"
        f"The Assembly met in Nairobi and adopted ten {wide} resolutions.\n"
    )
    layout = split_report(text, "en")
    assert [p.text.split()[0] for p in layout.paragraphs] == ["On", "The"]
    assert "officially launched" in layout.paragraphs[0].text


def test_a_pages_numbered_headings_are_no_numbered_paragraphs():
    text = (
        "机构概况\n"
        "该署成立于1961年,是最大的人道主义组织。\n"
        "1.负责人\n"
        "执行干事于2023年4月就任,任期五年。\n"
        "2.总部机构\n"
        "总部位于罗马,由执行局和秘书处构成。\n"
    )
    layout = split_report(text, "zh")
    assert layout.numbered_by_reader
    assert [p.text[:4] for p in layout.paragraphs] == [
        "该署成立",
        "执行干事",
        "总部位于",
    ]


def test_numbered_paragraphs_whose_first_lines_are_wrapped_stay_numbered():
    text = (
        "TEST/1/2\n\nI. Introduction\n\n"
        "1. The Governing Council, at its twentieth session,\n"
        "adopted the work programme.\n"
        "2. The Executive Director reported on the\n"
        "partnerships of the Programme.\n"
    )
    layout = split_report(text, "en")
    assert not layout.numbered_by_reader
    assert [p.number for p in layout.paragraphs] == [1, 2]


def test_a_title_ending_in_a_quoted_name_is_no_paragraph():
    text = (
        "中国卫生领域国际合作迎来“丰收年”\n\n"
        "今年,我国与世界卫生组织签署了合作谅解备忘录。\n\n"
        "他说:“合作取得了丰硕成果。”\n"
    )
    layout = split_report(text, "zh")
    assert [p.text[:4] for p in layout.paragraphs] == ["今年,我", "他说:“"]
