"""What an actor may see of source documents, their passages and the evidence."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from partnerships.cooperation.visibility import (
    engagements_visible_to,
    participations_visible_to,
)
from partnerships.core.actor import Actor
from partnerships.registry.visibility import organisations_visible_to
from partnerships.sources.models import Evidence, Passage, SourceDocument


def documents_visible_to(actor: Actor) -> QuerySet[SourceDocument]:
    if actor.is_admin:
        return SourceDocument.objects.all()
    return SourceDocument.objects.filter(is_published=True)


def documents_shown_to(actor: Actor) -> QuerySet[SourceDocument]:
    """The documents listed and found by their symbol: of each symbol's
    revisions the current one (an unpublished new revision waits on its
    reading's page; earlier ones stay readable through the evidence cited
    from them)."""
    return documents_visible_to(actor).filter(is_current=True)


def passages_visible_to(actor: Actor) -> QuerySet[Passage]:
    return Passage.objects.filter(document__in=documents_visible_to(actor))


def evidence_visible_to(actor: Actor) -> QuerySet[Evidence]:
    return Evidence.objects.filter(passage__in=passages_visible_to(actor)).filter(
        Q(engagement__in=engagements_visible_to(actor))
        | Q(participation__in=participations_visible_to(actor))
        | Q(organisation__in=organisations_visible_to(actor))
    )
