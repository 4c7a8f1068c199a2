"""A consultation's outcome as DOCX and XLSX: each paragraph, its published
comments by stakeholder category and its synthesis (registered exporters)."""

from __future__ import annotations

from typing import Any, BinaryIO

from django.shortcuts import get_object_or_404

from partnerships.core.actor import Actor
from partnerships.core.exporters import Exporter, register
from partnerships.stakeholders.models import Consultation
from partnerships.stakeholders.selectors import ParagraphView, paragraph_views

HEADER = [
    "paragraph",
    "stakeholder_category",
    "organisation",
    "kind",
    "comment",
    "proposed_text",
]


def _outcome(
    actor: Actor, options: dict[str, Any]
) -> tuple[Consultation, list[ParagraphView]]:
    consultation = get_object_or_404(Consultation, key=options["consultation"])
    return consultation, paragraph_views(actor, consultation, published_only=True)


class _Outcome(Exporter):
    def filename(self, **options: Any) -> str:
        return f"consultation-{options['consultation']}.{self.extension}"


@register
class OutcomeDocx(_Outcome):
    identifier = "consultation-outcome-docx"
    verbose_name = "Outcome of a consultation (DOCX)"
    extension = "docx"
    mimetype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    def write(self, stream: BinaryIO, actor: Actor, **options: Any) -> int:
        import docx

        consultation, views = _outcome(actor, options)
        document = docx.Document()
        document.add_heading(consultation.title, level=1)
        if consultation.synthesis:
            document.add_paragraph(consultation.synthesis)
        count = 0
        for view in views:
            document.add_heading(f"¶ {view.paragraph.number}", level=2)
            document.add_paragraph(view.paragraph.text, style="Quote")
            if view.paragraph.synthesis:
                document.add_paragraph(view.paragraph.synthesis)
            for label, comments in view.by_group:
                document.add_heading(label, level=3)
                for c in comments:
                    line = f"{c.organisation_name} ({c.get_kind_display()}): {c.text}"
                    if c.proposed_text:
                        line += f" → {c.proposed_text}"
                    document.add_paragraph(line, style="List Bullet")
                    count += 1
        document.save(stream)
        return count


@register
class OutcomeXlsx(_Outcome):
    identifier = "consultation-outcome-xlsx"
    verbose_name = "Comments of a consultation (XLSX)"
    extension = "xlsx"
    mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def write(self, stream: BinaryIO, actor: Actor, **options: Any) -> int:
        from openpyxl import Workbook

        consultation, views = _outcome(actor, options)
        book = Workbook()
        sheet = book.active
        sheet.title = "comments"
        sheet.append(HEADER)
        count = 0
        for view in views:
            for _label, comments in view.by_group:
                for c in comments:
                    sheet.append(
                        [
                            view.paragraph.number,
                            c.group,
                            c.organisation_name,
                            c.kind,
                            c.text,
                            c.proposed_text,
                        ]
                    )
                    count += 1
        synthesis = book.create_sheet("synthesis")
        synthesis.append(["paragraph", "synthesis"])
        synthesis.append(["", consultation.synthesis])
        for view in views:
            synthesis.append([view.paragraph.number, view.paragraph.synthesis])
        book.save(stream)
        return count
