"""What an actor may see and change of the registry's organisations.

The rules (see docs/permissions.md):

- public (anonymous, or a user without a role): published, not deleted records;
- partner focal point: also its own organisation's profile, published or not, which
  it may edit;
- editor: also every organisation of the categories or based in the UN M49 regions
  in its charge, which it may edit;
- administrator: everything.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from partnerships.core.actor import Actor
from partnerships.reference.models import Country
from partnerships.registry.models import Organisation


def organisation_in_charge(actor: Actor) -> Q:
    return Q(category__in=actor.categories) | Q(
        country__un_subregion__in=actor.subregions
    )


def in_charge_of_new(actor: Actor, *, category: str, country: object) -> bool:
    """Whether a new organisation of `category` based in `country` (a code or a
    Country, or none) would be in the actor's charge, as `organisation_in_charge`
    reads an existing one: an administrator's always, an editor's when the
    category is among its categories or the country in its regions."""
    if actor.is_admin:
        return True
    if not actor.is_editor:
        return False
    if category in actor.categories:
        return True
    code = getattr(country, "pk", country)
    return bool(code) and (
        Country.objects.filter(pk=code, un_subregion__in=actor.subregions).exists()
    )


def organisations_visible_to(actor: Actor) -> QuerySet[Organisation]:
    live = Organisation.objects.filter(deleted_at__isnull=True)
    if actor.is_admin:
        return live
    condition = Q(is_published=True)
    if actor.is_focal_point and actor.organisation_id:
        condition |= Q(pk=actor.organisation_id)
    if actor.is_editor:
        condition |= organisation_in_charge(actor)
    return live.filter(condition)


def can_edit_organisation(actor: Actor, org: Organisation) -> bool:
    if actor.is_admin:
        return True
    if actor.is_focal_point:
        return org.pk == actor.organisation_id
    if actor.is_editor:
        return Organisation.objects.filter(
            organisation_in_charge(actor), pk=org.pk
        ).exists()
    return False


def deleted_organisations_for(actor: Actor) -> QuerySet[Organisation]:
    if not actor.is_admin:
        return Organisation.objects.none()
    return Organisation.objects.filter(deleted_at__isnull=False)
