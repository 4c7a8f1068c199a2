"""The rendered documents: DOCX that Word and LibreOffice open, PDFs with the right
glyphs, stored runs that render again identically."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from partnerships.reports.render import render

pytestmark = pytest.mark.django_db

NEEDS_POPPLER = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils is installed by make setup"
)


@pytest.fixture(scope="module")
def pdfs(stored_snapshot, tmp_path_factory):
    out = {}
    folder = tmp_path_factory.mktemp("pdf")
    for lang in ("zh", "ar"):
        path = folder / f"report.{lang}.pdf"
        path.write_bytes(render(stored_snapshot, lang, "pdf"))
        out[lang] = path
    return out


def _pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _notdef_glyphs(path: Path) -> int:
    """How many character codes of the PDF's fonts draw glyph 0 (.notdef, a box).

    WeasyPrint writes each font's encoding as a CMap of the codes it used to the
    glyphs (CIDs) they draw; a character no embedded font covers is drawn as CID 0.
    """
    reader = PdfReader(path)
    seen: set[int] = set()
    missing = 0
    for page in reader.pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            encoding = font.get("/Encoding")
            if id(font) in seen or not hasattr(encoding, "get_object"):
                continue
            seen.add(id(font))
            encoding = encoding.get_object()
            if not hasattr(encoding, "get_data"):
                continue
            cmap = encoding.get_data().decode("latin-1")
            for block in re.findall(r"begincidchar(.*?)endcidchar", cmap, re.S):
                missing += len(re.findall(r"<[0-9a-fA-F]+>\s+0\b", block))
            for block in re.findall(r"begincidrange(.*?)endcidrange", cmap, re.S):
                missing += len(
                    re.findall(r"<[0-9a-fA-F]+>\s*<[0-9a-fA-F]+>\s+0\b", block)
                )
    return missing


@NEEDS_POPPLER
def test_chinese_pdf_has_the_text_and_its_glyphs(pdfs):
    text = _pdftotext(pdfs["zh"])
    for expected in (
        "HSP/HA/1/2/Add.2",
        "与民间社会的合作",
        "执行主任的报告",
        "1 000 万欧元",
    ):
        assert expected in re.sub(r"[ \t]+", " ", text) or expected in text, expected
    fonts = subprocess.run(
        ["pdffonts", str(pdfs["zh"])], capture_output=True, text=True, check=True
    ).stdout
    assert "CJK-SC" in fonts  # Simplified Chinese forms, not the Japanese variant
    assert _notdef_glyphs(pdfs["zh"]) == 0


@NEEDS_POPPLER
def test_arabic_pdf_has_the_text_and_its_glyphs(pdfs):
    text = _pdftotext(pdfs["ar"])
    for expected in ("مقدمة", "التعاون مع المجتمع المدني", "موئل الأمم المتحدة"):
        assert expected in text, expected
    fonts = subprocess.run(
        ["pdffonts", str(pdfs["ar"])], capture_output=True, text=True, check=True
    ).stdout
    assert "Arabic" in fonts
    assert _notdef_glyphs(pdfs["ar"]) == 0


def test_a_glyph_check_that_finds_boxes(tmp_path):
    """The glyph check itself fails on a PDF drawn with a font lacking the script."""
    from weasyprint import HTML

    path = tmp_path / "boxes.pdf"
    # U+0870 (Arabic extended-B) is in none of the installed fonts.
    HTML(string="<p>\u0870\u0871 text</p>").write_pdf(path)
    assert _notdef_glyphs(path) > 0


def test_docx_opens_and_carries_layout(stored_snapshot):
    data = render(stored_snapshot, "zh", "docx")
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert headings[0].startswith("一、") and any(
        h.startswith("十、") for h in headings
    )
    numbered = [int(t.split(".")[0]) for t in texts if re.match(r"^\d+\.\t", t)]
    assert numbered == list(range(1, len(numbered) + 1))
    assert document.sections[0].header.paragraphs[0].text == "HSP/HA/1/2/Add.2"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert "HSP/HA/1/1" in z.read("word/footnotes.xml").decode()
        footer = "".join(z.read(n).decode() for n in z.namelist() if "footer" in n)
        assert "PAGE" in footer
        assert len([n for n in z.namelist() if n.startswith("word/media/")]) >= 4


def test_arabic_docx_runs_right_to_left(stored_snapshot):
    data = render(stored_snapshot, "ar", "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = z.read("word/document.xml").decode()
    assert "<w:bidi/>" in body and "<w:rtl/>" in body
    # An English fallback is highlighted for the translator.
    assert 'w:highlight w:val="yellow"' in body


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice is installed by make setup"
)
def test_libreoffice_converts_the_docx(stored_snapshot, tmp_path):
    source = tmp_path / "report.docx"
    source.write_bytes(render(stored_snapshot, "en", "docx"))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    converted = tmp_path / "report.pdf"
    assert converted.exists()
    assert len(PdfReader(converted).pages) > 5
