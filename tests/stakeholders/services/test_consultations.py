"""Who may comment on a consultation: its audience and its dates."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerships.accounts.actors import actor_for
from partnerships.core.errors import NotAllowed
from partnerships.registry.models import Organisation
from partnerships.stakeholders.drafts import DraftParagraph
from partnerships.stakeholders.models import Accreditation
from partnerships.stakeholders.services.consultations import (
    comment_add,
    consultation_publish,
)
from tests.factories import TESTER

COMMENT = {"organisation_name": "x", "group": "ngo", "kind": "concern", "text": "?"}


def _consultation(audience, deadline=None, **extra):
    return consultation_publish(
        actor=TESTER,
        key=f"c-{audience}",
        title="Draft",
        audience=audience,
        deadline=deadline or dt.date.today() + dt.timedelta(days=3),
        paragraphs=[DraftParagraph(1, "One.")],
        **extra,
    )


def test_an_accredited_organisations_focal_point_may_comment(cast, session):
    paragraph = _consultation("accredited").paragraphs.get()
    focal = actor_for(cast["focal-point"])
    with pytest.raises(NotAllowed):
        comment_add(actor=focal, paragraph=paragraph, values=COMMENT)
    Accreditation.objects.create(
        organisation=Organisation.objects.get(key="ITDP"), session=session, group="ngo"
    )
    comment = comment_add(actor=focal, paragraph=paragraph, values=COMMENT)
    assert (comment.organisation.key, comment.status) == ("ITDP", "pending")


def test_the_public_may_not_comment_on_an_accredited_consultation(db):
    paragraph = _consultation("accredited").paragraphs.get()
    with pytest.raises(NotAllowed):
        comment_add(actor=actor_for(None), paragraph=paragraph, values=COMMENT)


def test_nobody_comments_after_the_deadline(db):
    today = dt.date.today()
    paragraph = _consultation(
        "public",
        deadline=today - dt.timedelta(days=1),
        opens_on=today - dt.timedelta(days=8),
    ).paragraphs.get()
    with pytest.raises(NotAllowed):
        comment_add(actor=actor_for(None), paragraph=paragraph, values=COMMENT)


def test_an_invited_organisation_may_comment(cast):
    itdp = Organisation.objects.get(key="ITDP")
    paragraph = _consultation("named", invited=[itdp]).paragraphs.get()
    comment = comment_add(
        actor=actor_for(cast["focal-point"]), paragraph=paragraph, values=COMMENT
    )
    assert comment.organisation == itdp


def test_only_staff_publish_consultations(cast):
    with pytest.raises(NotAllowed):
        consultation_publish(
            actor=actor_for(cast["focal-point"]),
            key="nope",
            title="Draft",
            deadline=dt.date.today(),
            paragraphs=[DraftParagraph(1, "One.")],
        )
