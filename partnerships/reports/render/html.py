from __future__ import annotations

from django.template.loader import render_to_string

from partnerships.reports.annex import Table
from partnerships.reports.realise import Document

HTML_LANG = {
    "zh": "zh-Hans",
    "ar": "ar",
    "en": "en",
    "fr": "fr",
    "ru": "ru",
    "es": "es",
}
FONT_FAMILY = {
    "zh": '"Noto Serif CJK SC", "Noto Sans CJK SC", serif',
    "ar": '"Noto Naskh Arabic", "Noto Sans Arabic", serif',
}
DEFAULT_FONT = '"Noto Serif", "DejaVu Serif", "Noto Serif CJK SC", serif'


def render_html(
    doc: Document,
    tables: list[Table],
    *,
    print_layout: bool = False,
    engagement_url: str = "/engagements/",
    document_url: str = "/documents/",
) -> str:
    """The report as an HTML page; links go to the portal's engagement and document
    pages (relative to the site serving it)."""
    return render_to_string(
        "reports/document.html",
        {
            "doc": doc,
            "paragraphs": doc.paragraphs(),
            "tables": tables,
            "print": print_layout,
            "html_lang": HTML_LANG[doc.lang],
            "font_family": FONT_FAMILY.get(doc.lang, DEFAULT_FONT),
            "engagement_url": engagement_url,
            "document_url": document_url,
        },
    )
