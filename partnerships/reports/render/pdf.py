"""PDF through WeasyPrint from the print layout of the HTML rendering.

Chinese is marked lang="zh-Hans" (else fontconfig may pick the Japanese variant of
Noto CJK); Arabic is shaped and laid out right to left by WeasyPrint (HarfBuzz).
"""

from __future__ import annotations

import logging

from partnerships.reports.annex import Table
from partnerships.reports.document import Document
from partnerships.reports.render.html import render_html


def render_pdf(doc: Document, tables: list[Table]) -> bytes:
    # WeasyPrint logs every CSS property it does not know at WARNING.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from weasyprint import HTML

    html = render_html(doc, tables, print_layout=True)
    created = doc.masthead["symbol"]
    pdf = HTML(string=html).write_pdf(
        custom_metadata=False,
        uncompressed_pdf=False,
        pdf_identifier=created.encode("utf-8"),
    )
    return pdf
