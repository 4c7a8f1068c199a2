"""Merge one organisation into another: two records found to be the same body.

Every reference moves to the organisation that stays (participations and their
money and evidence, other names, identifiers, mentions, children, proposals,
focal points), each row saved with its history; the merged organisation's official
names become aliases of the one that stays, and the merged record itself is
soft-deleted with the reason "merged into <key>", so its history remains and an
administrator can still read it. The apps above curation move their own records
naming the organisation through the participants they registered
(`participants.py`), in the same transaction and with the same reason. All or
nothing.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from partnerships.accounts.models import Profile
from partnerships.cooperation.models import ChangeProposal, Participation
from partnerships.core.actor import Actor
from partnerships.core.errors import NotAllowed
from partnerships.core.languages import UN_LANGUAGES
from partnerships.core.versioned import (
    audited_delete,
    audited_save,
    versioned_soft_delete,
    versioned_update,
)
from partnerships.curation.participants import move_participants
from partnerships.registry.models import NameKind, Organisation, OrganisationName
from partnerships.registry.visibility import can_edit_organisation
from partnerships.sources.models import Evidence


def _save(obj: models.Model, actor: Actor, reason: str) -> None:
    audited_save(obj, actor=actor, reason=reason)


def _move_evidence(
    evidence: Evidence, field: str, to: models.Model, actor: Actor, reason: str
) -> None:
    """Point the evidence at `to`, or drop it if `to` already cites that passage."""
    twin = {"passage_id": evidence.passage_id, field: to}
    if Evidence.objects.filter(**twin).exists():
        audited_delete(evidence, actor=actor, reason=reason)
    else:
        setattr(evidence, field, to)
        _save(evidence, actor, reason)


def _move_participations(
    source: Organisation, target: Organisation, actor: Actor, reason: str
) -> None:
    for part in Participation.objects.filter(organisation=source):
        twin = Participation.objects.filter(
            engagement_id=part.engagement_id, organisation=target, role=part.role
        ).first()
        if twin is None:
            part.organisation = target
            _save(part, actor, reason)
            continue
        # Both took the same role in the same engagement: keep one participation.
        for money in part.contributions.all():
            money.participation = twin
            _save(money, actor, reason)
        for evidence in part.evidence.all():
            _move_evidence(evidence, "participation", twin, actor, reason)
        audited_delete(part, actor=actor, reason=reason)


def _move_names(
    source: Organisation, target: Organisation, actor: Actor, reason: str
) -> None:
    def has(kind: str, lang: str, value: str) -> bool:
        return target.other_names.filter(kind=kind, lang=lang, value=value).exists()

    for name in source.other_names.all():
        if has(name.kind, name.lang, name.value):
            audited_delete(name, actor=actor, reason=reason)
        else:
            name.organisation = target
            _save(name, actor, reason)
    for lang in UN_LANGUAGES:
        value = getattr(source, f"name_{lang}")
        if not value or value == getattr(target, f"name_{lang}"):
            continue
        if not has(NameKind.ALIAS, lang, value):
            alias = OrganisationName(
                organisation=target, kind=NameKind.ALIAS, lang=lang, value=value
            )
            _save(alias, actor, reason)


def _move_rest(
    source: Organisation, target: Organisation, actor: Actor, reason: str
) -> None:
    for identifier in source.identifiers.all():
        identifier.organisation = target
        _save(identifier, actor, reason)
    for mention in Evidence.objects.filter(organisation=source):
        _move_evidence(mention, "organisation", target, actor, reason)
    for child in Organisation.objects.filter(parent=source).exclude(pk=target.pk):
        versioned_update(
            Organisation,
            pk=child.pk,
            expected_version=child.version,
            apply=lambda obj: setattr(obj, "parent_id", target.pk),
            actor=actor,
            reason=reason,
        )
    for proposal in ChangeProposal.objects.filter(organisation=source):
        proposal.organisation = target
        _save(proposal, actor, reason)
    for profile in Profile.objects.filter(organisation=source):
        profile.organisation = target
        _save(profile, actor, reason)


def _unparent(target: Organisation, source: Organisation) -> None:
    if target.parent_id == source.pk:
        target.parent_id = source.parent_id


def organisation_merge(
    *,
    actor: Actor,
    source: Organisation,
    target: Organisation,
    expected_version: int,
    reason: str = "",
) -> Organisation:
    """Merge `source` into `target`; `target` stays. Returns `target`, refreshed."""
    if not actor.is_staff_role or not (
        can_edit_organisation(actor, source) and can_edit_organisation(actor, target)
    ):
        raise NotAllowed(_("You may not merge these organisations."))
    if source.pk == target.pk:
        raise ValidationError(
            {"source": _("An organisation cannot merge into itself.")}
        )
    if source.deleted_at or target.deleted_at:
        raise ValidationError({"source": _("Deleted organisations cannot be merged.")})
    why = f"merged {source.key} into {target.key}" + (f": {reason}" if reason else "")
    with transaction.atomic():
        _move_participations(source, target, actor, why)
        _move_names(source, target, actor, why)
        _move_rest(source, target, actor, why)
        move_participants(source, target, actor, why)
        # The organisation that stays says so in its own history, and loses
        # the merged one as its parent if it had it.
        versioned_update(
            Organisation,
            pk=target.pk,
            expected_version=Organisation.objects.get(pk=target.pk).version,
            apply=lambda obj: _unparent(obj, source),
            actor=actor,
            reason=why,
        )
        versioned_soft_delete(
            source,
            expected_version=expected_version,
            actor=actor,
            reason=f"merged into {target.key}",
        )
    target.refresh_from_db()
    return target
