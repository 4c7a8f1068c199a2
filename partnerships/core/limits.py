"""What an uploaded file may cost before it is read, checked before the costly
step: an archive's (DOCX, XLSX) declared sizes before it is unpacked, a PDF's
page count before its pages are read, a text's paragraphs before they are split.

Each check raises `TooCostly` with a sentence for the person who sent the file.
The limits are generous for real documents (a report of a few hundred pages, a
workbook of some ten thousand rows) and far below what hurts the server.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO

MiB = 2**20
# Archives: what unpacking may produce in all, how much smaller than that the
# archive may be (office XML compresses about 5-20 times; a zip bomb thousands of
# times), and how many members it may hold.
ARCHIVE_MAX_UNPACKED = 200 * MiB
ARCHIVE_MAX_RATIO = 100
ARCHIVE_MAX_MEMBERS = 5000
# Documents.
PDF_MAX_PAGES = 2000
TEXT_MAX_CHARACTERS = 5_000_000
TEXT_MAX_PARAGRAPHS = 20_000
# Lists of problems shown at once.
PROBLEMS_SHOWN = 50


class TooCostly(ValueError):
    """The input would cost too much to read; the message says why."""


def check_archive(source: bytes | Path | str | IO[bytes], what: str) -> None:
    """Refuse a zip archive (`what`: "Word document", "workbook") that is malformed
    or would unpack to too much, reading only its directory."""
    handle = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        with zipfile.ZipFile(handle) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise TooCostly(f"This is not a valid {what} ({error}).") from error
    if len(members) > ARCHIVE_MAX_MEMBERS:
        raise TooCostly(
            f"The {what} holds {len(members)} parts; at most "
            f"{ARCHIVE_MAX_MEMBERS} are read."
        )
    unpacked = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members)
    if unpacked > ARCHIVE_MAX_UNPACKED:
        raise TooCostly(
            f"The {what} would unpack to {unpacked // MiB} MB; at most "
            f"{ARCHIVE_MAX_UNPACKED // MiB} MB are read."
        )
    if unpacked > MiB and unpacked > ARCHIVE_MAX_RATIO * max(packed, 1):
        raise TooCostly(
            f"The {what} is compressed {unpacked // max(packed, 1)} times over, "
            f"more than the {ARCHIVE_MAX_RATIO} times real documents are: it "
            "is refused unread."
        )


def check_pages(count: int) -> None:
    if count > PDF_MAX_PAGES:
        raise TooCostly(
            f"The PDF has {count} pages; at most {PDF_MAX_PAGES} are read. "
            "Split it, or send the part that matters."
        )


def check_text(text: str) -> None:
    """Refuse a text too long to split into paragraphs within a request."""
    if len(text) > TEXT_MAX_CHARACTERS:
        raise TooCostly(
            f"The text has {len(text):,} characters; at most "
            f"{TEXT_MAX_CHARACTERS:,} are read."
        )
    paragraphs = sum(1 for line in text.splitlines() if line.strip())
    if paragraphs > TEXT_MAX_PARAGRAPHS:
        raise TooCostly(
            f"The text has {paragraphs:,} paragraphs; at most "
            f"{TEXT_MAX_PARAGRAPHS:,} are read."
        )


def summarise(problems: Sequence[object], limit: int = PROBLEMS_SHOWN) -> list[str]:
    """The first `limit` problems as lines, then one line counting the rest."""
    lines = [str(problem) for problem in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"… and {len(problems) - limit:,} more problems.")
    return lines
