"""Changes to engagements by people: permission, version check, audit, in one place.

Views, the API and commands all call these; the loaders of curated data and dumps
use `services.py`, which writes without a user.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from partnerships.cooperation.models import (
    ChangeProposal,
    Engagement,
    ProposalStatus,
)
from partnerships.cooperation.visibility import (
    can_decide_proposals,
    can_edit_engagement,
    can_propose_change,
)
from partnerships.core.actor import Actor, can_create
from partnerships.core.dates import parse_fuzzy
from partnerships.core.errors import NotAllowed
from partnerships.core.languages import UN_LANGUAGES
from partnerships.core.versioned import (
    audited_save,
    versioned_restore,
    versioned_soft_delete,
    versioned_update,
)

EDITABLE = {
    "kind",
    "status",
    "is_published",
    "is_confidential",
    "start",
    "end",
    "parent",
    "themes",
    "sdg_targets",
    *(f"title_{lang}" for lang in UN_LANGUAGES),
    *(f"summary_{lang}" for lang in UN_LANGUAGES),
}


def _apply(
    engagement: Engagement, changes: dict[str, Any]
) -> list[tuple[str, list[str]]]:
    """Set plain fields now; return the many-to-many sets to write after saving."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValidationError(
            {name: "This field cannot be changed." for name in unknown}
        )
    later: list[tuple[str, list[str]]] = []
    for name, value in changes.items():
        if name in ("start", "end"):
            try:
                fuzzy = parse_fuzzy(value, end=name == "end") if value else None
            except ValueError as exc:
                raise ValidationError({name: str(exc)}) from exc
            setattr(engagement, f"{name}_date", fuzzy.value if fuzzy else None)
            setattr(engagement, f"{name}_precision", fuzzy.precision if fuzzy else "")
        elif name == "parent":
            parent = Engagement.objects.filter(key=value).first() if value else None
            if value and parent is None:
                raise ValidationError(
                    {"parent": f"No engagement has the key {value!r}."}
                )
            engagement.parent = parent
        elif name in ("themes", "sdg_targets"):
            later.append((name, list(value)))
        else:
            setattr(engagement, name, value)
    start, end = engagement.start_date, engagement.end_date
    if start and end and end < start:
        raise ValidationError({"end": "The end is before the start."})
    return later


def _set_many(engagement: Engagement, later: list[tuple[str, list[str]]]) -> None:
    for name, codes in later:
        manager = getattr(engagement, name)
        known = set(
            manager.model.objects.filter(pk__in=codes).values_list("pk", flat=True)
        )
        if missing := set(codes) - known:
            raise ValidationError({name: f"Unknown codes: {sorted(missing)}."})
        manager.set(codes)


def engagement_create(
    *, actor: Actor, key: str, changes: dict[str, Any], reason: str = ""
) -> Engagement:
    if not can_create(actor):
        raise NotAllowed("Only editors and administrators create engagements.")
    with transaction.atomic():
        engagement = Engagement(key=key)
        later = _apply(engagement, changes)
        audited_save(engagement, user_id=actor.user_id, reason=reason or "created")
        _set_many(engagement, later)
        return engagement


def engagement_update(
    *,
    actor: Actor,
    engagement: Engagement,
    expected_version: int,
    changes: dict[str, Any],
    reason: str = "",
) -> Engagement:
    if not can_edit_engagement(actor, engagement):
        raise NotAllowed("You may not change this engagement.")
    holder: dict[str, list[tuple[str, list[str]]]] = {}

    def apply(obj: Engagement) -> None:
        holder["later"] = _apply(obj, changes)

    with transaction.atomic():
        updated = versioned_update(
            Engagement,
            pk=engagement.pk,
            expected_version=expected_version,
            apply=apply,
            user_id=actor.user_id,
            reason=reason,
        )
        _set_many(updated, holder.get("later", []))
        return updated


def engagement_delete(
    *, actor: Actor, engagement: Engagement, expected_version: int, reason: str = ""
) -> Engagement:
    """Soft delete: the record leaves every list but can be restored."""
    if not can_edit_engagement(actor, engagement):
        raise NotAllowed("You may not delete this engagement.")
    return versioned_soft_delete(
        engagement,
        expected_version=expected_version,
        user_id=actor.user_id,
        reason=reason,
    )


def engagement_restore(
    *, actor: Actor, engagement: Engagement, reason: str = ""
) -> Engagement:
    if not actor.is_admin:
        raise NotAllowed("Only administrators restore deleted records.")
    return versioned_restore(engagement, user_id=actor.user_id, reason=reason)


def proposal_create(
    *, actor: Actor, engagement: Engagement, changes: dict[str, Any], reason: str = ""
) -> ChangeProposal:
    if not can_propose_change(actor, engagement):
        raise NotAllowed(
            "Only focal points of organisations taking part may propose changes."
        )
    probe = Engagement.objects.get(pk=engagement.pk)
    _apply(probe, changes)  # refuse a proposal that could never be applied
    proposal = ChangeProposal(
        engagement=engagement,
        organisation_id=actor.organisation_id,
        proposed_by_id=actor.user_id,
        changes=changes,
        base_version=engagement.version,
        reason=reason,
    )
    audited_save(proposal, user_id=actor.user_id, reason="proposed")
    return proposal


def proposal_decide(
    *, actor: Actor, proposal: ChangeProposal, approve: bool, note: str = ""
) -> ChangeProposal:
    if not can_decide_proposals(actor, proposal.engagement):
        raise NotAllowed("You may not decide on proposals for this engagement.")
    if proposal.status != ProposalStatus.PENDING:
        raise ValidationError("This proposal was already decided.")
    with transaction.atomic():
        if approve:
            engagement_update(
                actor=actor,
                engagement=proposal.engagement,
                expected_version=proposal.base_version,
                changes=proposal.changes,
                reason=f"proposal {proposal.pk} approved",
            )
        proposal.status = (
            ProposalStatus.APPROVED if approve else ProposalStatus.REJECTED
        )
        proposal.decided_by_id = actor.user_id
        proposal.decided_at = timezone.now()
        proposal.decision_note = note
        audited_save(proposal, user_id=actor.user_id, reason=proposal.status)
        return proposal
