"""Merging one organisation into another, as its own operation."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from partnerships.accounts.actors import actor_for
from partnerships.cooperation.models import Participation
from partnerships.core.actor import Role, system_actor
from partnerships.core.errors import NotAllowed, StaleVersion
from partnerships.curation.merge import organisation_merge
from partnerships.registry.models import Organisation, OrganisationName
from tests import factories

pytestmark = pytest.mark.django_db
ADMIN = system_actor("tests")


@pytest.fixture
def pair():
    """A duplicate of an organisation, with an engagement of its own and one it
    shares with the original in the same role."""
    original = factories.organisation(en="Coastal Cities Fund")
    duplicate = factories.organisation(en="Coastal Cities Fund (duplicate)")
    own = factories.engagement(participants=((duplicate, "funder"),))
    shared = factories.engagement(
        participants=((duplicate, "partner"), (original, "partner"))
    )
    factories.money(own.participations.get(), "1000.50")
    return original, duplicate, own, shared


def test_everything_moves_to_the_organisation_that_stays(pair):
    original, duplicate, own, shared = pair
    organisation_merge(
        actor=ADMIN, source=duplicate, target=original, expected_version=1
    )
    assert own.participations.get().organisation == original
    assert shared.participations.count() == 1  # same role twice: kept once
    assert not Participation.objects.filter(organisation=duplicate).exists()
    assert OrganisationName.objects.filter(
        organisation=original, value="Coastal Cities Fund (duplicate)"
    ).exists()
    duplicate.refresh_from_db()
    assert duplicate.deleted_at is not None


def test_both_histories_tell_the_merge(pair):
    original, duplicate, _, _ = pair
    organisation_merge(
        actor=ADMIN, source=duplicate, target=original, expected_version=1
    )
    said = f"merged {duplicate.key} into {original.key}"
    assert original.history.first().history_change_reason == said
    assert duplicate.history.first().history_change_reason == (
        f"merged into {original.key}"
    )


def test_a_focal_point_moves_with_its_organisation(pair):
    original, duplicate, _, _ = pair
    focal = factories.user("dup-focal", role=Role.FOCAL_POINT, organisation=duplicate)
    organisation_merge(
        actor=ADMIN, source=duplicate, target=original, expected_version=1
    )
    focal.profile.refresh_from_db()
    assert focal.profile.organisation == original


def test_a_merge_is_refused_into_itself_or_from_a_stale_copy(pair):
    original, duplicate, _, _ = pair
    with pytest.raises(ValidationError):
        organisation_merge(
            actor=ADMIN, source=original, target=original, expected_version=1
        )
    with pytest.raises(StaleVersion):
        organisation_merge(
            actor=ADMIN, source=duplicate, target=original, expected_version=7
        )
    assert Organisation.objects.get(pk=duplicate.pk).deleted_at is None
    assert Participation.objects.filter(organisation=duplicate).count() == 2


def test_an_editor_merges_only_organisations_in_its_charge(cast, pair):
    original, duplicate, _, _ = pair  # NGOs, based nowhere
    with pytest.raises(NotAllowed):
        organisation_merge(
            actor=actor_for(cast["editor-private"]),
            source=duplicate,
            target=original,
            expected_version=1,
        )
