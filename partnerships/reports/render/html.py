from __future__ import annotations

from django.template.loader import render_to_string

from partnerships.core.languages import font_stack, language
from partnerships.reports.annex import Table
from partnerships.reports.document import Document


def font_family(lang: str) -> str:
    """The CSS font-family of a report in `lang`: its serif fonts first."""
    return ", ".join([*(f'"{font}"' for font in font_stack(lang, "serif")), "serif"])


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
            "html_lang": language(doc.lang).html_tag,
            "font_family": font_family(doc.lang),
            "engagement_url": engagement_url,
            "document_url": document_url,
        },
    )
