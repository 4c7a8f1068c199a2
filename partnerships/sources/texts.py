"""Plain text out of .txt, .docx and .pdf files."""

from __future__ import annotations

import io
from pathlib import Path
from zipfile import BadZipFile

from django.utils.translation import gettext as _

from partnerships.core import limits

MAX_BYTES = 20 * 1024 * 1024
SUFFIXES = (".txt", ".md", ".docx", ".pdf")


class UnreadableFile(ValueError):
    pass


def read_text(name: str, data: bytes) -> str:
    """The text of a file, by its suffix. Word paragraphs and PDF lines become
    lines; page breaks stay where they fell, for the layout splitter to mend."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise UnreadableFile(
            _(
                "%(name)s: only .txt, .md, .docx and .pdf files can be read, not %(suffix)s."
            )
            % {"name": name, "suffix": repr(suffix)}
        )
    if len(data) > MAX_BYTES:
        raise UnreadableFile(
            _("%(name)s: larger than %(mb)s MB.")
            % {"name": name, "mb": MAX_BYTES // 2**20}
        )
    try:
        if suffix in (".txt", ".md"):
            text = data.decode("utf-8-sig")
        elif suffix == ".docx":
            text = _docx(data)
        else:
            text = _pdf(data)
        limits.check_text(text)
        return text
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            _("%(name)s: not UTF-8 text (%(reason)s).")
            % {"name": name, "reason": exc.reason}
        ) from exc
    except (UnreadableFile, limits.TooCostly) as exc:
        raise UnreadableFile(
            _("%(name)s: %(problem)s") % {"name": name, "problem": exc}
        ) from exc


def _docx(data: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    limits.check_archive(data, _("Word document"))
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableFile(
            _("not a Word document (%(error)s).") % {"error": exc}
        ) from exc
    except Exception as exc:
        raise UnreadableFile(
            _("not a readable Word document (%(error)s).") % {"error": exc}
        ) from exc
    return "\n".join(p.text for p in document.paragraphs)


def _pdf(data: bytes) -> str:
    import pypdf
    from pypdf.errors import PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        limits.check_pages(len(reader.pages))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError) as exc:
        raise UnreadableFile(
            _("not a readable PDF (%(error)s).") % {"error": exc}
        ) from exc
    return "\n".join(pages)
