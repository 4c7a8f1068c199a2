"""Consultations: publishing a draft, commenting, moderating, the synthesis.

A consultation is an engagement of kind "consultation" (created through
`engagement_create`), unless staff attach it to one the registry already holds. When staff
publish a comment made in an organisation's name, that organisation is recorded
as a participant of the engagement (`participation_ensure`) and the comment,
kept as a passage of the consultation's comments document (`document_upsert`,
`passage_upsert`), is cited as the evidence of it (`evidence_ensure`)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partnerships.cooperation.models import Engagement, Kind, Role, Status
from partnerships.cooperation.services import engagement_create, participation_ensure
from partnerships.core.actor import Actor
from partnerships.core.errors import NotAllowed
from partnerships.core.versioned import audited_save
from partnerships.registry.models import Organisation
from partnerships.sources.models import SourceDocument
from partnerships.sources.services import (
    document_upsert,
    evidence_ensure,
    passage_upsert,
)
from partnerships.stakeholders.drafts import DraftParagraph
from partnerships.stakeholders.models import (
    Comment,
    Consultation,
    Moderation,
    Paragraph,
)
from partnerships.stakeholders.visibility import can_comment

COMMENT_FIELDS = {
    "organisation_name",
    "group",
    "kind",
    "text",
    "proposed_text",
    "author_name",
}


def consultation_publish(
    *,
    actor: Actor,
    key: str,
    title: str,
    deadline: dt.date | None,
    paragraphs: list[DraftParagraph],
    audience: str = "public",
    invited: list[Organisation] | None = None,
    opens_on: dt.date | None = None,
    engagement: Engagement | None = None,
) -> Consultation:
    """A consultation; `engagement` names the one it already is in the registry."""
    if not actor.is_staff_role:
        raise NotAllowed(_("Only editors and administrators publish consultations."))
    if not paragraphs:
        raise ValidationError(_("The draft has no paragraph."))
    with transaction.atomic():
        engagement = engagement or engagement_create(
            actor=actor,
            key=f"consultation-{key}",
            changes={
                "kind": Kind.CONSULTATION,
                "status": Status.ONGOING,
                "title_en": title,
                "start": (opens_on or dt.date.today()).isoformat(),
                "end": deadline.isoformat() if deadline else "",
            },
            reason="consultation published",
        )
        consultation = Consultation(
            key=key,
            title=title,
            audience=audience,
            deadline=deadline,
            opens_on=opens_on,
            engagement=engagement,
        )
        audited_save(consultation, actor=actor, reason="published")
        consultation.invited.set(invited or [])
        for p in paragraphs:
            paragraph = Paragraph(
                consultation=consultation,
                number=p.number,
                heading=p.heading,
                text=p.text,
            )
            audited_save(paragraph, actor=actor, reason="published")
    return consultation


def comment_add(
    *, actor: Actor, paragraph: Paragraph, values: dict[str, str]
) -> Comment:
    """A comment waits for moderation. A signed-in focal point comments in its
    organisation's name; others name the organisation they write for."""
    consultation = paragraph.consultation
    if not can_comment(actor, consultation):
        raise NotAllowed(_("This consultation is not open to you."))
    if refused := set(values) - COMMENT_FIELDS:
        raise ValidationError(_("Unknown fields: %(f)s") % {"f": ", ".join(refused)})
    comment = Comment(paragraph=paragraph, **values)
    if actor.organisation_id:
        comment.organisation = Organisation.objects.get(pk=actor.organisation_id)
        comment.organisation_name = str(comment.organisation)
    audited_save(comment, actor=actor, reason="commented")
    return comment


def _comments_document(actor: Actor, consultation: Consultation) -> SourceDocument:
    document, _written = document_upsert(
        actor=actor,
        symbol=f"CONSULTATION/{consultation.key}/COMMENTS"[:100],
        values={
            "language": "en",
            "title_en": f"Comments on {consultation.title}",
            "date": consultation.deadline,
            "body": "consultation",
        },
        reason="comments of a consultation",
    )
    return document


def _cite(actor: Actor, comment: Comment) -> None:
    consultation = comment.paragraph.consultation
    participation, _written = participation_ensure(
        actor=actor,
        engagement=consultation.engagement,
        organisation=comment.organisation,
        role=Role.PARTICIPANT,
        reason=f"commented on ¶{comment.paragraph.number}",
    )
    passage, _written = passage_upsert(
        actor=actor,
        document=_comments_document(actor, consultation),
        number=comment.pk,
        values={
            "text": comment.text,
            "section": str(comment.paragraph.number),
        },
        reason="comment published",
    )
    evidence_ensure(
        actor=actor,
        passage=passage,
        participation=participation,
        quote=comment.text[:500],
        reason="comment published",
    )


def comment_moderate(
    *, actor: Actor, comment: Comment, publish: bool, organisation_key: str = ""
) -> Comment:
    if not actor.is_staff_role:
        raise NotAllowed(_("Only editors and administrators moderate comments."))
    with transaction.atomic():
        if organisation_key:
            comment.organisation = Organisation.objects.filter(
                key=organisation_key, deleted_at__isnull=True
            ).first()
            if comment.organisation is None:
                raise ValidationError(
                    _("No organisation has the key %(k)s.") % {"k": organisation_key}
                )
        comment.status = Moderation.APPROVED if publish else Moderation.REJECTED
        audited_save(comment, actor=actor, reason=comment.status)
        if publish and comment.organisation_id:
            _cite(actor, comment)
    return comment


def synthesis_save(
    *, actor: Actor, target: Consultation | Paragraph, text: str
) -> None:
    if not actor.is_staff_role:
        raise NotAllowed(_("Only editors and administrators write the synthesis."))
    target.synthesis = text
    audited_save(target, actor=actor, reason="synthesis edited")


def author_erase(*, actor: Actor, comment: Comment, reason: str) -> None:
    """Erase, on request, the name a commenter gave, from the comment and from
    its history, leaving an audited row that says who erased it and why."""
    if not actor.is_staff_role:
        raise NotAllowed(_("Only editors and administrators moderate comments."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for the erasure."))
    with transaction.atomic():
        Comment.history.filter(id=comment.pk).update(author_name="")
        comment.author_name = ""
        audited_save(comment, actor=actor, reason=f"author's name erased: {reason}")
