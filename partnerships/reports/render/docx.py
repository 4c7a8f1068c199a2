"""DOCX through python-docx: the masthead, numbered chapters and paragraphs, a real
footnote, the symbol in the running header, page numbers, the annexes with charts.

Fallback text (a name or title missing in the report's language) is highlighted and
tagged with its language, for the translator. Arabic paragraphs and runs are marked
right to left (w:bidi, w:rtl).
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata

from docx import Document as new_document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from partnerships.core.languages import language, slot_language
from partnerships.reports.annex import Table
from partnerships.reports.document import Document
from partnerships.reports.runs import Run

FOOTNOTES_CT = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
)


def _left_to_right(text: str) -> bool:
    """Text with Latin (or other left-to-right) letters and no right-to-left one:
    in an Arabic document its run is not marked w:rtl, or Word and LibreOffice
    would order "6 March 2019" as "March 2019 6"."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and not any(
        unicodedata.bidirectional(ch) in ("R", "AL") for ch in letters
    )


class DocxWriter:
    def __init__(self, doc: Document):
        self.doc = doc
        self.rtl = doc.dir == "rtl"
        self.word = new_document()
        self._footnotes = None
        self._setup()

    # --- document set-up ----------------------------------------------------------

    def _setup(self) -> None:
        word = self.word
        section = word.sections[0]
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.2)
        style = word.styles["Normal"]
        style.font.size = Pt(10.5)
        self._default_fonts(style.element.get_or_add_rPr())
        props = word.core_properties
        props.title = self.doc.masthead["symbol"]
        props.language = language(self.doc.lang).docx_tag
        fixed = dt.datetime(2000, 1, 1)
        if self.doc.masthead.get("iso_date"):
            fixed = dt.datetime.fromisoformat(self.doc.masthead["iso_date"])
        props.created = props.modified = fixed
        props.last_modified_by = props.author = "partnerships"
        props.revision = 1
        self._heading_styles()
        self._running_header(section)

    def _heading_styles(self) -> None:
        """Headings as UN documents set them: bold black in the body's fonts, not
        Word's default blue headings in the theme's fonts."""
        for name, size in (("Heading 1", 11.5), ("Heading 2", 10.5), ("Title", 14)):
            style = self.word.styles[name]
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.italic = False
            style.font.color.rgb = RGBColor(0, 0, 0)
            rpr = style.element.get_or_add_rPr()
            for old in rpr.findall(qn("w:rFonts")) + rpr.findall(qn("w:lang")):
                rpr.remove(old)
            self._default_fonts(rpr)
            fmt = style.paragraph_format
            fmt.space_before, fmt.space_after = Pt(12), Pt(6)
            fmt.keep_with_next = True

    def _default_fonts(self, rpr) -> None:
        """Word picks a run's font and language by script: Latin and Cyrillic,
        East Asian, complex (Arabic). Each slot gets the document's language where
        it writes in that slot, else the UN language that does."""
        latin, east, complex_ = (
            slot_language(slot, self.doc.lang)
            for slot in ("latin", "east_asian", "complex")
        )
        rfonts = rpr.get_or_add_rFonts()
        for attr, lang in (
            ("w:ascii", latin),
            ("w:hAnsi", latin),
            ("w:eastAsia", east),
            ("w:cs", complex_),
        ):
            rfonts.set(qn(attr), lang.serif[0])
        tags = OxmlElement("w:lang")
        tags.set(qn("w:val"), latin.docx_tag)
        tags.set(qn("w:eastAsia"), east.docx_tag)
        tags.set(qn("w:bidi"), complex_.docx_tag)
        rpr.append(tags)

    def _running_header(self, section) -> None:
        header = section.header.paragraphs[0]
        header.text = self.doc.masthead["symbol"]
        header.alignment = (
            WD_ALIGN_PARAGRAPH.LEFT if self.rtl else WD_ALIGN_PARAGRAPH.RIGHT
        )
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._field(footer, "PAGE")

    @staticmethod
    def _field(paragraph, code: str) -> None:
        run = paragraph.add_run()
        for kind, text in (
            ("begin", None),
            (None, code),
            ("separate", None),
            (None, "1"),
            ("end", None),
        ):
            if kind:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
                run._r.append(element)
            elif text == code:
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = f" {code} "
                run._r.append(instr)
            else:
                t = OxmlElement("w:t")
                t.text = text
                run._r.append(t)

    # --- text -------------------------------------------------------------------------

    def paragraph(self, style: str | None = None, align=None, *, ltr: bool = False):
        """A paragraph; right to left in an Arabic document unless `ltr` (a line
        of the masthead written in English)."""
        p = self.word.add_paragraph(style=style)
        if self.rtl and not ltr:
            p._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        if align is not None:
            p.alignment = align
        return p

    def runs(self, p, runs: Run | list[Run], *, bold: bool = False) -> None:
        items = [runs] if isinstance(runs, Run) else runs
        for item in items:
            run = p.add_run(item.text)
            run.bold = bold or None
            if self.rtl and not _left_to_right(item.text):
                run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
            if item.fallback:
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                lang = OxmlElement("w:lang")
                lang.set(qn("w:val"), language(item.fallback).docx_tag)
                run._r.get_or_add_rPr().append(lang)

    def footnote(self, p, runs: Run) -> None:
        """A real footnote (word/footnotes.xml), which python-docx does not offer."""
        if self._footnotes is None:
            xml = (
                f"<w:footnotes {nsdecls('w')}>"
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
                "</w:footnotes>"
            )
            self._footnotes = parse_xml(xml)
        number = len(self._footnotes.findall(qn("w:footnote"))) - 1
        note = parse_xml(
            f'<w:footnote {nsdecls("w")} w:id="{number}"><w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>*</w:t></w:r>'
            '<w:r><w:t xml:space="preserve"> </w:t></w:r></w:p></w:footnote>'
        )
        text_run = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = runs.text
        t.set(qn("xml:space"), "preserve")
        text_run.append(t)
        body = note.find(qn("w:p"))
        body.append(text_run)
        if self.rtl:  # right-aligned as the text it notes; the symbol stays whole
            body.find(qn("w:pPr")).append(OxmlElement("w:bidi"))
        self._footnotes.append(note)
        ref = p.add_run()
        ref_rpr = ref._r.get_or_add_rPr()
        va = OxmlElement("w:vertAlign")
        va.set(qn("w:val"), "superscript")
        ref_rpr.append(va)
        # The mark is "*", as UN documents mark the agenda footnote: a custom mark
        # follows the reference instead of Word's number.
        element = OxmlElement("w:footnoteReference")
        element.set(qn("w:customMarkFollows"), "1")
        element.set(qn("w:id"), str(number))
        ref._r.append(element)
        mark = OxmlElement("w:t")
        mark.text = "*"
        ref._r.append(mark)

    def _attach_footnotes(self) -> None:
        if self._footnotes is None:
            return
        from lxml import etree

        blob = etree.tostring(
            self._footnotes, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        document_part = self.word.part
        part = Part(
            PackURI("/word/footnotes.xml"), FOOTNOTES_CT, blob, document_part.package
        )
        document_part.relate_to(part, RT.FOOTNOTES)

    # --- the report -------------------------------------------------------------------

    def write(self, tables: list[Table]) -> bytes:
        m = self.doc.masthead
        start = WD_ALIGN_PARAGRAPH.RIGHT if self.rtl else WD_ALIGN_PARAGRAPH.LEFT
        self.masthead_table(m, start)
        self.heading(m["heading"], 0)
        p = self.paragraph(align=start)
        self.runs(p, m["title"], bold=True)
        self.runs(self.paragraph(align=start), m["report_of"])
        self.chapters()
        if self.doc.draft:
            if self.doc.word_count_text:
                self.runs(self.paragraph(align=start), Run(self.doc.word_count_text))
            self.provenance()
            self.left_out()
        self.statistics(tables)
        self._attach_footnotes()
        buffer = io.BytesIO()
        self.word.save(buffer)
        return buffer.getvalue()

    def masthead_table(self, m: dict, start) -> None:
        """The masthead in two columns, as UN documents set it: the body over the
        session block at the start, the symbol over the distribution block at the
        end (mirrored in Arabic, where the English block keeps its direction)."""
        end = WD_ALIGN_PARAGRAPH.LEFT if self.rtl else WD_ALIGN_PARAGRAPH.RIGHT
        table = self.word.add_table(rows=2, cols=2)
        if self.rtl:
            table._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
        (body, symbol), (session, distribution) = (r.cells for r in table.rows)
        self.runs(self._cell(body, start), m["body"])
        self.runs(self._cell(symbol, end), Run(m["symbol"]), bold=True)
        for line in (m["distribution"], m["date"], m["version"], m["original"]):
            if line:
                ltr = _left_to_right(line)
                align = WD_ALIGN_PARAGRAPH.LEFT if ltr else start
                self.runs(self._cell(distribution, align, ltr), Run(line))
        self.runs(self._cell(session, start), m["session"])
        self.runs(self._cell(session, start), m["session_where"])
        if m["agenda_item"]:
            p = self._cell(session, start)
            self.runs(p, Run(m["agenda_item"]))
            if m["agenda_footnote"].text:
                self.footnote(p, m["agenda_footnote"])
            self.runs(self._cell(session, start), m["agenda_title"])

    def _cell(self, cell, align, ltr: bool = False):
        """The next paragraph of a table cell (its first, empty one first)."""
        first = cell.paragraphs[0]
        p = first if not first.text and not first.runs else cell.add_paragraph()
        if self.rtl and not ltr:
            p._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        p.alignment = align
        return p

    def chapters(self) -> None:
        for chapter in self.doc.chapters:
            self.heading([Run(chapter.label + " ")] + chapter.title, 1)
            for para in chapter.paragraphs:
                self.numbered(para)
            for section in chapter.sections:
                self.heading([Run(section.label + " ")] + section.title, 2)
                for para in section.paragraphs:
                    self.numbered(para)

    def heading(self, runs: list[Run] | Run, level: int) -> None:
        p = self.word.add_heading(level=level)
        if self.rtl:
            p._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        self.runs(p, runs)

    def annex_heading(self, name: str, title: str) -> None:
        """ "Annex II" over the annex's title, as UN documents head an annex."""
        number = self.doc.annexes.get(name, "")
        if number:
            self.heading(Run(number), 1)
        self.heading(Run(title), 1)

    def numbered(self, para) -> None:
        p = self.paragraph(align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        self.runs(p, Run(f"{para.label or f'{para.number}.'}\t"))
        self.runs(p, para.runs)
        if para.stale:
            run = p.add_run(f" [{self.doc.labels['stale']}]")
            run.font.highlight_color = WD_COLOR_INDEX.PINK

    def provenance(self) -> None:
        self.word.add_section(WD_SECTION.NEW_PAGE)
        self.annex_heading("provenance", self.doc.labels["annex_provenance"])
        rows = [
            p
            for p in self.doc.paragraphs()
            if p.engagements or p.staff or p.kind in ("opening", "closing")
        ]
        table = self.word.add_table(rows=len(rows), cols=3)
        table.style = "Table Grid"
        for row, para in zip(table.rows, rows, strict=True):
            row.cells[0].text = str(para.number)
            cell = row.cells[1].paragraphs[0]
            for i, (key, title) in enumerate(para.engagements):
                if i:
                    self.runs(cell, Run("; "))
                self.runs(cell, title)
                self.runs(cell, Run(f" [{key}]"))
            if para.staff:
                self.runs(cell, Run(f" {self.doc.labels['staff_text']}"))
            if para.kind in ("opening", "closing"):
                self.runs(cell, Run(self.doc.labels["annex_statistics"]))
            row.cells[2].text = "; ".join(
                f"{p['document']} ¶{p['paragraph']}" for p in para.passages
            )

    def left_out(self) -> None:
        if not self.doc.left_out:
            return
        self.word.add_section(WD_SECTION.NEW_PAGE)
        self.annex_heading("left_out", self.doc.labels["annex_left_out"])
        self.runs(self.paragraph(), Run(self.doc.labels["left_out_note"]))
        for key, title in self.doc.left_out:
            p = self.paragraph()
            self.runs(p, title)
            self.runs(p, Run(f" [{key}]"))

    def statistics(self, tables: list[Table]) -> None:
        p = self.paragraph()
        p.add_run().add_break(WD_BREAK.PAGE)
        self.annex_heading("statistics", self.doc.labels["annex_statistics"])
        for table in tables:
            self.heading(Run(table.title), 2)
            if table.chart:
                self.word.add_picture(io.BytesIO(table.chart), width=Cm(15))
            grid = self.word.add_table(
                rows=len(table.rows) + 1, cols=len(table.headers)
            )
            grid.style = "Table Grid"
            for cell, text in zip(grid.rows[0].cells, table.headers, strict=True):
                cell.text = text
            for row, values in zip(grid.rows[1:], table.rows, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    self.runs(cell.paragraphs[0], value)
            if table.note:
                self.runs(self.paragraph(), Run(table.note))


def render_docx(doc: Document, tables: list[Table]) -> bytes:
    return DocxWriter(doc).write(tables)
