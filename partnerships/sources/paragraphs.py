"""Split a text into chapters, sections and numbered paragraphs.

Shared by every feature that reads a document paragraph by paragraph: the reading of
reports (ingest) and the consultation drafts of the stakeholders app. It works on
plain text; `partnerships.sources.texts` turns .txt, .docx and .pdf files into it.

UN documents share one layout: a header block (organ, symbol, distribution, date,
languages, agenda item), then chapters numbered 一、 二、 ... in Chinese or I. II. ...
in other languages, sections A. B. ..., and paragraphs numbered 1. 2. ... throughout.
Page breaks leave running headers, page numbers, job numbers and footnotes in the
middle of a paragraph; they are dropped and the paragraph rejoined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

CHINESE_NUMERALS = "一二三四五六七八九十"
_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"

_CHAPTER_ZH = re.compile(rf"^([{CHINESE_NUMERALS}]+)、\s*(.*)$")
# "I. Introduction", and "I.Introduction" as some documents print it; the title starts
# with a letter, so that a job number ("V.19-01234") is no chapter.
_CHAPTER_ROMAN = re.compile(rf"^({_ROMAN})\.\s*([^\W\d_].*)$")
_SECTION = re.compile(r"^([A-Z])\.\s*([^\W\d_].*)$")
# "1. Text" or "1.Text"; not "1.5 million".
_PARAGRAPH = re.compile(r"^(\d{1,5})\.(?!\d)\s*(\S.*)$")
# A heading printed in capitals without numeral ("INTRODUCTION", "COOPERATION WITH
# PARTNERS"): no lower-case letter, no sentence end.
_CAPITALS = re.compile(r"^[A-Z][A-Z ,;:'’&()-]{5,}$")
# Footnotes at the foot of a page: "* HSP/HA/1/1。", "1 See ...", "[^2]: ...".
_FOOTNOTE = re.compile(r"^(?:\\?\*+\s|\[\^\w+\]:|\d{1,2}\s+(?![\d年月日%]))")
# Running heads and feet: page numbers, "Page 3", "3/15", job numbers "V.19-01234".
_PAGE_FURNITURE = re.compile(
    r"^(?:\d{1,3}|\d{1,3}\s*/\s*\d{1,3}|Page \d+|第\s*\d+\s*页|"
    r"[A-Z]{1,3}\.\d{2}-\d{4,6}(?:\s*\(\w\))?|-\s*\d+\s*-|[-*_=]{3,})$"
)
_MARKDOWN = re.compile(r"^#+\s*|\*\*|__")
# Footnote markers inside the text: a markdown "\*", "[^1]", "<sup>1</sup>",
# superscript digits.
_MARKER = re.compile(r"\\\*|\[\^\w+\]|<sup>[^<]*</sup>|[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_SENTENCE_END = ("。", "！", "？", "：", "；", ".", "!", "?", ":", ";")


@dataclass
class Paragraph:
    number: int
    text: str
    chapter: str = ""
    chapter_title: str = ""
    section: str = ""
    section_title: str = ""
    line: int = 0
    # The unnumbered heading printed right before the paragraph ("Vision"), if any.
    heading: str = ""


@dataclass
class Layout:
    header: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    symbol: str = ""
    problems: list[str] = field(default_factory=list)
    # True when the document numbers no paragraph: the reader numbered its blocks.
    numbered_by_reader: bool = False
    # Paragraph numbers printed again after their paragraph (a list item "1." inside
    # a paragraph, or a draft that numbers two paragraphs alike).
    repeated: list[int] = field(default_factory=list)


_SYMBOL = re.compile(r"^[A-Z]{1,6}(?:/[A-Za-z0-9.]+){2,}$")


def clean_line(raw: str) -> str:
    line = _MARKDOWN.sub("", raw.strip()).strip()
    return line.replace("\u3000", " ").strip()


_HYPHENATED = re.compile(r"[^\W\d_]-$")


def _join(previous: str, more: str, lang: str) -> str:
    """A line after a page break continues the sentence; after a full stop it is a
    new line of the same paragraph. A word hyphenated at a line end ("develop-",
    "ment") is mended; a hyphen before a capital ("UN-", "Habitat") is kept."""
    if previous.endswith(_SENTENCE_END):
        return f"{previous}\n{more}"
    if _HYPHENATED.search(previous) and more[:1].islower():
        return previous[:-1] + more
    if previous.endswith("-") and more[:1].isupper():
        return previous + more
    return (
        previous + more
        if _is_chinese(previous[-1:] + more[:1])
        else (f"{previous} {more}")
    )


_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


def _is_chinese(text: str) -> bool:
    return bool(_CJK.search(text))


def _script(text: str) -> str:
    """Which of the limits below apply: "zh" for Chinese text, else "en"."""
    return "zh" if _is_chinese(text) else "en"


# A heading line: short, ending no sentence (a title before a paragraph).
_HEADING_LINE = 120


def _is_heading_line(line: str) -> bool:
    return 0 < len(line) <= _HEADING_LINE and not line.endswith(_BLOCK_END)


class Splitter:
    """Numbered paragraphs read line by line, with their chapter, section and
    heading (reports; `blocks.py` feeds it a draft's blocks)."""

    def __init__(self, lang: str, *, extract: bool = False) -> None:
        self.lang = lang
        # An extract may start at any paragraph number ("12. ..."); a whole report
        # starts at 1, so that a year ("2018. ...") in its header is no paragraph.
        self.extract = extract
        self.pending = ""  # the heading line last read, until a paragraph takes it
        self.layout = Layout()
        self.chapter = ("", "")
        self.section = ("", "")
        self.current: Paragraph | None = None
        # Numbered lines too short to be a paragraph's first line and ending no
        # sentence: the numbered headings of a web page ("1.负责人", "2. 执行局").
        self.numbered_headings = 0

    def feed(self, number: int, raw: str) -> None:
        line = clean_line(raw)
        if not line:
            return
        if _SYMBOL.match(line):
            self.layout.symbol = self.layout.symbol or line
            if self.layout.paragraphs:
                return  # a running head repeating the symbol
        if self._heading(line) or self._paragraph(number, line):
            return
        if not self.layout.paragraphs:
            self.layout.header.append(line)
        elif _FOOTNOTE.match(line):
            self.layout.footnotes.append(line.lstrip("\\* "))
        elif _PAGE_FURNITURE.match(line) or line == self.layout.symbol:
            return
        elif self.current is not None:
            self.current.text = _join(
                self.current.text, _MARKER.sub("", line), self.lang
            )

    def _heading(self, line: str) -> bool:
        if self._chapter_or_section(line):
            self.pending = _MARKER.sub("", line)
            return True
        return False

    def _chapter_or_section(self, line: str) -> bool:
        match = _CHAPTER_ZH.match(line) if self.lang == "zh" else None
        match = match or _CHAPTER_ROMAN.match(line)
        if match and match.group(1):
            self.chapter = (match.group(1), _MARKER.sub("", match.group(2)).strip())
            self.section = ("", "")
            self.current = None
            return True
        if _CAPITALS.match(line) and self.layout.paragraphs:
            self.chapter = (self.chapter[0], line.title())
            self.section = ("", "")
            self.current = None
            return True
        match = _SECTION.match(line)
        if match and (self.chapter[0] or self.layout.paragraphs or self._section_ok):
            self.section = (match.group(1), _MARKER.sub("", match.group(2)).strip())
            self.current = None
            return True
        return False

    @property
    def _section_ok(self) -> bool:
        """A section before any chapter ("A. Introduction" of an addendum) only
        after the header has named its document."""
        return bool(self.layout.symbol)

    def _paragraph(self, number: int, line: str) -> bool:
        match = _PARAGRAPH.match(line)
        if not match:
            return False
        expected = self._expected(int(match.group(1)))
        if int(match.group(1)) != expected:
            if self.layout.paragraphs and int(match.group(1)) <= expected - 1:
                self.layout.repeated.append(int(match.group(1)))
            return False  # "2018. " or a list item: not the next paragraph
        text = _MARKER.sub("", match.group(2)).strip()
        if len(text) < _PARAGRAPH_MIN[_script(text)] and not text.endswith(_BLOCK_END):
            self.numbered_headings += 1
        self.current = Paragraph(
            number=expected,
            text=text,
            chapter=self.chapter[0],
            chapter_title=self.chapter[1],
            section=self.section[0],
            section_title=self.section[1],
            line=number,
            heading=self._take_heading(),
        )
        self.layout.paragraphs.append(self.current)
        return True

    def _expected(self, found: int) -> int:
        if self.layout.paragraphs:
            return self.layout.paragraphs[-1].number + 1
        return found if self.extract else 1

    def _take_heading(self) -> str:
        """The heading printed right before this paragraph: a chapter or section
        heading, the header's last line, or the last line of the paragraph before
        (taken out of it: a heading between two paragraphs belongs to neither),
        when it is short and ends no sentence."""
        pending, self.pending = self.pending, ""
        if pending:
            return pending
        if self.current is None:
            lines = self.layout.header
            if lines and _is_heading_line(lines[-1]) and not _SYMBOL.match(lines[-1]):
                return lines[-1] if self.extract else ""
            return ""
        head, _, last = self.current.text.rpartition("\n")
        if head and _is_heading_line(last):
            self.current.text = head
            return last
        return ""


def split_report(text: str, lang: str) -> Layout:
    """The layout of a report's plain text (lines as in the file): its numbered
    paragraphs, or, in a text that numbers none, its blocks numbered by the reader."""
    splitter = Splitter(lang)
    for number, raw in enumerate(text.splitlines(), start=1):
        splitter.feed(number, raw)
    layout = splitter.layout
    # None numbered, or most open with a short heading: the numbers are a page's
    # numbered headings ("1.负责人"), and its paragraphs are its blocks of text.
    if not layout.paragraphs or 2 * splitter.numbered_headings > len(layout.paragraphs):
        layout = split_blocks(text, lang)
    if not layout.paragraphs:
        layout.problems.append(_("No paragraph of text was found in this document."))
    return layout


# Texts that number no paragraph (web pages, press releases): every block of text is a
# paragraph, a block ending at a blank line or at a line that ends a sentence; a line
# that ends no sentence continues into the next only when it is as wide as the text's
# widest lines (a line wrapped by a page). A short block that ends no sentence is a
# heading, dateline, caption or menu.
_BLOCK_END = (*_SENTENCE_END, "”", '"', "»", ")", "）", "…", "...")
_HEADING_MAX = {"zh": 40, "en": 150}
_PARAGRAPH_MIN = {"zh": 12, "en": 30}
_BULLET = re.compile(r"^[•·▪◦‣*-]\s+|^[•·▪◦‣]")
_WRAPPED = 0.8  # a line at least this share of the widest line was wrapped
_LINE = {True: 20, False: 40}  # no page wraps lines shorter (Chinese, other)


def _is_paragraph(block: str) -> bool:
    kind = _script(block)
    short = len(block) <= _HEADING_MAX[kind]
    if block.endswith(("...", "…")) and short:
        return False  # a cut-off title or a menu path
    if short and _bracket_after_no_sentence(block):
        return False  # a caption: "… Asia and the Pacific (ESCAP)"
    if short and block.endswith(_QUOTE_CLOSE) and not _sentence_in_quotes(block):
        return False  # a title ending in a quoted name: 迎来“丰收年”, launches "X"
    if block.endswith(_BLOCK_END):
        return len(block) >= _PARAGRAPH_MIN[kind]
    return len(block) > _HEADING_MAX[kind]


_QUOTE_CLOSE = ("”", '"', "»", "’")


def _sentence_in_quotes(block: str) -> bool:
    """Whether the quotation closing a block closes a sentence: “… will.”, 说：“…。”"""
    return block.rstrip('”"»’ ').endswith((*_SENTENCE_END, "…", "..."))


def _bracket_after_no_sentence(block: str) -> bool:
    """A block ending in a bracket that closes a short form or a note after words
    ending no sentence: "… for Asia and the Pacific (ESCAP)", or a block wholly in
    brackets: "(Photo 2. The Assembly)"; not "… said. (AP)" nor a sentence inside
    the brackets."""
    if not block.endswith((")", "）")):
        return False
    opening = max(block.rfind("("), block.rfind("（"))
    inside, before = block[opening + 1 : -1].strip(), block[:opening].strip()
    return (
        opening >= 0
        and (opening == 0 or not before.endswith(_BLOCK_END))
        and not inside.endswith(_SENTENCE_END)
    )


def _block_lines(text: str) -> list[str]:
    """Cleaned lines, bullets dropped; "" where the text has a blank line."""
    lines = []
    for raw in text.splitlines():
        line = _BULLET.sub("", clean_line(raw)).strip()
        if _PAGE_FURNITURE.match(line):
            line = ""
        lines.append(_MARKER.sub("", line))
    return lines


def _wrap_widths(lines: list[str]) -> dict[bool, float]:
    """Per script (Chinese or not), the width from which a line counts as wrapped:
    80 % of the widest line, where at least two lines and one in four of the
    script's lines are that wide (a page); otherwise no line is wrapped (a web
    page, whose lines are whole paragraphs of any length)."""
    out: dict[bool, float] = {}
    for chinese in (True, False):
        sizes = [len(line) for line in lines if line and _is_chinese(line) == chinese]
        width = _WRAPPED * max(sizes, default=0)
        wide = sum(size >= width for size in sizes)
        wrapped = wide >= 2 and wide >= 0.25 * len(sizes) and width >= _LINE[chinese]
        out[chinese] = width if wrapped else 10**9
    return out


_DATELINE_START = re.compile(r"^\S{0,6}\s*\d{4}[-/]\d{1,2}[-/]\d{1,2}\b")


def _runs_on(line: str, following: str, widths: dict[bool, float]) -> bool:
    """A line runs on into the next when it ends no sentence, is as wide as a
    wrapped line, and the next is no heading (short, ending no sentence either)."""
    if not following or _DATELINE_START.match(following):
        return False  # a dateline ("观点 2023-06-12 09:13", "date 2019-02-22 ...")
    if line.endswith(_BLOCK_END):
        # A bracket or quotation mark closed at the end of a wrapped line, and the
        # sentence going on in lower case on the next: "(UNDP)" | "officially".
        wrapped = len(line) >= widths[_is_chinese(line)]
        return wrapped and not line.endswith(_SENTENCE_END) and following[:1].islower()
    if len(line) < widths[_is_chinese(line)]:
        # A line longer than any heading that ends no sentence, and the sentence
        # going on in lower case on the next: a web page's paragraph broken by a line
        # break ("… offering agricultural training for" | "developing countries").
        long = len(line) > _HEADING_MAX[_script(line)]
        return long and following[:1].islower()
    # The rest of the paragraph, not a heading: half a wrapped line at least, or
    # a word cut at the line end (人居|署认可, "develop-|ment", "tack-|ling").
    return (
        following.endswith(_BLOCK_END)
        or len(following) >= 0.5 * widths[_is_chinese(following)]
        or following[:1].islower()
        or (_is_chinese(line[-1:]) and _is_chinese(following[:1]))
    )


def _blocks(lines: list[str]) -> list[tuple[int, str]]:
    """(first line number, text) of each block."""
    widths = _wrap_widths(lines)
    out: list[tuple[int, str]] = []
    open_block = False
    for number, line in enumerate(lines, start=1):
        if not line:
            open_block = False
            continue
        if open_block:
            out[-1] = (out[-1][0], _join(out[-1][1], line, "en").replace("\n", " "))
        else:
            out.append((number, line))
        following = lines[number] if number < len(lines) else ""
        open_block = _runs_on(line, following, widths)
    return out


def split_blocks(text: str, lang: str) -> Layout:
    """The paragraphs of a text that numbers none, numbered 1, 2 ... by the reader;
    what precedes them and every heading between them is header."""
    layout = Layout(numbered_by_reader=True)
    for line_number, block in _blocks(_block_lines(text)):
        if _SYMBOL.match(block):
            layout.symbol = layout.symbol or block
        elif _is_paragraph(block):
            number = len(layout.paragraphs) + 1
            layout.paragraphs.append(Paragraph(number, block, line=line_number))
        elif not layout.paragraphs:
            layout.header.append(block)
    return layout
