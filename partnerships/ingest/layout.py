"""Split the text of a UN report into chapters, sections and numbered paragraphs.

UN documents share one layout: a header block (organ, symbol, distribution, date,
languages, agenda item), then chapters numbered 一、 二、 ... in Chinese or I. II. ...
in other languages, sections A. B. ..., and paragraphs numbered 1. 2. ... throughout.
Page breaks leave running headers, page numbers, job numbers and footnotes in the
middle of a paragraph; they are dropped and the paragraph rejoined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CHINESE_NUMERALS = "一二三四五六七八九十"
_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"

_CHAPTER_ZH = re.compile(rf"^([{CHINESE_NUMERALS}]+)、\s*(.*)$")
_CHAPTER_ROMAN = re.compile(rf"^({_ROMAN})\.\s+(\S.*)$")
_SECTION = re.compile(r"^([A-Z])\.\s+(\S.*)$")
_PARAGRAPH = re.compile(r"^(\d{1,3})\.\s*(\S.*)$")
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


@dataclass
class Layout:
    header: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    symbol: str = ""
    problems: list[str] = field(default_factory=list)


_SYMBOL = re.compile(r"^[A-Z]{1,6}(?:/[A-Za-z0-9.]+){2,}$")


def clean_line(raw: str) -> str:
    line = _MARKDOWN.sub("", raw.strip()).strip()
    return line.replace("\u3000", " ").strip()


def _join(previous: str, more: str, lang: str) -> str:
    """A line after a page break continues the sentence; after a full stop it is a
    new line of the same paragraph."""
    if previous.endswith(_SENTENCE_END):
        return f"{previous}\n{more}"
    return previous + more if lang == "zh" else f"{previous} {more}"


class _Splitter:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.layout = Layout()
        self.chapter = ("", "")
        self.section = ("", "")
        self.current: Paragraph | None = None

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
        match = _CHAPTER_ZH.match(line) if self.lang == "zh" else None
        match = match or _CHAPTER_ROMAN.match(line)
        if match and match.group(1):
            self.chapter = (match.group(1), _MARKER.sub("", match.group(2)).strip())
            self.section = ("", "")
            self.current = None
            return True
        match = _SECTION.match(line)
        if match and self.chapter[0]:
            self.section = (match.group(1), _MARKER.sub("", match.group(2)).strip())
            self.current = None
            return True
        return False

    def _paragraph(self, number: int, line: str) -> bool:
        match = _PARAGRAPH.match(line)
        if not match or not self.chapter[0]:
            return False
        expected = (
            self.layout.paragraphs[-1].number + 1 if self.layout.paragraphs else 1
        )
        if int(match.group(1)) != expected:
            return False  # "2018. " or a list item: not the next paragraph
        self.current = Paragraph(
            number=expected,
            text=_MARKER.sub("", match.group(2)).strip(),
            chapter=self.chapter[0],
            chapter_title=self.chapter[1],
            section=self.section[0],
            section_title=self.section[1],
            line=number,
        )
        self.layout.paragraphs.append(self.current)
        return True


def split_report(text: str, lang: str) -> Layout:
    """The layout of a report's plain text (lines as in the file)."""
    splitter = _Splitter(lang)
    for number, raw in enumerate(text.splitlines(), start=1):
        splitter.feed(number, raw)
    layout = splitter.layout
    if not layout.paragraphs:
        layout.problems.append(
            "No numbered paragraph (1. 2. ...) was found under a chapter heading "
            "(一、 or I.): is this a report in UN layout?"
        )
    return layout
