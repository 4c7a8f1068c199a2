"""Renderers of a realised report: HTML, PDF (WeasyPrint), DOCX (python-docx), Markdown."""

from __future__ import annotations

from typing import Any

from partnerships.reports.annex import statistics_annex
from partnerships.reports.document import Document
from partnerships.reports.realise import realise

FORMATS = ("html", "pdf", "docx", "md")
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "md": "text/markdown; charset=utf-8",
}


def render(
    snapshot: dict[str, Any],
    lang: str,
    fmt: str,
    *,
    draft: bool = False,
    **options: Any,
) -> bytes:
    """The report of a snapshot in one language and format: the official document,
    or with `draft` the internal draft (sources of the paragraphs, engagements left
    out for lack of dates)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    doc = realise(snapshot, lang, draft=draft)
    if fmt == "md":
        from partnerships.reports.render.markdown import render_markdown

        return render_markdown(doc).encode("utf-8")
    tables = statistics_annex(doc)
    if fmt == "html":
        from partnerships.reports.render.html import render_html

        return render_html(doc, tables, **options).encode("utf-8")
    if fmt == "pdf":
        from partnerships.reports.render.pdf import render_pdf

        return render_pdf(doc, tables)
    from partnerships.reports.render.docx import render_docx

    return render_docx(doc, tables)


def document(snapshot: dict[str, Any], lang: str, *, draft: bool = False) -> Document:
    return realise(snapshot, lang, draft=draft)
