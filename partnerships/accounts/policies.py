"""The one permission layer: what an actor may see and change.

Pages, the API, exports, search, counts and reports all read through the
`*_visible_to(actor)` selectors below and write through services that call the
`can_*` checks, so a confidential engagement cannot leak through one path that
forgot a filter.

- public (anonymous, or a user without a role): published, non-confidential,
  not deleted records only;
- partner focal point: also everything its own organisation takes part in, and its
  own organisation's profile, published or not; it may edit that profile and propose
  changes to engagements its organisation takes part in;
- editor: also every record in the regions (UN M49) or categories in its charge,
  which it may edit;
- administrator (or Django superuser): everything, and user management.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet

from partnerships.accounts.models import Role
from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    Participation,
    Place,
)
from partnerships.registry.models import Organisation
from partnerships.sources.models import Evidence, Passage, SourceDocument

PUBLIC = "public"


@dataclass(frozen=True)
class Actor:
    role: str = PUBLIC
    user_id: int | None = None
    organisation_id: int | None = None
    subregions: frozenset[str] = field(default_factory=frozenset)
    categories: frozenset[str] = field(default_factory=frozenset)
    can_write_api: bool = True

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMINISTRATOR

    @property
    def is_editor(self) -> bool:
        return self.role == Role.EDITOR

    @property
    def is_focal_point(self) -> bool:
        return self.role == Role.FOCAL_POINT

    @property
    def is_staff_role(self) -> bool:
        return self.role in (Role.ADMINISTRATOR, Role.EDITOR)


ANONYMOUS = Actor()


def actor_for(user: object) -> Actor:
    """The actor a Django user is for the permission layer."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ANONYMOUS
    if getattr(user, "is_superuser", False):
        return Actor(role=Role.ADMINISTRATOR, user_id=user.pk)
    profile = getattr(user, "profile", None)
    if profile is None:
        return Actor(user_id=user.pk)
    subregions: set[str] = set()
    for region in profile.regions.all():
        subregions.add(region.code)
        subregions.update(region.subregions.values_list("code", flat=True))
    return Actor(
        role=profile.role,
        user_id=user.pk,
        organisation_id=profile.organisation_id,
        subregions=frozenset(subregions),
        categories=frozenset(profile.categories or []),
    )


# --- Organisations -------------------------------------------------------------


def _organisation_in_charge(actor: Actor) -> Q:
    return Q(category__in=actor.categories) | Q(
        country__un_subregion__in=actor.subregions
    )


def organisations_visible_to(actor: Actor) -> QuerySet[Organisation]:
    live = Organisation.objects.filter(deleted_at__isnull=True)
    if actor.is_admin:
        return live
    condition = Q(is_published=True)
    if actor.is_focal_point and actor.organisation_id:
        condition |= Q(pk=actor.organisation_id)
    if actor.is_editor:
        condition |= _organisation_in_charge(actor)
    return live.filter(condition)


def can_edit_organisation(actor: Actor, org: Organisation) -> bool:
    if actor.is_admin:
        return True
    if actor.is_focal_point:
        return org.pk == actor.organisation_id
    if actor.is_editor:
        return Organisation.objects.filter(
            _organisation_in_charge(actor), pk=org.pk
        ).exists()
    return False


# --- Engagements ---------------------------------------------------------------


def _engagement_in_charge(actor: Actor) -> Q:
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
    live = Engagement.objects.filter(deleted_at__isnull=True)
    if actor.is_admin:
        return live
    condition = Q(is_published=True, is_confidential=False)
    if actor.is_focal_point and actor.organisation_id:
        condition |= _engagement_of_own_organisation(actor)
    if actor.is_editor:
        condition |= _engagement_in_charge(actor)
    return live.filter(condition)


def can_edit_engagement(actor: Actor, engagement: Engagement) -> bool:
    if actor.is_admin:
        return True
    if actor.is_editor:
        return Engagement.objects.filter(
            _engagement_in_charge(actor), pk=engagement.pk
        ).exists()
    return False


def can_propose_change(actor: Actor, engagement: Engagement) -> bool:
    if not actor.is_focal_point or not actor.organisation_id:
        return False
    return engagement.participations.filter(
        organisation_id=actor.organisation_id
    ).exists()


def can_create(actor: Actor) -> bool:
    return actor.is_staff_role


def can_decide_proposals(actor: Actor, engagement: Engagement) -> bool:
    return can_edit_engagement(actor, engagement)


# --- What hangs off them --------------------------------------------------------


def participations_visible_to(actor: Actor) -> QuerySet[Participation]:
    return Participation.objects.filter(
        engagement__in=engagements_visible_to(actor),
        organisation__in=organisations_visible_to(actor),
    )


def contributions_visible_to(actor: Actor) -> QuerySet[Contribution]:
    return Contribution.objects.filter(
        participation__in=participations_visible_to(actor)
    )


def places_visible_to(actor: Actor) -> QuerySet[Place]:
    return Place.objects.filter(engagement__in=engagements_visible_to(actor))


def documents_visible_to(actor: Actor) -> QuerySet[SourceDocument]:
    if actor.is_admin:
        return SourceDocument.objects.all()
    return SourceDocument.objects.filter(is_published=True)


def passages_visible_to(actor: Actor) -> QuerySet[Passage]:
    return Passage.objects.filter(document__in=documents_visible_to(actor))


def evidence_visible_to(actor: Actor) -> QuerySet[Evidence]:
    return Evidence.objects.filter(passage__in=passages_visible_to(actor)).filter(
        Q(engagement__in=engagements_visible_to(actor))
        | Q(participation__in=participations_visible_to(actor))
        | Q(organisation__in=organisations_visible_to(actor))
    )


def deleted_organisations_for(actor: Actor) -> QuerySet[Organisation]:
    if not actor.is_admin:
        return Organisation.objects.none()
    return Organisation.objects.filter(deleted_at__isnull=False)


def deleted_engagements_for(actor: Actor) -> QuerySet[Engagement]:
    if not actor.is_admin:
        return Engagement.objects.none()
    return Engagement.objects.filter(deleted_at__isnull=False)


def proposals_visible_to(actor: Actor) -> QuerySet:
    from partnerships.cooperation.models import ChangeProposal

    proposals = ChangeProposal.objects.filter(
        engagement__in=engagements_visible_to(actor)
    )
    if actor.is_admin:
        return proposals
    if actor.is_editor:
        return proposals.filter(
            engagement__in=Engagement.objects.filter(_engagement_in_charge(actor))
        )
    if actor.is_focal_point and actor.organisation_id:
        return proposals.filter(organisation_id=actor.organisation_id)
    return proposals.none()
