"""Plain text out of .txt, .docx and .pdf files."""

from __future__ import annotations

import io
from pathlib import Path
from zipfile import BadZipFile

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
            f"{name}: only .txt, .md, .docx and .pdf files can be read, not {suffix!r}."
        )
    if len(data) > MAX_BYTES:
        raise UnreadableFile(f"{name}: larger than {MAX_BYTES // 2**20} MB.")
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
        raise UnreadableFile(f"{name}: not UTF-8 text ({exc.reason}).") from exc
    except (UnreadableFile, limits.TooCostly) as exc:
        raise UnreadableFile(f"{name}: {exc}") from exc


def _docx(data: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    limits.check_archive(data, "Word document")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableFile(f"not a Word document ({exc}).") from exc
    except Exception as exc:
        raise UnreadableFile(f"not a readable Word document ({exc}).") from exc
    return "\n".join(p.text for p in document.paragraphs)


def _pdf(data: bytes) -> str:
    import pypdf
    from pypdf.errors import PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        limits.check_pages(len(reader.pages))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError) as exc:
        raise UnreadableFile(f"not a readable PDF ({exc}).") from exc
    return "\n".join(pages)
