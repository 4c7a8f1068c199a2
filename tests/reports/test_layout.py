"""Layout as UN documents are set in each language: chapter and section numbering,
numbered annexes, the agenda footnote marked "*", DOCX headings in defined styles,
a word count of the body for the draft."""

from __future__ import annotations

import copy
import io
import re
import zipfile

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn

from partnerships.reports.realise import realise
from partnerships.reports.render import render

pytestmark = pytest.mark.django_db


def test_arabic_numbers_chapters_and_sections_in_words(stored_snapshot):
    doc = realise(stored_snapshot, "ar")
    assert [c.label for c in doc.chapters[:3]] == ["أولا -", "ثانيا -", "ثالثا -"]
    sections = [s.label for s in doc.chapters[1].sections]
    assert sections[:3] == ["ألف -", "باء -", "جيم -"]
    assert not any(re.search(r"[IVX]\.", c.label) for c in doc.chapters)


def test_annexes_are_numbered_and_the_official_document_has_only_statistics(
    stored_snapshot,
):
    official = realise(stored_snapshot, "en")
    assert official.annexes == {"statistics": "Annex I"}
    draft = realise(stored_snapshot, "en", draft=True)
    assert list(draft.annexes) == ["provenance", "statistics"] or list(
        draft.annexes
    ) == ["provenance", "left_out", "statistics"]
    assert draft.annexes["provenance"] == "Annex I"
    assert realise(stored_snapshot, "zh", draft=True).annexes["provenance"] == "附件一"
    html = render(stored_snapshot, "en", "html").decode()
    assert "Annex I</span>" in html and "annex-provenance" not in html


def test_the_word_count_of_the_body(stored_snapshot):
    doc = realise(stored_snapshot, "en", draft=True)
    body = " ".join(r.text for p in doc.paragraphs() for r in p.runs)
    # Whitespace-separated pieces, less those holding no letter or digit (dashes).
    pieces = [w for w in body.split() if re.search(r"\w", w)]
    assert abs(doc.word_count - len(pieces)) <= len(pieces) * 0.03
    zh = realise(stored_snapshot, "zh")
    han = sum(
        1
        for p in zh.paragraphs()
        for r in p.runs
        for ch in r.text
        if "一" <= ch <= "鿿"
    )
    assert han <= zh.word_count <= han * 1.2
    md = render(stored_snapshot, "en", "md", draft=True).decode()
    assert f"Word count of the body: {doc.formatter.number(doc.word_count)}" in md
    assert "Word count" not in render(stored_snapshot, "en", "md").decode()


def test_docx_headings_are_black_in_the_body_fonts_and_the_footnote_is_starred(
    stored_snapshot,
):
    data = render(stored_snapshot, "zh", "docx")
    word = open_docx(io.BytesIO(data))
    for name in ("Heading 1", "Heading 2"):
        rpr = word.styles[name].element.rPr
        color = rpr.find(qn("w:color"))
        assert color.get(qn("w:val")) == "000000"
        assert color.get(qn("w:themeColor")) is None
        fonts = rpr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:asciiTheme")) is None
        assert fonts.get(qn("w:eastAsia")).startswith("Noto")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = z.read("word/document.xml").decode()
        notes = z.read("word/footnotes.xml").decode()
    assert 'w:customMarkFollows="1"' in body
    assert re.search(r"<w:footnoteReference[^>]*/><w:t>\*</w:t>", body)
    assert "<w:footnoteRef/>" not in notes and "<w:t>*</w:t>" in notes


def test_arabic_docx_keeps_english_lines_left_to_right(stored_snapshot):
    # The English distribution block some Arabic versions print (configurable).
    snapshot = copy.deepcopy(stored_snapshot)
    snapshot["phrases"]["ar"]["masthead_language"] = "en"
    data = render(snapshot, "ar", "docx")
    word = open_docx(io.BytesIO(data))
    masthead = word.tables[0]
    cells = [c for row in masthead.rows for c in row.cells]
    assert len(masthead.columns) == 2 and "HSP/HA/1/2/Add.2" in cells[1].text
    assert masthead._tbl.tblPr.find(qn("w:bidiVisual")) is not None  # mirrored
    date = next(p for c in cells for p in c.paragraphs if p.text == "6 March 2019")
    assert date._p.pPr.find(qn("w:bidi")) is None
    assert all(r._r.rPr.find(qn("w:rtl")) is None for r in date.runs)
    arabic = next(p for p in word.paragraphs if "موئل" in p.text)
    assert arabic._p.pPr.find(qn("w:bidi")) is not None
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        notes = z.read("word/footnotes.xml").decode()
    # The agenda footnote sits on the right like the Arabic text it notes.
    assert re.search(r'w:id="1"><w:p><w:pPr>[^/]*/><w:bidi/></w:pPr>', notes)


def test_arabic_quotes_stay_with_an_english_title(stored_snapshot):
    """An English title in Arabic text is one isolate with its quotation marks."""
    doc = realise(stored_snapshot, "ar")
    text = "".join(r.text for p in doc.paragraphs() for r in p.runs)
    isolated = re.findall('\u2068"([^"\u2069]*)"\u2069', text)
    assert isolated and all(not re.search("[\u0600-\u06ff]", t) for t in isolated)
    assert text.count("\u2068") == text.count("\u2069")
    # Every engagement title shown in English is quoted inside an isolate.
    english = {
        row["title"]["en"]
        for row in stored_snapshot["engagements"]
        if not row["title"].get("ar") and row["title"].get("en")
    }
    quoted = [t for t in english if f'"{t}"' in text]
    assert quoted
    assert all(text.count(f'"{t}"') == text.count(f'\u2068"{t}"\u2069') for t in quoted)
    # Chinese and English text carry no isolates of their own.
    en = realise(stored_snapshot, "en")
    assert "\u2068" not in "".join(r.text for p in en.paragraphs() for r in p.runs)


def test_arabic_paragraph_numbers_read_as_numbers(stored_snapshot):
    doc = realise(stored_snapshot, "ar")
    labels = [p.label for p in doc.paragraphs()]
    assert labels[:3] == ["1 -", "2 -", "3 -"]
    html = render(stored_snapshot, "ar", "html").decode()
    assert '<span class="num">8 -</span>' in html
    assert realise(stored_snapshot, "fr").paragraphs()[7].label == "8."


MASTHEAD_LINES = ("body", "session", "session_place", "title", "heading", "report_of")


def test_every_language_version_prints_its_masthead_in_its_own_language(
    stored_snapshot,
):
    import yaml
    from django.conf import settings

    path = settings.DATA_DIR / "sources" / "HSP-HA-1-2-Add.2" / "document.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    for lang in ("ar", "es", "fr", "ru", "zh"):
        masthead = realise(stored_snapshot, lang).masthead
        for name in (*MASTHEAD_LINES, "agenda_title"):
            run = masthead[name]
            assert run.fallback == "", (lang, name, run.text)
            if name in MASTHEAD_LINES:
                assert run.text == doc[name][lang].strip(), (lang, name)
            else:  # the agenda item's title follows its number in the seed's line
                assert doc["agenda_item"][lang].endswith(run.text), (lang, run.text)
    ar = realise(stored_snapshot, "ar").masthead
    assert ar["body"].text.startswith("جمعية الأمم المتحدة للموئل")
    assert (ar["session"].text, ar["session_place"].text) == ("الدورة الأولى", "نيروبي")
    assert not re.search("[A-Za-z]", ar["title"].text + ar["heading"].text)
