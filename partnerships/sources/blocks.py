"""Documents whose blocks are whole paragraphs: a Word document's paragraphs, a
plain text's blocks between blank lines (drafts put out for comment)."""

from __future__ import annotations

import re

from partnerships.sources.paragraphs import Layout, Paragraph, Splitter


def split_blocks_numbered(blocks: list[str]) -> Layout:
    """The paragraphs of a document whose blocks are whole paragraphs (a Word
    document's paragraphs, a text's blocks between blank lines), such as a draft put
    out for comment: numbered paragraphs keep their numbers, whatever the first, and
    the heading printed before them; a block that is neither heading nor numbered
    continues the paragraph before it. When no block is numbered, every block is a
    paragraph, numbered 1, 2 ... by the reader."""
    blocks = [" ".join(block.split()) for block in blocks if block.strip()]
    splitter = Splitter("", extract=True)
    for number, block in enumerate(blocks, start=1):
        splitter.feed(number, block)
    layout = splitter.layout
    if not layout.paragraphs:
        layout = Layout(numbered_by_reader=True)
        for number, block in enumerate(blocks, start=1):
            layout.paragraphs.append(Paragraph(number, block, line=number))
    for paragraph in layout.paragraphs:
        paragraph.text = paragraph.text.replace("\n", " ")
    return layout


def text_blocks(text: str) -> list[str]:
    """A plain text's blocks: the runs of lines between blank lines."""
    return [block for block in re.split(r"\n\s*\n", text) if block.strip()]
