"""Every write to source documents, passages and evidence, each audited with its
actor. A published document and its passages are changed only by an administrator
or a system actor (a loader)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerships.cooperation.models import Engagement, Participation
from partnerships.cooperation.services import touch_engagement, with_reason
from partnerships.cooperation.visibility import can_fill_in
from partnerships.core.actor import Actor, can_create
from partnerships.core.errors import NotAllowed
from partnerships.core.upsert import save_if_changed
from partnerships.core.versioned import audited_save
from partnerships.registry.models import Organisation
from partnerships.sources.models import Evidence, Passage, SourceDocument


def _added_by(actor: Actor, document: SourceDocument) -> bool:
    return (
        bool(actor.user_id)
        and document.history.filter(
            history_type="+", history_user_id=actor.user_id
        ).exists()
    )


def _check(actor: Actor, document: SourceDocument | None) -> None:
    """Staff add documents; a published one is changed only by an administrator,
    a loader or the person who added it (a new version of someone else's document
    is a new document)."""
    if actor.is_admin:
        return
    if not can_create(actor):
        raise NotAllowed("Only editors and administrators add source documents.")
    if (
        document is not None
        and document.is_published
        and not _added_by(actor, document)
    ):
        raise NotAllowed(
            f"The document {document.symbol} is published: only an administrator "
            "may change it. Give the new version a symbol of its own."
        )


def _check_citing(actor: Actor, engagement: Engagement | None) -> None:
    """Citing a passage for an engagement changes that engagement; for an
    organisation, it is what staff do when they create or review one."""
    if engagement is not None and not can_fill_in(actor, engagement):
        raise NotAllowed(f"You may not change the engagement {engagement.key}.")
    if not can_create(actor):
        raise NotAllowed("Only editors and administrators cite passages.")


def _unchanged(obj: Any, values: dict[str, Any]) -> bool:
    return obj is not None and all(getattr(obj, k) == v for k, v in values.items())


def document_upsert(
    *, actor: Actor, symbol: str, values: dict[str, Any], reason: str = ""
) -> tuple[SourceDocument, bool]:
    found = SourceDocument.objects.filter(symbol=symbol).first()
    if _unchanged(found, values):
        return found, False
    _check(actor, found)
    return save_if_changed(
        SourceDocument,
        lookup={"symbol": symbol},
        values=values,
        actor=actor,
        reason=reason,
    )


def passage_upsert(
    *,
    actor: Actor,
    document: SourceDocument,
    number: int,
    values: dict[str, Any],
    reason: str = "",
) -> tuple[Passage, bool]:
    found = Passage.objects.filter(document=document, number=number).first()
    if _unchanged(found, values):
        return found, False
    _check(actor, document)
    return save_if_changed(
        Passage,
        lookup={"document": document, "number": number},
        values=values,
        actor=actor,
        reason=reason,
    )


def evidence_ensure(
    *,
    actor: Actor,
    passage: Passage,
    engagement: Engagement | None = None,
    participation: Participation | None = None,
    organisation: Organisation | None = None,
    quote: str = "",
    reason: str = "",
) -> tuple[Evidence, bool]:
    _check_citing(actor, engagement or (participation and participation.engagement))
    return save_if_changed(
        Evidence,
        lookup={
            "passage": passage,
            "engagement": engagement,
            "participation": participation,
            "organisation": organisation,
        },
        values={"quote": quote},
        actor=actor,
        reason=reason,
    )


def evidence_add(
    *,
    actor: Actor,
    engagement: Engagement,
    expected_version: int,
    symbol: str,
    number: int,
    quote: str = "",
    reason: str = "",
) -> Evidence:
    passage = Passage.objects.filter(document__symbol=symbol, number=number).first()
    if passage is None:
        raise ValidationError(
            {"passage": f"Document {symbol!r} has no paragraph {number}."}
        )
    if Evidence.objects.filter(passage=passage, engagement=engagement).exists():
        raise ValidationError({"passage": "This passage is already cited."})
    with transaction.atomic():
        touch_engagement(
            actor,
            engagement,
            expected_version,
            with_reason(f"evidence {symbol} ¶{number} added", reason),
        )
        evidence = Evidence(passage=passage, engagement=engagement, quote=quote)
        audited_save(evidence, actor=actor, reason="added")
        return evidence


def parse_date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
