"""Reads for the stakeholder pages and exports."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from partnerships.core.actor import Actor
from partnerships.stakeholders.groups import StakeholderGroup
from partnerships.stakeholders.models import (
    Comment,
    Consultation,
    Moderation,
    Paragraph,
)
from partnerships.stakeholders.visibility import comments_visible_to


@dataclass
class ParagraphView:
    paragraph: Paragraph
    # (stakeholder category label, its comments), categories in codelist order.
    by_group: list[tuple[str, list[Comment]]] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)


def paragraph_views(
    actor: Actor, consultation: Consultation, published_only: bool = False
) -> list[ParagraphView]:
    comments = comments_visible_to(actor, consultation)
    if published_only:
        comments = comments.filter(status=Moderation.APPROVED)
    per_paragraph: dict[int, list[Comment]] = {}
    for comment in comments.order_by("written_at", "id"):
        per_paragraph.setdefault(comment.paragraph_id, []).append(comment)
    views = []
    for paragraph in consultation.paragraphs.all():
        mine = per_paragraph.get(paragraph.pk, [])
        view = ParagraphView(paragraph, kinds=Counter(c.kind for c in mine))
        for code, label in StakeholderGroup.choices:
            if grouped := [c for c in mine if c.group == code]:
                view.by_group.append((str(label), grouped))
        views.append(view)
    return views
