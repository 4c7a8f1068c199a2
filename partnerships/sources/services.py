"""Writes to source documents, passages and evidence."""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnerships.cooperation.models import Engagement, Participation
from partnerships.core.upsert import save_if_changed
from partnerships.registry.models import Organisation
from partnerships.sources.models import Evidence, Passage, SourceDocument


def document_upsert(
    *, symbol: str, values: dict[str, Any], reason: str = ""
) -> tuple[SourceDocument, bool]:
    return save_if_changed(
        SourceDocument, lookup={"symbol": symbol}, values=values, reason=reason
    )


def passage_upsert(
    *, document: SourceDocument, number: int, values: dict[str, Any], reason: str = ""
) -> tuple[Passage, bool]:
    return save_if_changed(
        Passage,
        lookup={"document": document, "number": number},
        values=values,
        reason=reason,
    )


def evidence_ensure(
    *,
    passage: Passage,
    engagement: Engagement | None = None,
    participation: Participation | None = None,
    organisation: Organisation | None = None,
    quote: str = "",
    reason: str = "",
) -> tuple[Evidence, bool]:
    return save_if_changed(
        Evidence,
        lookup={
            "passage": passage,
            "engagement": engagement,
            "participation": participation,
            "organisation": organisation,
        },
        values={"quote": quote},
        reason=reason,
    )


def parse_date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
