"""Text out of .txt, .docx and .pdf; bad files are refused with their name."""

from __future__ import annotations

import pytest

from partnerships.sources.paragraphs import split_report
from partnerships.sources.texts import UnreadableFile, read_text

LINES = [
    "TEST/PDF/1",
    "I. Introduction",
    "1. The Coastal Youth Network worked with",
    "2/7",
    "the Harbour Women Association.",
    "2. Second paragraph.",
]


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _pdf(lines: list[str]) -> bytes:
    """A one-page PDF with each line set in Helvetica, written by hand."""
    shown = " ".join(f"({_escape(line)}) Tj T*" for line in lines)
    stream = f"BT /F1 10 Tf 50 800 Td 14 TL {shown} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = "%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n"
    out += f"startxref\n{xref}\n%%EOF\n"
    return out.encode("latin-1")


def test_a_pdf_is_read_line_by_line_and_its_page_number_dropped():
    layout = split_report(read_text("report.pdf", _pdf(LINES)), "en")
    assert [p.text for p in layout.paragraphs] == [
        "The Coastal Youth Network worked with the Harbour Women Association.",
        "Second paragraph.",
    ]


def test_a_text_file_must_be_utf8():
    with pytest.raises(UnreadableFile, match="report.txt: not UTF-8"):
        read_text("report.txt", "报告".encode("gb18030"))


@pytest.mark.parametrize("name", ["report.pdf", "report.docx"])
def test_a_damaged_file_is_refused_with_its_name(name):
    with pytest.raises(UnreadableFile, match=name):
        read_text(name, b"not really a document")


def test_other_kinds_of_file_are_refused():
    with pytest.raises(UnreadableFile, match=r"only \.txt, \.md, \.docx and \.pdf"):
        read_text("report.odt", b"")
