"""Changes to what hangs off an engagement: participants, places, money.

Each one checks `can_edit_engagement`, then raises the engagement's version through
`versioned_update` (so that two editors working from the same version cannot both
write, and the engagement's own history says what changed and who changed it), and
saves the row with `audited_save` (its own history too). All or nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    Participation,
    Place,
)
from partnerships.cooperation.visibility import can_fill_in
from partnerships.core.actor import Actor
from partnerships.core.errors import NotAllowed
from partnerships.core.versioned import (
    audited_delete,
    audited_save,
    versioned_update,
)
from partnerships.registry.models import Organisation


def with_reason(what: str, reason: str) -> str:
    """The history's reason for a change of a part: what changed, then why."""
    return f"{what}: {reason}" if reason else what


def touch_engagement(
    actor: Actor, engagement: Engagement, expected_version: int, reason: str
) -> Engagement:
    if not can_fill_in(actor, engagement):
        raise NotAllowed(_("You may not change this engagement."))
    return versioned_update(
        Engagement,
        pk=engagement.pk,
        expected_version=expected_version,
        apply=lambda _: None,
        actor=actor,
        reason=reason,
    )


def participation_add(
    *,
    actor: Actor,
    engagement: Engagement,
    expected_version: int,
    organisation_key: str,
    role: str,
    reason: str = "",
) -> Participation:
    org = Organisation.objects.filter(key=organisation_key).first()
    if org is None:
        raise ValidationError(
            {
                "organisation": _("No organisation has the key %(key)s.")
                % {"key": organisation_key}
            }
        )
    if engagement.participations.filter(organisation=org, role=role).exists():
        raise ValidationError(
            {
                "role": _("%(key)s already takes this role in it.")
                % {"key": organisation_key}
            }
        )
    with transaction.atomic():
        touch_engagement(
            actor,
            engagement,
            expected_version,
            with_reason(f"participant {org.key} ({role}) added", reason),
        )
        part = Participation(engagement=engagement, organisation=org, role=role)
        audited_save(part, actor=actor, reason="added")
        return part


def participation_remove(
    *,
    actor: Actor,
    participation: Participation,
    expected_version: int,
    reason: str = "",
) -> None:
    with transaction.atomic():
        touch_engagement(
            actor,
            participation.engagement,
            expected_version,
            with_reason(
                f"participant {participation.organisation.key} "
                f"({participation.role}) removed",
                reason,
            ),
        )
        audited_delete(participation, actor=actor, reason="removed")


def place_add(
    *,
    actor: Actor,
    engagement: Engagement,
    expected_version: int,
    country: str = "",
    region: str = "",
    city_en: str = "",
    reason: str = "",
) -> Place:
    if bool(country) == bool(region):
        raise ValidationError(
            {"country": _("Give either a country or a region, not both or neither.")}
        )
    with transaction.atomic():
        touch_engagement(
            actor,
            engagement,
            expected_version,
            with_reason(f"place {country or region} added", reason),
        )
        place = Place(
            engagement=engagement,
            country_id=country or None,
            region_id=region or None,
            city_en=city_en,
        )
        audited_save(place, actor=actor, reason="added")
        return place


def place_remove(
    *, actor: Actor, place: Place, expected_version: int, reason: str = ""
) -> None:
    with transaction.atomic():
        touch_engagement(
            actor,
            place.engagement,
            expected_version,
            with_reason(f"place {place.country_id or place.region_id} removed", reason),
        )
        audited_delete(place, actor=actor, reason="removed")


def place_city_name(
    *,
    actor: Actor,
    place: Place,
    expected_version: int,
    lang: str,
    value: str,
    reason: str = "",
) -> Place:
    """Set the name of a place's city in one language (`city_fr`, ...): a
    translation, so the English name it stands for stays as it is."""
    field = f"city_{lang}"
    if lang == "en" or not hasattr(place, field):
        raise ValidationError(
            {"lang": _("No city name in %(lang)s to translate.") % {"lang": lang}}
        )
    with transaction.atomic():
        touch_engagement(
            actor,
            place.engagement,
            expected_version,
            with_reason(f"place {place.city_en} named in {lang}", reason),
        )
        setattr(place, field, value)
        audited_save(place, actor=actor, reason="city named")
        return place


def contribution_add(
    *,
    actor: Actor,
    participation: Participation,
    expected_version: int,
    amount: Decimal,
    currency: str,
    value_date: dt.date | None = None,
    reason: str = "",
) -> Contribution:
    with transaction.atomic():
        touch_engagement(
            actor,
            participation.engagement,
            expected_version,
            with_reason(
                f"{currency} {amount} from {participation.organisation.key} added",
                reason,
            ),
        )
        money = Contribution(
            participation=participation,
            amount=amount,
            currency_id=currency,
            value_date=value_date,
            value_precision="day" if value_date else "",
        )
        audited_save(money, actor=actor, reason="added")
        return money
