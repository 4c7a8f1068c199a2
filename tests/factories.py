"""Records for tests, made through the domain services as any writer must.

Each factory takes only what a test cares about and fills in the rest; keys are
unique per call. `TESTER` is the system actor they write as.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model

from partnerships.accounts.models import Profile
from partnerships.cooperation.models import Engagement, Participation
from partnerships.cooperation.services import (
    ContributionSpec,
    EngagementSpec,
    PlaceSpec,
    contribution_ensure,
    engagement_upsert,
    participation_ensure,
)
from partnerships.core.actor import system_actor
from partnerships.registry.models import Organisation
from partnerships.registry.services import OrganisationSpec, organisation_upsert

TESTER = system_actor("tests")
_serial = itertools.count(1)


def organisation(
    *, key: str = "", category: str = "ngo", country: str | None = None, **names: str
) -> Organisation:
    key = key or f"TEST-ORG-{next(_serial)}"
    spec = OrganisationSpec(
        key=key,
        category=category,
        names=names or {"en": f"Test organisation {key}"},
        country=country,
    )
    return organisation_upsert(actor=TESTER, spec=spec, parent=None)[0]


def engagement(
    *,
    key: str = "",
    kind: str = "project",
    countries: tuple[str, ...] = (),
    participants: tuple[tuple[Organisation, str], ...] = (),
    is_published: bool = True,
    is_confidential: bool = False,
) -> Engagement:
    """An engagement with places in `countries` and `(organisation, role)` pairs."""
    key = key or f"test-engagement-{next(_serial)}"
    spec = EngagementSpec(
        key=key,
        kind=kind,
        title={"en": f"Test engagement {key}"},
        places=[PlaceSpec(country=code) for code in countries],
        is_published=is_published,
        is_confidential=is_confidential,
    )
    made = engagement_upsert(actor=TESTER, spec=spec, parent=None)[0]
    for org, role in participants:
        participation_ensure(actor=TESTER, engagement=made, organisation=org, role=role)
    return made


def money(participation: Participation, amount: str, currency: str = "USD") -> None:
    spec = ContributionSpec(amount=Decimal(amount), currency=currency)
    contribution_ensure(actor=TESTER, participation=participation, spec=spec)


def user(name: str, **profile: Any) -> Any:
    """A user; with `role=` (and `organisation=`, `regions=`, `categories=`) a
    profile too."""
    made = get_user_model().objects.create_user(username=name, password="x" * 16)
    if profile:
        regions = profile.pop("regions", [])
        Profile.objects.create(user=made, **profile).regions.set(regions)
    return made
