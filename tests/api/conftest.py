"""A cast of users with different roles, and records in each state of publication."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

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


@pytest.fixture
def client_for(cast):
    def make(role: str) -> APIClient:
        client = APIClient()
        if cast[role] is not None:
            client.force_authenticate(cast[role])
        return client

    return make
