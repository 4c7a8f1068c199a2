"""Bad input is refused before it costs, with a sentence (issue 16, item 4)."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from pypdf import PdfWriter

from partnerships.core import limits
from partnerships.interop.sheets.importer import ImportRefused, import_workbook
from partnerships.interop.sheets.plan import Problem
from partnerships.sources.texts import UnreadableFile, read_text


def _bomb(name: str, megabytes: int, *, members: int = 1) -> bytes:
    """A zip whose first member unpacks to `megabytes` of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open(name, "w") as member:
            chunk = b"\0" * 2**20
            for _ in range(megabytes):
                member.write(chunk)
        for number in range(members - 1):
            archive.writestr(f"part{number}.xml", "<a/>")
    return out.getvalue()


def test_a_docx_zip_bomb_is_refused_before_it_is_unpacked(monkeypatch):
    import docx

    monkeypatch.setattr(docx, "Document", lambda *a: pytest.fail("unpacked"))
    data = _bomb("word/document.xml", 300)
    began = time.monotonic()
    with pytest.raises(UnreadableFile, match="unpack to 300 MB"):
        read_text("bomb.docx", data)
    assert time.monotonic() - began < 1


def test_a_small_bomb_is_refused_by_its_ratio():
    with pytest.raises(UnreadableFile, match="compressed .* times over"):
        read_text("bomb.docx", _bomb("word/document.xml", 20))


def test_an_archive_of_many_parts_is_refused():
    data = _bomb("word/document.xml", 0, members=limits.ARCHIVE_MAX_MEMBERS + 2)
    with pytest.raises(UnreadableFile, match="parts"):
        read_text("many.docx", data)


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04 not really a zip",
        _bomb("[Content_Types].xml", 0),
    ],
)
def test_a_malformed_docx_is_a_sentence_not_a_crash(data):
    with pytest.raises(UnreadableFile, match="malformed.docx"):
        read_text("malformed.docx", data)


def test_a_docx_with_broken_xml_is_a_sentence_not_a_crash():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/>',
        )
    with pytest.raises(UnreadableFile, match="broken.docx"):
        read_text("broken.docx", out.getvalue())


def _pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=72, height=72)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_past_the_page_limit_is_refused(monkeypatch):
    monkeypatch.setattr(limits, "PDF_MAX_PAGES", 3)
    assert read_text("short.pdf", _pdf(3)).strip() == ""
    with pytest.raises(UnreadableFile, match="4 pages; at most 3"):
        read_text("long.pdf", _pdf(4))


def test_a_pdf_past_pypdf_s_own_limits_is_a_sentence(monkeypatch):
    import pypdf
    from pypdf.errors import LimitReachedError

    def refuse(*args, **kwargs):
        raise LimitReachedError("decompression limit")

    monkeypatch.setattr(pypdf, "PdfReader", refuse)
    with pytest.raises(UnreadableFile, match="decompression limit"):
        read_text("deep.pdf", _pdf(1))


def test_a_text_of_too_many_paragraphs_is_refused():
    text = "\n\n".join(f"Paragraph {n}." for n in range(limits.TEXT_MAX_PARAGRAPHS + 1))
    limits_text = limits.TEXT_MAX_PARAGRAPHS
    assert read_text("fine.txt", "\n".join(["x"] * limits_text).encode())
    with pytest.raises(UnreadableFile, match="paragraphs"):
        read_text("long.txt", text.encode())


def test_problems_are_listed_up_to_a_limit_with_a_count_of_the_rest():
    problems = [Problem("orgs", n, "key", "missing") for n in range(600_001)]
    lines = limits.summarise(problems)
    assert len(lines) == limits.PROBLEMS_SHOWN + 1
    assert lines[-1] == f"… and {600_001 - limits.PROBLEMS_SHOWN:,} more problems."
    assert str(ImportRefused(problems)).count("\n") == limits.PROBLEMS_SHOWN


def test_a_workbook_zip_bomb_is_refused_unread(tmp_path):
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(_bomb("xl/worksheets/sheet1.xml", 300))
    with pytest.raises(ImportRefused, match="unpack to 300 MB"):
        import_workbook(path, actor=None, dry_run=True)
