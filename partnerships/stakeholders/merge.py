"""What a merge of two organisations moves among stakeholder records.

Registered with curation (`curation.participants`) in `AppConfig.ready`: the
merge calls `move` inside its transaction, after the participations (and so the
engagements of bodies, meetings, trainings and consultations) have moved. Every
record naming the merged organisation moves to the one that stays, saved with
the merge's reason in its history:

- applications and comments simply move (a comment keeps the name it was
  written under);
- an accreditation, a membership or a trainee moves unless the organisation
  that stays already holds one for the same session, body or training: then the
  merged one's is deleted (audited) and the one that stays keeps its own,
  taking over the merged one's application or head count where it had none;
- the organisation that stays takes the merged one's place among the attendees
  of meetings and the invited organisations of consultations.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy, ngettext

from partnerships.core.actor import Actor
from partnerships.core.versioned import audited_delete, audited_save
from partnerships.curation.participants import MergeParticipant
from partnerships.registry.models import Organisation
from partnerships.stakeholders.models import (
    Accreditation,
    Application,
    Comment,
    Consultation,
    Meeting,
    Membership,
    Trainee,
)

PREFIX = "stakeholders."
# Records moving as they are: kind -> model.
_PLAIN: dict[str, type[models.Model]] = {
    "applications": Application,
    "comments": Comment,
}
# Records unique per (organisation, parent): kind -> (model, parent field,
# what the one that stays takes over when it has none).
_UNIQUE: dict[str, tuple[type[models.Model], str, str]] = {
    "accreditations": (Accreditation, "session_id", "application"),
    "memberships": (Membership, "body_id", ""),
    "trainees": (Trainee, "training_id", "people"),
}
# Many-to-many lists of organisations: kind -> (model, field).
_LISTS: dict[str, tuple[type[models.Model], str]] = {
    "meeting_attendances": (Meeting, "attendees"),
    "consultation_invitations": (Consultation, "invited"),
}


def _move_unique(
    model: type[models.Model],
    parent: str,
    take_over: str,
    source: Organisation,
    target: Organisation,
    actor: Actor,
    reason: str,
) -> int:
    moved = 0
    for row in model._default_manager.filter(organisation=source):
        twin = model._default_manager.filter(
            organisation=target, **{parent: getattr(row, parent)}
        ).first()
        if twin is None:
            row.organisation = target
            audited_save(row, actor=actor, reason=reason)
        else:
            kept = getattr(row, take_over) if take_over else None
            audited_delete(row, actor=actor, reason=reason)
            if kept is not None and getattr(twin, take_over) is None:
                setattr(twin, take_over, kept)
                audited_save(twin, actor=actor, reason=reason)
        moved += 1
    return moved


def _move_list(
    model: type[models.Model],
    field: str,
    source: Organisation,
    target: Organisation,
    actor: Actor,
    reason: str,
) -> int:
    rows = list(model._default_manager.filter(**{field: source}))
    for row in rows:
        # The save marks who and why; the list's change then writes the history
        # row (simple-history records many-to-many changes on the instance).
        audited_save(row, actor=actor, reason=reason)
        getattr(row, field).remove(source)
        getattr(row, field).add(target)
    return len(rows)


def move(
    source: Organisation, target: Organisation, actor: Actor, reason: str
) -> dict[str, int]:
    moved: dict[str, int] = {}
    for kind, model in _PLAIN.items():
        rows = list(model._default_manager.filter(organisation=source))
        for row in rows:
            row.organisation = target
            audited_save(row, actor=actor, reason=reason)
        moved[PREFIX + kind] = len(rows)
    for kind, (model, parent, take_over) in _UNIQUE.items():
        moved[PREFIX + kind] = _move_unique(
            model, parent, take_over, source, target, actor, reason
        )
    for kind, (model, field) in _LISTS.items():
        moved[PREFIX + kind] = _move_list(model, field, source, target, actor, reason)
    return moved


def count(source: Organisation) -> dict[str, int]:
    counts = {
        PREFIX + kind: model._default_manager.filter(organisation=source).count()
        for kind, model in _PLAIN.items()
    }
    for kind, (model, _parent, _take) in _UNIQUE.items():
        counts[PREFIX + kind] = model._default_manager.filter(
            organisation=source
        ).count()
    for kind, (model, field) in _LISTS.items():
        counts[PREFIX + kind] = model._default_manager.filter(**{field: source}).count()
    return counts


def _phrase(kind: str, n: int) -> str:
    phrases = {
        "applications": ngettext(
            "%(n)s accreditation application", "%(n)s accreditation applications", n
        ),
        "comments": ngettext(
            "%(n)s consultation comment", "%(n)s consultation comments", n
        ),
        "accreditations": ngettext("%(n)s accreditation", "%(n)s accreditations", n),
        "memberships": ngettext(
            "%(n)s membership of a body", "%(n)s memberships of bodies", n
        ),
        "trainees": ngettext(
            "%(n)s participation in a training", "%(n)s participations in trainings", n
        ),
        "meeting_attendances": ngettext(
            "%(n)s meeting attended", "%(n)s meetings attended", n
        ),
        "consultation_invitations": ngettext(
            "%(n)s invitation to a consultation",
            "%(n)s invitations to consultations",
            n,
        ),
    }
    return phrases[kind] % {"n": n}


def rows(source: Organisation, target: Organisation) -> list[str]:
    """What a merge of `source` into `target` moves, in words (kinds it holds
    none of are left out)."""
    return [
        _phrase(kind.removeprefix(PREFIX), n) for kind, n in count(source).items() if n
    ]


PARTICIPANT = MergeParticipant(
    name="stakeholders",
    move=move,
    count=count,
    label=gettext_lazy("Stakeholder engagement"),
    rows=rows,
)
