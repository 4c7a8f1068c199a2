"""Reading a draft into numbered paragraphs (DOCX or plain text).

A draft whose paragraphs carry their own numbers ("12. The Programme will ...")
keeps them, and an unnumbered line before a numbered paragraph is its heading;
a draft without numbers is numbered in order, one number per paragraph. (The
reading of reports has a fuller splitter; it belongs to a sibling feature, so
this small one serves drafts until it moves down to a shared layer.)
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

NUMBERED = re.compile(r"^\s*(\d{1,4})\.\s+(.+)$", re.S)


@dataclass(frozen=True)
class DraftParagraph:
    number: int
    text: str
    heading: str = ""


def draft_blocks(name: str, data: bytes) -> list[str]:
    """The non-empty paragraphs of a .docx or a UTF-8 .txt/.md file."""
    if name.lower().endswith(".docx"):
        import docx  # python-docx; imported here, the pages need it only for drafts

        try:
            document = docx.Document(io.BytesIO(data))
        except Exception as error:
            raise ValidationError(_("This is not a Word document.")) from error
        blocks = [p.text for p in document.paragraphs]
    elif name.lower().endswith((".txt", ".md")):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError(_("Send the text in UTF-8.")) from error
        blocks = re.split(r"\n\s*\n", text)
    else:
        raise ValidationError(_("Send the draft as a .docx or .txt file."))
    return [" ".join(b.split()) for b in blocks if b.strip()]


def split_numbered(blocks: list[str]) -> list[DraftParagraph]:
    if not any(NUMBERED.match(b) for b in blocks):
        return [DraftParagraph(n, text) for n, text in enumerate(blocks, start=1)]
    out: list[DraftParagraph] = []
    heading = ""
    for block in blocks:
        match = NUMBERED.match(block)
        if match is None:
            heading = block[:300]
            continue
        out.append(DraftParagraph(int(match[1]), match[2].strip(), heading))
        heading = ""
    numbers = [p.number for p in out]
    if len(set(numbers)) != len(numbers):
        raise ValidationError(_("Two paragraphs of the draft have the same number."))
    return out
