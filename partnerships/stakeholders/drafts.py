"""Reading a draft into numbered paragraphs (DOCX or plain text).

A draft whose paragraphs carry their own numbers ("12. The Programme will ...")
keeps them, and the heading printed before a numbered paragraph is its heading;
a draft without numbers is numbered in order, one number per paragraph. The
splitting is the shared one of `partnerships.sources.paragraphs` (the reading of
reports uses it too); this module only turns its answers into the draft's terms.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from partnerships.sources.blocks import split_blocks_numbered, text_blocks
from partnerships.sources.texts import UnreadableFile, read_text


@dataclass(frozen=True)
class DraftParagraph:
    number: int
    text: str
    heading: str = ""


def draft_blocks(name: str, data: bytes) -> list[str]:
    """The non-empty paragraphs of a .docx or a UTF-8 .txt/.md file."""
    suffix = Path(name).suffix.lower()
    if suffix not in (".docx", ".txt", ".md"):
        raise ValidationError(_("Send the draft as a .docx or .txt file."))
    try:
        text = read_text(name, data)
    except UnreadableFile as error:
        if suffix == ".docx":
            raise ValidationError(_("This is not a Word document.")) from error
        raise ValidationError(_("Send the text in UTF-8.")) from error
    blocks = text.splitlines() if suffix == ".docx" else text_blocks(text)
    return [" ".join(b.split()) for b in blocks if b.strip()]


def split_numbered(blocks: list[str]) -> list[DraftParagraph]:
    layout = split_blocks_numbered(blocks)
    if layout.repeated:
        raise ValidationError(_("Two paragraphs of the draft have the same number."))
    return [
        DraftParagraph(p.number, p.text, p.heading[:300]) for p in layout.paragraphs
    ]
