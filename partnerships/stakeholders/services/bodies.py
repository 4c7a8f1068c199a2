"""Advisory bodies, forums and their meetings; monitoring trainings.

Each is an engagement created through `engagement_create` (a body: kind
"network"; a meeting, under its body: "event"; a training: "event", with the SDG
targets of the indicators it covers); members, attendees, organisers, funders and
trainee organisations are participations (`participation_ensure`), places
`place_ensure`. A member takes part in its body's engagement in its role (chair,
member, observer), and attends a meeting in that role too; an attendee who is
not a member is a participant of the meeting. Only staff record them."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partnerships.cooperation.models import Engagement, Kind, Role, Status
from partnerships.cooperation.services import (
    PlaceSpec,
    engagement_create,
    participation_ensure,
    place_ensure,
)
from partnerships.cooperation.visibility import engagements_visible_to
from partnerships.core.actor import Actor
from partnerships.core.errors import NotAllowed
from partnerships.core.versioned import audited_save
from partnerships.reference.models import SdgIndicator
from partnerships.registry.models import Organisation
from partnerships.stakeholders.models import (
    Body,
    Meeting,
    MeetingDocument,
    MemberRole,
    Membership,
    Seat,
    Trainee,
    Training,
)
from partnerships.stakeholders.services.uploads import upload_store

MEMBER_ROLES = {
    MemberRole.CHAIR: Role.CHAIR,
    MemberRole.MEMBER: Role.MEMBER,
    MemberRole.OBSERVER: Role.OBSERVER,
}


def _staff(actor: Actor) -> None:
    if not actor.is_staff_role:
        raise NotAllowed(_("Only editors and administrators record this."))


def _take_part(
    actor: Actor, engagement: Engagement, orgs: list[Organisation], role: str
) -> None:
    for org in orgs:
        participation_ensure(
            actor=actor,
            engagement=engagement,
            organisation=org,
            role=role,
            reason=f"{role} recorded",
        )


def _place(
    actor: Actor, engagement: Engagement, country: str | None, city: str
) -> None:
    if country:
        place_ensure(
            actor=actor,
            engagement=engagement,
            spec=PlaceSpec(country=country, city={"en": city} if city else {}),
            reason="place recorded",
        )


def body_create(
    *,
    actor: Actor,
    key: str,
    name: str,
    kind: str,
    mandate: str,
    seats: dict[str, int] | None = None,
    established: dt.date | None = None,
    engagement: Engagement | None = None,
) -> Body:
    """A body; `engagement` names the one it already is in the registry."""
    _staff(actor)
    with transaction.atomic():
        engagement = engagement or engagement_create(
            actor=actor,
            key=f"body-{key}",
            changes={
                "kind": Kind.NETWORK,
                "status": Status.ONGOING,
                "title_en": name,
                "summary_en": mandate,
                "start": established.isoformat() if established else "",
            },
            reason="stakeholder body",
        )
        body = Body(
            key=key, name=name, kind=kind, mandate=mandate, engagement=engagement
        )
        audited_save(body, actor=actor, reason="created")
        for group, number in (seats or {}).items():
            audited_save(
                Seat(body=body, group=group, number=number), actor=actor, reason="seats"
            )
    return body


def member_add(
    *,
    actor: Actor,
    body: Body,
    organisation: Organisation,
    role: str,
    group: str,
    term_start: dt.date | None = None,
    term_end: dt.date | None = None,
) -> Membership:
    _staff(actor)
    with transaction.atomic():
        member = Membership(
            body=body,
            organisation=organisation,
            role=role,
            group=group,
            term_start=term_start,
            term_end=term_end,
        )
        audited_save(member, actor=actor, reason="member added")
        _take_part(actor, body.engagement, [organisation], MEMBER_ROLES[role])
    return member


def term_renew(*, actor: Actor, member: Membership, until: dt.date) -> Membership:
    """Renew a member's term until `until`, which lies after the current end
    (and start) of the term; the renewal is counted."""
    _staff(actor)
    latest = member.term_end or member.term_start
    if latest and until <= latest:
        raise ValidationError(
            _("A renewed term ends after %(day)s.") % {"day": latest.isoformat()}
        )
    member.term_end = until
    member.renewed += 1
    audited_save(member, actor=actor, reason=f"term renewed until {until}")
    return member


def meeting_record(
    *,
    actor: Actor,
    body: Body,
    held_on: dt.date,
    attendees: list[Organisation],
    agenda: str = "",
    outcome: str = "",
    country: str | None = None,
    city: str = "",
) -> Meeting:
    _staff(actor)
    with transaction.atomic():
        engagement = engagement_create(
            actor=actor,
            key=f"body-{body.key}-{held_on.isoformat()}",
            changes={
                "kind": Kind.EVENT,
                "status": Status.COMPLETED,
                "title_en": f"{body.name}, meeting of {held_on.isoformat()}",
                "summary_en": outcome,
                "start": held_on.isoformat(),
                "parent": body.engagement,
            },
            reason="meeting recorded",
        )
        meeting = Meeting(
            body=body,
            held_on=held_on,
            agenda=agenda,
            outcome=outcome,
            country_id=country,
            city=city,
            engagement=engagement,
        )
        audited_save(meeting, actor=actor, reason="meeting recorded")
        _place(actor, engagement, country, city)
        _attend(actor, meeting, attendees)
    return meeting


def _attend(actor: Actor, meeting: Meeting, attendees: list[Organisation]) -> None:
    meeting.attendees.add(*attendees)
    roles = dict(meeting.body.members.values_list("organisation_id", "role"))
    for org in attendees:
        role = MEMBER_ROLES.get(roles.get(org.pk, ""), Role.PARTICIPANT)
        _take_part(actor, meeting.engagement, [org], role)


def meeting_attendees_add(
    *, actor: Actor, meeting: Meeting, attendees: list[Organisation]
) -> Meeting:
    """More organisations attending a meeting already recorded, each taking part
    as `meeting_record` says (a member in its role, others as participants)."""
    _staff(actor)
    with transaction.atomic():
        # The save marks who and why; the list's change writes the history row.
        audited_save(meeting, actor=actor, reason="attendees added")
        _attend(actor, meeting, attendees)
    return meeting


def training_record(
    *,
    actor: Actor,
    key: str,
    title: str,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    country: str | None = None,
    city: str = "",
    indicators: list[str] | None = None,
    organisers: list[Organisation] | None = None,
    funders: list[Organisation] | None = None,
    feedback: str = "",
    engagement: Engagement | None = None,
) -> Training:
    """A training; `engagement` names the one it already is in the registry."""
    _staff(actor)
    covered = list(SdgIndicator.objects.filter(code__in=indicators or []))
    with transaction.atomic():
        engagement = engagement or engagement_create(
            actor=actor,
            key=f"training-{key}",
            changes={
                "kind": Kind.EVENT,
                "status": Status.COMPLETED,
                "title_en": title,
                "start": starts_on.isoformat() if starts_on else "",
                "end": ends_on.isoformat() if ends_on else "",
                "sdg_targets": sorted({i.target_id for i in covered}),
            },
            reason="training recorded",
        )
        training = Training(
            key=key,
            title=title,
            starts_on=starts_on,
            ends_on=ends_on,
            country_id=country,
            city=city,
            feedback=feedback,
            engagement=engagement,
        )
        audited_save(training, actor=actor, reason="training recorded")
        training.indicators.set(covered)
        if training.engagement.key == f"training-{key}":
            # A new engagement gets its place; one from the registry has its own.
            _place(actor, engagement, country, city)
        _take_part(actor, engagement, organisers or [], Role.ORGANISER)
        _take_part(actor, engagement, funders or [], Role.FUNDER)
    return training


def trainee_add(
    *,
    actor: Actor,
    training: Training,
    organisation: Organisation,
    group: str,
    people: int | None = None,
) -> Trainee:
    _staff(actor)
    with transaction.atomic():
        trainee = Trainee(
            training=training, organisation=organisation, group=group, people=people
        )
        audited_save(trainee, actor=actor, reason="participant recorded")
        _take_part(actor, training.engagement, [organisation], Role.PARTICIPANT)
    return trainee


def term_renew_by_key(
    *, actor: Actor, body: Body, organisation: Organisation, until: dt.date
) -> Membership:
    """The renewal of the staff page, which names the member by its organisation."""
    member = body.members.filter(organisation=organisation).first()
    if member is None:
        raise ValidationError(
            _("%(org)s is not a member of this body.") % {"org": organisation.key}
        )
    return term_renew(actor=actor, member=member, until=until)


def meeting_document_add(
    *, actor: Actor, meeting: Meeting, kind: str, name: str, data: bytes
) -> MeetingDocument:
    """Attach a document (agenda, outcome, other) to a meeting: staff in charge
    of the meeting's engagement only; the file is checked and kept as the
    applicants' documents are (`uploads.upload_store`)."""
    _staff(actor)
    if not engagements_visible_to(actor).filter(pk=meeting.engagement_id).exists():
        raise NotAllowed(_("Only editors and administrators record this."))
    document = MeetingDocument(meeting=meeting, kind=kind, uploaded_by_id=actor.user_id)
    upload_store(document, actor=actor, name=name, data=data, reason=f"{kind} uploaded")
    return document
