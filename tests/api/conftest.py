"""A cast of users with different roles, and records in each state of publication."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from partnerships.accounts.models import Profile, Role
from partnerships.cooperation.models import Engagement, Participation, Place
from partnerships.registry.models import Organisation

PARTNER = "ITDP"  # takes part in engagements in Kenya and Egypt in the seed


@pytest.fixture
def records(db):
    """Four engagements with ITDP in them: three in Kenya (published, unpublished,
    confidential), one confidential in Cambodia; and one unpublished organisation."""
    itdp = Organisation.objects.get(key=PARTNER)
    made = {}
    for state, country in [
        ("published", "KE"),
        ("unpublished", "KE"),
        ("confidential", "KE"),
        ("confidential-asia", "KH"),
    ]:
        engagement = Engagement.objects.create(
            key=f"matrix-{state}",
            kind="agreement",
            title_en=f"Matrix {state} zebrafinch",
            is_published=state != "unpublished",
            is_confidential=state.startswith("confidential"),
        )
        Place.objects.create(engagement=engagement, country_id=country)
        Participation.objects.create(
            engagement=engagement, organisation=itdp, role="partner"
        )
        made[state] = engagement
    made["hidden-org"] = Organisation.objects.create(
        key="MATRIX-HIDDEN-ORG",
        category="ngo",
        name_en="Matrix hidden organisation zebrafinch",
        country_id="KE",
        is_published=False,
    )
    Participation.objects.create(
        engagement=made["published"], organisation=made["hidden-org"], role="funder"
    )
    return made


def _user(django_user_model, name, **profile):
    user = django_user_model.objects.create_user(username=name, password="x" * 16)
    if profile:
        regions = profile.pop("regions", [])
        p = Profile.objects.create(user=user, **profile)
        p.regions.set(regions)
    return user


@pytest.fixture
def cast(db, django_user_model):
    itdp = Organisation.objects.get(key=PARTNER)
    return {
        "anonymous": None,
        "no-role": _user(django_user_model, "reader"),
        "focal-point": _user(
            django_user_model, "itdp-focal", role=Role.FOCAL_POINT, organisation=itdp
        ),
        "editor-africa": _user(
            django_user_model, "editor-af", role=Role.EDITOR, regions=["002"]
        ),
        "editor-private": _user(
            django_user_model,
            "editor-ps",
            role=Role.EDITOR,
            categories=["private_sector"],
        ),
        "administrator": _user(django_user_model, "admin2", role=Role.ADMINISTRATOR),
    }


@pytest.fixture
def client_for(cast):
    def make(role: str) -> APIClient:
        client = APIClient()
        if cast[role] is not None:
            client.force_authenticate(cast[role])
        return client

    return make
