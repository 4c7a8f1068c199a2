"""Merging two organisations moves their stakeholder records: applications,
accreditations, comments, memberships, trainees, meeting attendances and
invitations, each with the merge in its history, none left on the merged one."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps
from django.db import models

from partnerships.curation.merge import organisation_merge
from partnerships.curation.participants import merge_counts
from partnerships.registry.models import Organisation
from partnerships.stakeholders.drafts import DraftParagraph
from partnerships.stakeholders.models import (
    Accreditation,
    Application,
    Comment,
    Consultation,
    Meeting,
    Membership,
    Trainee,
)
from partnerships.stakeholders.services.applications import application_submit
from partnerships.stakeholders.services.bodies import (
    body_create,
    meeting_record,
    member_add,
    trainee_add,
    training_record,
)
from partnerships.stakeholders.services.consultations import (
    comment_add,
    comment_moderate,
    consultation_publish,
)
from partnerships.stakeholders.services.decisions import application_decide
from partnerships.stakeholders.services.sessions import session_upsert
from tests.factories import TESTER, organisation

pytestmark = pytest.mark.django_db


def _apply(session, name: str, decide_for: Organisation):
    application = application_submit(
        session=session,
        values={
            "name": name,
            "country": "KE",
            "category": "ngo",
            "group": "women",
            "description": "Women's land rights.",
            "contact_name": "A. Person",
            "contact_email": "person@example.org",
        },
        uploads=[],
        language="en",
        status_url=lambda token: f"https://example.org/{token}",
    )[0]
    return application_decide(
        actor=TESTER,
        application=application,
        accredit=True,
        reason="statutes in order",
        organisation_key=decide_for.key,
    )


def _records(source: Organisation, target: Organisation) -> dict[str, object]:
    """One record of each kind naming `source`; where the target already holds
    one for the same session, body or training, a twin as well."""
    ha1 = session_upsert(actor=TESTER, key="m-1", values={"title": "1", "body": "A"})
    ha2 = session_upsert(actor=TESTER, key="m-2", values={"title": "2", "body": "A"})
    _apply(ha1[0], "Women's Land Link", source)
    _apply(ha2[0], "Women's Land Link", source)
    _apply(ha2[0], "Women's Land Link Africa", target)  # twin for m-2
    body = body_create(actor=TESTER, key="sag", name="SAG", kind="forum", mandate="m")
    member_add(actor=TESTER, body=body, organisation=source, role="chair", group="ngo")
    other = body_create(actor=TESTER, key="yab", name="YAB", kind="forum", mandate="m")
    member_add(
        actor=TESTER, body=other, organisation=source, role="member", group="ngo"
    )
    member_add(
        actor=TESTER, body=other, organisation=target, role="member", group="ngo"
    )
    meeting_record(
        actor=TESTER, body=body, held_on=dt.date(2019, 5, 28), attendees=[source]
    )
    training = training_record(actor=TESTER, key="bkk", title="Bangkok")
    trainee_add(
        actor=TESTER, training=training, organisation=source, group="ngo", people=4
    )
    consultation = consultation_publish(
        actor=TESTER,
        key="plan",
        title="Plan",
        deadline=dt.date.today() + dt.timedelta(days=30),
        paragraphs=[DraftParagraph(1, "Text.")],
        invited=[source],
    )
    comment = comment_add(
        actor=TESTER,
        paragraph=consultation.paragraphs.get(),
        values={"organisation_name": "WLL", "group": "women", "kind": "support"}
        | {"text": "Yes."},
    )
    comment_moderate(
        actor=TESTER, comment=comment, publish=True, organisation_key=source.key
    )
    return {"training": training, "consultation": consultation}


def _naming(org: Organisation) -> dict[str, int]:
    """Every stakeholder record that names `org`, found from the models' own
    fields (not from the merge's list of what it moves)."""
    found = {}
    for model in apps.get_app_config("stakeholders").get_models():
        if model.__name__.startswith("Historical"):
            continue
        for field in model._meta.get_fields():
            if (
                isinstance(field, models.ForeignKey | models.ManyToManyField)
                and field.related_model is Organisation
                and not field.auto_created
            ):
                n = model.objects.filter(**{field.name: org}).count()
                if n:
                    found[f"{model.__name__}.{field.name}"] = n
    return found


def test_a_merge_moves_every_stakeholder_record():
    source = organisation(key="WLL", en="Women's Land Link")
    target = organisation(key="WLLA", en="Women's Land Link Africa")
    made = _records(source, target)
    assert merge_counts(source) == {
        "stakeholders.applications": 2,
        "stakeholders.comments": 1,
        "stakeholders.accreditations": 2,
        "stakeholders.memberships": 2,
        "stakeholders.trainees": 1,
        "stakeholders.meeting_attendances": 1,
        "stakeholders.consultation_invitations": 1,
    }
    before = _naming(source)
    assert set(before) == {
        "Application.organisation",
        "Accreditation.organisation",
        "Comment.organisation",
        "Membership.organisation",
        "Trainee.organisation",
        "Meeting.attendees",
        "Consultation.invited",
    }
    organisation_merge(actor=TESTER, source=source, target=target, expected_version=1)
    assert _naming(source) == {}
    assert Application.objects.filter(organisation=target).count() == 3
    # m-1 moved; m-2 was held by both: the target keeps its own.
    assert sorted(
        Accreditation.objects.filter(organisation=target).values_list(
            "session__key", flat=True
        )
    ) == ["m-1", "m-2"]
    assert Membership.objects.get(body__key="sag").organisation == target
    assert Membership.objects.filter(body__key="yab").count() == 1
    assert Trainee.objects.get(training=made["training"]).organisation == target
    assert list(Meeting.objects.get().attendees.all()) == [target]
    assert list(made["consultation"].invited.all()) == [target]
    comment = Comment.objects.get()
    assert (comment.organisation, comment.organisation_name) == (target, "WLL")


def test_each_moved_record_tells_the_merge_in_its_history():
    source = organisation(key="WLL", en="Women's Land Link")
    target = organisation(key="WLLA", en="Women's Land Link Africa")
    made = _records(source, target)
    organisation_merge(
        actor=TESTER, source=source, target=target, expected_version=1, reason="dup"
    )
    said = "merged WLL into WLLA: dup"
    for record in (
        Comment.objects.get(),
        Membership.objects.get(body__key="sag"),
        Trainee.objects.get(training=made["training"]),
        Accreditation.objects.get(session__key="m-1"),
        Application.objects.filter(session__key="m-1").first(),
    ):
        assert record.history.first().history_change_reason == said, record
    meeting = Meeting.objects.get().history.first()
    assert meeting.history_change_reason == said
    assert [a.organisation_id for a in meeting.attendees.all()] == [target.pk]
    gone = Membership.history.filter(body__key="yab", history_type="-").get()
    assert gone.history_change_reason == said
    assert Consultation.objects.get(pk=made["consultation"].pk).invited.get() == target
