"""Who sees and acts on stakeholder records (docs/stakeholders.md).

Applications are staff business: an administrator sees all, an editor those in
its charge (the organisation's kind among its categories, or its country in its
regions, as for organisations in `registry/visibility.py`). An applicant sees its
own application only, through the secret link it was given, never through a
role. Uploads are never public. Accreditations are public once granted.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.db.models import Q, QuerySet
from django.utils import timezone

from partnerships.core.actor import Actor
from partnerships.registry.visibility import organisations_visible_to
from partnerships.stakeholders.models import (
    Accreditation,
    Application,
    Audience,
    Comment,
    Consultation,
    Moderation,
)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def application_in_charge(actor: Actor) -> Q:
    return Q(category__in=actor.categories) | Q(
        country__un_subregion__in=actor.subregions
    )


def applications_visible_to(actor: Actor) -> QuerySet[Application]:
    everything = Application.objects.select_related("session", "country")
    if actor.is_admin:
        return everything
    if actor.is_editor:
        return everything.filter(application_in_charge(actor))
    return everything.none()


def can_review(actor: Actor, application: Application) -> bool:
    return applications_visible_to(actor).filter(pk=application.pk).exists()


def application_for_token(token: str) -> Application | None:
    """The applicant's own application: the secret link is the only key."""
    if not token:
        return None
    return Application.objects.filter(token_hash=token_hash(token)).first()


def accreditations_visible_to(actor: Actor) -> QuerySet[Accreditation]:
    """Granted accreditations of organisations the reader may see."""
    return Accreditation.objects.filter(
        organisation__in=organisations_visible_to(actor)
    ).select_related("organisation", "session", "organisation__country")


def consultation_is_open(consultation: Consultation, today: dt.date) -> bool:
    if consultation.deadline is None:  # recorded after the fact
        return False
    starts = consultation.opens_on or today
    return starts <= today <= consultation.deadline


def can_comment(actor: Actor, consultation: Consultation) -> bool:
    """Open, and the audience includes the actor: anyone for a public one; an
    accredited organisation's focal point; an invited organisation's."""
    if not consultation_is_open(consultation, timezone.localdate()):
        return False
    if consultation.audience == Audience.PUBLIC:
        return True
    org = actor.organisation_id
    if not org:
        return False
    if consultation.audience == Audience.ACCREDITED:
        return Accreditation.objects.filter(organisation_id=org).exists()
    return consultation.invited.filter(pk=org).exists()


def comments_visible_to(actor: Actor, consultation: Consultation) -> QuerySet[Comment]:
    """Staff see every comment; others the published ones, without their authors."""
    comments = Comment.objects.filter(paragraph__consultation=consultation)
    if actor.is_staff_role:
        return comments
    return comments.filter(status=Moderation.APPROVED).defer("author_name")
