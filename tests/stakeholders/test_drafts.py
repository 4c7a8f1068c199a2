"""Drafts split into numbered paragraphs."""

from __future__ import annotations

import io

import docx
import pytest
from django.core.exceptions import ValidationError

from partnerships.stakeholders.drafts import (
    DraftParagraph,
    draft_blocks,
    split_numbered,
)


def test_a_word_draft_keeps_its_numbers_and_headings():
    document = docx.Document()
    document.add_heading("Vision", level=1)
    document.add_paragraph("12. Better quality of life for all.")
    document.add_paragraph("13. In an urbanizing world.")
    buffer = io.BytesIO()
    document.save(buffer)
    paragraphs = split_numbered(draft_blocks("plan.docx", buffer.getvalue()))
    assert paragraphs == [
        DraftParagraph(12, "Better quality of life for all.", "Vision"),
        DraftParagraph(13, "In an urbanizing world."),
    ]


def test_an_unnumbered_text_is_numbered_in_order():
    blocks = draft_blocks("plan.txt", b"First idea\nwraps.\n\nSecond idea.")
    assert split_numbered(blocks) == [
        DraftParagraph(1, "First idea wraps."),
        DraftParagraph(2, "Second idea."),
    ]


def test_a_repeated_number_is_refused():
    with pytest.raises(ValidationError, match="same number"):
        split_numbered(["1. One.", "1. Again."])


def test_other_files_are_refused():
    with pytest.raises(ValidationError, match=".docx or .txt"):
        draft_blocks("plan.pdf", b"%PDF-")
