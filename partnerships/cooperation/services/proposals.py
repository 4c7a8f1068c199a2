"""Changes proposed by partner focal points, and the staff's decisions on them."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerships.cooperation.models import ChangeProposal, Engagement, ProposalStatus
from partnerships.cooperation.services.engagements import (
    check_applicable,
    engagement_update,
)
from partnerships.cooperation.visibility import (
    can_decide_proposals,
    can_propose_change,
)
from partnerships.core.actor import Actor
from partnerships.core.errors import NotAllowed
from partnerships.core.versioned import audited_save


def proposal_create(
    *, actor: Actor, engagement: Engagement, changes: dict[str, Any], reason: str = ""
) -> ChangeProposal:
    if not can_propose_change(actor, engagement):
        raise NotAllowed(
            _("Only focal points of organisations taking part may propose changes.")
        )
    check_applicable(engagement, changes, actor)
    proposal = ChangeProposal(
        engagement=engagement,
        organisation_id=actor.organisation_id,
        proposed_by_id=actor.user_id,
        changes=changes,
        base_version=engagement.version,
        reason=reason,
    )
    audited_save(proposal, actor=actor, reason="proposed")
    return proposal


def proposal_decide(
    *, actor: Actor, proposal: ChangeProposal, approve: bool, note: str = ""
) -> ChangeProposal:
    if not can_decide_proposals(actor, proposal.engagement):
        raise NotAllowed(_("You may not decide on proposals for this engagement."))
    if proposal.status != ProposalStatus.PENDING:
        raise ValidationError(_("This proposal was already decided."))
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
        audited_save(proposal, actor=actor, reason=proposal.status)
        return proposal
