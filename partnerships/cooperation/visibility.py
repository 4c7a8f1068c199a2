"""What an actor may see and change of engagements and what hangs off them.

A record hanging off an engagement (a participation, a place, money) is visible only
when its engagement, and for a participation its organisation, is visible, so a
confidential engagement cannot leak through a list of participations, a place or a
count. The rules per role are in docs/permissions.md.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from partnerships.cooperation.models import (
    LIVE,
    PUBLIC,
    ChangeProposal,
    Contribution,
    Engagement,
    MoneyLine,
    Participation,
    Place,
)
from partnerships.core.actor import Actor
from partnerships.registry.visibility import organisations_visible_to


def engagement_in_charge(actor: Actor) -> Q:
    in_region = Exists(
        Place.objects.filter(
            engagement=OuterRef("pk"), country__un_subregion__in=actor.subregions
        )
    )
    with_category = Exists(
        Participation.objects.filter(
            engagement=OuterRef("pk"), organisation__category__in=actor.categories
        )
    )
    return Q(in_region) | Q(with_category)


def _engagement_of_own_organisation(actor: Actor) -> Q:
    return Q(
        Exists(
            Participation.objects.filter(
                engagement=OuterRef("pk"), organisation_id=actor.organisation_id
            )
        )
    )


def engagements_visible_to(actor: Actor) -> QuerySet[Engagement]:
    live = Engagement.objects.filter(LIVE)
    if actor.is_admin:
        return live
    condition = PUBLIC
    if actor.is_focal_point and actor.organisation_id:
        condition |= _engagement_of_own_organisation(actor)
    if actor.is_editor:
        condition |= engagement_in_charge(actor)
    return live.filter(condition)


def can_edit_engagement(actor: Actor, engagement: Engagement) -> bool:
    if actor.is_admin:
        return True
    if actor.is_editor:
        return Engagement.objects.filter(
            engagement_in_charge(actor), pk=engagement.pk
        ).exists()
    return False


def can_fill_in(actor: Actor, engagement: Engagement) -> bool:
    """May the actor add participants, places and money to the engagement: when
    it may change it, or when it created it (an editor's new engagement is in
    nobody's charge until its partners and places are added)."""
    if can_edit_engagement(actor, engagement):
        return True
    return bool(actor.user_id) and (
        actor.is_staff_role
        and engagement.history.filter(
            history_type="+", history_user_id=actor.user_id
        ).exists()
    )


def can_propose_change(actor: Actor, engagement: Engagement) -> bool:
    if not actor.is_focal_point or not actor.organisation_id:
        return False
    return engagement.participations.filter(
        organisation_id=actor.organisation_id
    ).exists()


def can_decide_proposals(actor: Actor, engagement: Engagement) -> bool:
    return can_edit_engagement(actor, engagement)


def participations_visible_to(actor: Actor) -> QuerySet[Participation]:
    return Participation.objects.filter(
        engagement__in=engagements_visible_to(actor),
        organisation__in=organisations_visible_to(actor),
    )


def contributions_visible_to(actor: Actor) -> QuerySet[Contribution]:
    return Contribution.objects.filter(
        participation__in=participations_visible_to(actor)
    )


def money_lines_visible_to(actor: Actor) -> QuerySet[MoneyLine]:
    """Lines of visible engagements whose provider and receiver, when the registry
    knows them, the actor may see."""
    orgs = organisations_visible_to(actor)
    return MoneyLine.objects.filter(
        engagement__in=engagements_visible_to(actor)
    ).filter(
        Q(provider__isnull=True) | Q(provider__in=orgs),
        Q(receiver__isnull=True) | Q(receiver__in=orgs),
    )


def places_visible_to(actor: Actor) -> QuerySet[Place]:
    return Place.objects.filter(engagement__in=engagements_visible_to(actor))


def deleted_engagements_for(actor: Actor) -> QuerySet[Engagement]:
    if not actor.is_admin:
        return Engagement.objects.none()
    return Engagement.objects.filter(deleted_at__isnull=False)


def proposals_visible_to(actor: Actor) -> QuerySet[ChangeProposal]:
    proposals = ChangeProposal.objects.filter(
        engagement__in=engagements_visible_to(actor)
    )
    if actor.is_admin:
        return proposals
    if actor.is_editor:
        return proposals.filter(
            engagement__in=Engagement.objects.filter(engagement_in_charge(actor))
        )
    if actor.is_focal_point and actor.organisation_id:
        return proposals.filter(organisation_id=actor.organisation_id)
    return proposals.none()
