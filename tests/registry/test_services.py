"""The organisation services: who may change what, and the audit."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from partnerships.accounts.actors import actor_for
from partnerships.core.errors import NotAllowed
from partnerships.registry import services
from partnerships.registry.services import OrganisationSpec
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_focal_point_changes_its_own_profile_but_not_its_category(cast):
    focal = actor_for(cast["focal-point"])
    itdp = cast["focal-point"].profile.organisation
    updated = services.organisation_update(
        actor=focal,
        organisation=itdp,
        expected_version=itdp.version,
        changes={"website": "https://www.itdp.org"},
        reason="our new site",
    )
    assert updated.history.first().history_user == cast["focal-point"]
    with pytest.raises(ValidationError):
        services.organisation_update(
            actor=focal,
            organisation=updated,
            expected_version=updated.version,
            changes={"category": "academia"},
        )


def test_an_editor_may_not_change_an_organisation_outside_its_charge(cast):
    ngo = factories.organisation(category="ngo")
    with pytest.raises(NotAllowed):
        services.organisation_update(
            actor=actor_for(cast["editor-private"]),
            organisation=ngo,
            expected_version=ngo.version,
            changes={"website": "https://example.org"},
        )


def test_a_load_by_an_editor_may_not_overwrite_an_organisation_outside_its_charge(
    cast,
):
    ngo = factories.organisation(category="ngo", en="Original name")
    spec = OrganisationSpec(key=ngo.key, category="ngo", names={"en": "Taken over"})
    with pytest.raises(NotAllowed):
        services.organisation_upsert(
            actor=actor_for(cast["editor-private"]), spec=spec, parent=None
        )
    ngo.refresh_from_db()
    assert ngo.name_en == "Original name"
