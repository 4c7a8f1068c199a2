"""Every write to source documents, passages and evidence, each audited with its
actor. A published document and its passages are changed only by an administrator,
a system actor (a loader) or who added it; an upload never changes one, it makes
a new revision (`document_revision_create`) that waits for `document_publish`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from partnerships.cooperation.models import Engagement, Participation
from partnerships.cooperation.services import touch_engagement, with_reason
from partnerships.cooperation.visibility import can_fill_in
from partnerships.core.actor import Actor, can_create
from partnerships.core.errors import NotAllowed
from partnerships.core.upsert import save_if_changed
from partnerships.core.versioned import audited_save
from partnerships.registry.models import Organisation
from partnerships.sources.models import Evidence, Passage, SourceDocument
from partnerships.sources.selectors import passage_for


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
        raise NotAllowed(_("Only editors and administrators add source documents."))
    if (
        document is not None
        and document.is_published
        and not _added_by(actor, document)
    ):
        raise NotAllowed(
            _(
                "The document %(symbol)s is published: only an administrator "
                "may change it. Upload the new version: it becomes a new "
                "revision, published once reviewed."
            )
            % {"symbol": document.symbol}
        )


def _check_citing(actor: Actor, engagement: Engagement | None) -> None:
    """Citing a passage for an engagement changes that engagement; for an
    organisation, it is what staff do when they create or review one."""
    if engagement is not None and not can_fill_in(actor, engagement):
        raise NotAllowed(
            _("You may not change the engagement %(key)s.") % {"key": engagement.key}
        )
    if not can_create(actor):
        raise NotAllowed(_("Only editors and administrators cite passages."))


def _unchanged(obj: Any, values: dict[str, Any]) -> bool:
    return obj is not None and all(getattr(obj, k) == v for k, v in values.items())


def document_upsert(
    *, actor: Actor, symbol: str, values: dict[str, Any], reason: str = ""
) -> tuple[SourceDocument, bool]:
    """Create or change the current revision of the document `symbol` (of its
    version in `values["language"]` when given: each language has its own)."""
    return _document_upsert(
        actor,
        {"symbol": symbol, "is_current": True, **_language(values)},
        values,
        reason,
    )


def document_revision_load(
    *,
    actor: Actor,
    symbol: str,
    revision: int,
    values: dict[str, Any],
    reason: str = "",
) -> tuple[SourceDocument, bool]:
    """Create or change one revision of a document as a loader has it (a dump
    names each revision, which it replaces and whether it is current)."""
    return _document_upsert(
        actor,
        {"symbol": symbol, "revision": revision, **_language(values)},
        values,
        reason,
    )


def _language(values: dict[str, Any]) -> dict[str, str]:
    """The language version a write names, as part of its lookup."""
    return {"language": values["language"]} if values.get("language") else {}


def _document_upsert(
    actor: Actor, lookup: dict[str, Any], values: dict[str, Any], reason: str
) -> tuple[SourceDocument, bool]:
    found = SourceDocument.objects.filter(**lookup).first()
    if _unchanged(found, values):
        return found, False
    _check(actor, found)
    return save_if_changed(
        SourceDocument, lookup=lookup, values=values, actor=actor, reason=reason
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
    passage = passage_for(
        symbol, number, within=SourceDocument.objects.filter(is_current=True)
    )
    if passage is None:
        raise ValidationError(
            {
                "passage": _("Document %(symbol)s has no paragraph %(number)s.")
                % {"symbol": symbol, "number": number}
            }
        )
    if Evidence.objects.filter(passage=passage, engagement=engagement).exists():
        raise ValidationError({"passage": _("This passage is already cited.")})
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


# --- Revisions: the only way an upload reaches a document already known -----------

KEPT = (
    "original_language",
    "date",
    "period_start",
    "period_end",
    "body",
    "session",
    "agenda_item",
    "distribution",
    "metadata",
)


def _first_added_by(actor: Actor, document: SourceDocument) -> bool:
    """Whether the actor (a person) added the first revision of the document's
    symbol, in whichever language came first: a person's new language version
    of a document someone else added (the seed's) waits for an administrator."""
    first = SourceDocument.objects.filter(symbol=document.symbol).order_by("pk").first()
    return (
        first is not None
        and bool(actor.user_id)
        and first.history.filter(
            history_type="+", history_user_id=actor.user_id
        ).exists()
    )


def may_publish(actor: Actor, document: SourceDocument) -> bool:
    """Administrators publish any revision; an editor only those of a document
    whose first revision the editor added (the seed's and other people's
    documents wait for an administrator)."""
    if document.is_published and document.is_current:
        return False
    if actor.is_admin:
        return True
    return actor.is_editor and _first_added_by(actor, document)


def document_revision_create(
    *, actor: Actor, symbol: str, values: dict[str, Any], reason: str = ""
) -> SourceDocument:
    """A new document, or a new revision of a known one; never a change to one.

    A new symbol is published at once only when a process acts on its own
    authority (the command line's reader, a loader); a person's upload waits for
    `document_publish`. A new revision of a known symbol always waits."""
    if not can_create(actor):
        raise NotAllowed(_("Only editors and administrators add source documents."))
    with transaction.atomic():
        # Revisions are counted per language version of the symbol.
        known = SourceDocument.objects.select_for_update().filter(symbol=symbol)
        if values.get("language"):
            known = known.filter(language=values["language"])
        current = known.filter(is_current=True).first()
        document = SourceDocument(symbol=symbol, **values)
        if current is None:
            document.is_published = bool(actor.system) and actor.is_admin
            if not any(v for k, v in values.items() if k.startswith("title_")):
                setattr(document, f"title_{document.language}", symbol)
        else:
            for name in KEPT:
                if name not in values:
                    setattr(document, name, getattr(current, name))
            for name, value in vars(current).items():
                if name.startswith("title_") and name not in values and value:
                    setattr(document, name, value)
            document.revision = (known.aggregate(top=Max("revision"))["top"] or 0) + 1
            document.replaces, document.is_current = current, False
            document.is_published = False
        audited_save(document, actor=actor, reason=reason or "new revision")
    return document


def document_publish(
    *, actor: Actor, document: SourceDocument, reason: str = ""
) -> SourceDocument:
    """Make a reviewed revision the published, current one of its symbol. The
    revision it replaces is kept as it was, no longer current."""
    with transaction.atomic():
        document = SourceDocument.objects.select_for_update().get(pk=document.pk)
        if not may_publish(actor, document):
            raise NotAllowed(
                _(
                    "You may not publish %(document)s: an administrator publishes "
                    "a new revision of a document someone else added."
                )
                % {"document": document}
            )
        current = (
            SourceDocument.objects.select_for_update()
            .filter(symbol=document.symbol, language=document.language, is_current=True)
            .exclude(pk=document.pk)
            .first()
        )
        if current is not None and current.revision > document.revision:
            raise NotAllowed(
                _(
                    "%(current)s is already published; revision %(revision)s "
                    "is older and cannot replace it."
                )
                % {"current": current, "revision": document.revision}
            )
        if current is not None:
            current.is_current = False
            audited_save(
                current, actor=actor, reason=f"replaced by revision {document.revision}"
            )
        document.is_current = document.is_published = True
        audited_save(document, actor=actor, reason=reason or "published")
    return document
