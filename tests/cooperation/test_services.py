"""The engagement services: permission, field whitelist, version check, audit."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from partnerships.accounts.actors import actor_for
from partnerships.cooperation import services
from partnerships.core.actor import ANONYMOUS, system_actor
from partnerships.core.errors import NotAllowed, StaleVersion
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def kenyan():
    """An engagement in Kenya: in the charge of an editor for Africa."""
    return factories.engagement(countries=("KE",))


def test_an_editor_changes_an_engagement_in_its_charge_with_its_name_in_history(
    cast, kenyan
):
    editor = actor_for(cast["editor-africa"])
    updated = services.engagement_update(
        actor=editor,
        engagement=kenyan,
        expected_version=kenyan.version,
        changes={"status": "ongoing", "start": "2018-05"},
        reason="checked with the office",
    )
    assert (updated.version, updated.status) == (kenyan.version + 1, "ongoing")
    assert str(updated.start_date) == "2018-05-01"
    last = updated.history.first()
    assert (last.history_user, last.history_change_reason) == (
        cast["editor-africa"],
        "checked with the office",
    )


def test_an_editor_may_not_change_an_engagement_outside_its_charge(cast):
    nepali = factories.engagement(countries=("NP",))
    with pytest.raises(NotAllowed):
        services.engagement_update(
            actor=actor_for(cast["editor-africa"]),
            engagement=nepali,
            expected_version=nepali.version,
            changes={"status": "ongoing"},
        )
    nepali.refresh_from_db()
    assert nepali.version == 1 and nepali.history.count() == 1


def test_a_stale_version_writes_nothing(kenyan):
    admin = system_actor("tests")
    services.engagement_update(
        actor=admin, engagement=kenyan, expected_version=1, changes={"kind": "event"}
    )
    with pytest.raises(StaleVersion):
        services.engagement_update(
            actor=admin,
            engagement=kenyan,
            expected_version=1,
            changes={"kind": "funding"},
        )
    kenyan.refresh_from_db()
    assert kenyan.kind == "event"


def test_fields_outside_the_whitelist_are_refused(kenyan):
    with pytest.raises(ValidationError) as caught:
        services.engagement_update(
            actor=system_actor("tests"),
            engagement=kenyan,
            expected_version=kenyan.version,
            changes={"key": "another-key", "is_synthetic": True},
        )
    assert set(caught.value.message_dict) == {"key", "is_synthetic"}


def test_the_public_creates_nothing():
    with pytest.raises(NotAllowed):
        services.engagement_create(
            actor=ANONYMOUS, key="x-1", changes={"kind": "event"}
        )


def test_delete_and_restore_keep_the_record(kenyan):
    admin = system_actor("tests")
    services.engagement_delete(actor=admin, engagement=kenyan, expected_version=1)
    kenyan.refresh_from_db()
    assert kenyan.deleted_at is not None
    services.engagement_restore(actor=admin, engagement=kenyan)
    kenyan.refresh_from_db()
    assert kenyan.deleted_at is None and kenyan.version == 3


def test_adding_a_participant_raises_the_engagements_version_and_says_so(cast, kenyan):
    org = factories.organisation()
    services.participation_add(
        actor=actor_for(cast["editor-africa"]),
        engagement=kenyan,
        expected_version=kenyan.version,
        organisation_key=org.key,
        role="funder",
    )
    kenyan.refresh_from_db()
    assert kenyan.version == 2
    assert kenyan.history.first().history_change_reason == (
        f"participant {org.key} (funder) added"
    )


def test_no_participant_is_added_to_an_engagement_outside_the_charge(cast):
    # The attack of issue 16: a participant of one's own category would bring a
    # confidential engagement of another region into one's charge.
    confidential = factories.engagement(countries=("NP",), is_confidential=True)
    mine = factories.organisation(category="private_sector")
    with pytest.raises(NotAllowed):
        services.participation_add(
            actor=actor_for(cast["editor-private"]),
            engagement=confidential,
            expected_version=confidential.version,
            organisation_key=mine.key,
            role="partner",
        )
    assert not confidential.participations.exists()


def test_an_editor_fills_in_the_engagement_it_created(cast):
    editor = actor_for(cast["editor-africa"])
    made = services.engagement_create(
        actor=editor, key="new-by-editor", changes={"kind": "event"}
    )
    services.place_add(
        actor=editor, engagement=made, expected_version=made.version, country="KE"
    )
    assert made.places.get().country_id == "KE"


def test_a_proposal_is_applied_only_by_staff_in_charge(cast, kenyan):
    itdp_focal = actor_for(cast["focal-point"])
    itdp = cast["focal-point"].profile.organisation
    services.participation_ensure(
        actor=system_actor("tests"),
        engagement=kenyan,
        organisation=itdp,
        role="partner",
    )
    proposal = services.proposal_create(
        actor=itdp_focal, engagement=kenyan, changes={"status": "completed"}
    )
    with pytest.raises(NotAllowed):
        services.proposal_decide(
            actor=actor_for(cast["editor-private"]), proposal=proposal, approve=True
        )
    services.proposal_decide(
        actor=actor_for(cast["editor-africa"]), proposal=proposal, approve=True
    )
    kenyan.refresh_from_db()
    assert kenyan.status == "completed"


def test_a_city_is_named_in_another_language_with_history(cast, kenyan):
    place = kenyan.places.get()
    place.city_en = "Kisumu"
    place.save()
    editor = actor_for(cast["editor-africa"])
    services.place_city_name(
        actor=editor,
        place=place,
        expected_version=kenyan.version,
        lang="fr",
        value="Kisumu (fr)",
        reason="translation",
    )
    place.refresh_from_db()
    kenyan.refresh_from_db()
    assert (place.city_en, place.city_fr) == ("Kisumu", "Kisumu (fr)")
    assert kenyan.history.first().history_change_reason == (
        "place Kisumu named in fr: translation"
    )
    assert place.history.first().history_change_reason == "city named"
    with pytest.raises(ValidationError):
        services.place_city_name(
            actor=editor,
            place=place,
            expected_version=kenyan.version,
            lang="en",
            value="Other",
        )
    with pytest.raises(NotAllowed):
        services.place_city_name(
            actor=ANONYMOUS,
            place=place,
            expected_version=kenyan.version,
            lang="es",
            value="Kisumu (es)",
        )
