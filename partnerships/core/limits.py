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

from django.utils.formats import number_format
from django.utils.translation import gettext as _

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


def _n(value: int) -> str:
    return number_format(value, force_grouping=True)


def check_archive(source: bytes | Path | str | IO[bytes], what: str) -> None:
    """Refuse a zip archive (`what`: what it should be, in the reader's language:
    "Word document", "workbook") that is malformed or would unpack to too much,
    reading only its directory."""
    handle = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        with zipfile.ZipFile(handle) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise TooCostly(
            _("%(what)s: not a valid one (%(error)s).") % {"what": what, "error": error}
        ) from error
    if len(members) > ARCHIVE_MAX_MEMBERS:
        raise TooCostly(
            _("%(what)s: %(count)s parts; at most %(most)s are read.")
            % {"what": what, "count": _n(len(members)), "most": _n(ARCHIVE_MAX_MEMBERS)}
        )
    unpacked = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members)
    if unpacked > ARCHIVE_MAX_UNPACKED:
        raise TooCostly(
            _("%(what)s: it would unpack to %(size)s MB; at most %(most)s MB are read.")
            % {
                "what": what,
                "size": _n(unpacked // MiB),
                "most": _n(ARCHIVE_MAX_UNPACKED // MiB),
            }
        )
    if unpacked > MiB and unpacked > ARCHIVE_MAX_RATIO * max(packed, 1):
        raise TooCostly(
            _(
                "%(what)s: compressed %(ratio)s times over, more than the %(most)s "
                "times real documents are: it is refused unread."
            )
            % {
                "what": what,
                "ratio": _n(unpacked // max(packed, 1)),
                "most": ARCHIVE_MAX_RATIO,
            }
        )


def check_pages(count: int) -> None:
    if count > PDF_MAX_PAGES:
        raise TooCostly(
            _(
                "The PDF has %(count)s pages; at most %(most)s are read. Split it, "
                "or send the part that matters."
            )
            % {"count": _n(count), "most": _n(PDF_MAX_PAGES)}
        )


def check_text(text: str) -> None:
    """Refuse a text too long to split into paragraphs within a request."""
    if len(text) > TEXT_MAX_CHARACTERS:
        raise TooCostly(
            _("The text has %(count)s characters; at most %(most)s are read.")
            % {"count": _n(len(text)), "most": _n(TEXT_MAX_CHARACTERS)}
        )
    paragraphs = sum(1 for line in text.splitlines() if line.strip())
    if paragraphs > TEXT_MAX_PARAGRAPHS:
        raise TooCostly(
            _("The text has %(count)s paragraphs; at most %(most)s are read.")
            % {"count": _n(paragraphs), "most": _n(TEXT_MAX_PARAGRAPHS)}
        )


def summarise(problems: Sequence[object], limit: int = PROBLEMS_SHOWN) -> list[str]:
    """The first `limit` problems as lines, then one line counting the rest."""
    lines = [str(problem) for problem in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"… and {len(problems) - limit:,} more problems.")
    return lines
