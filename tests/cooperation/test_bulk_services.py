"""The bulk services: one set of rules with the single-record path, permission for
the batch, history with the actor and the reason."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from partnerships.cooperation.bulk import (
    engagements_bulk_write,
    money_lines_bulk_write,
    participations_bulk_write,
    places_bulk_write,
)
from partnerships.cooperation.models import Engagement, MoneyLine, Place
from partnerships.cooperation.validation import (
    END_BEFORE_START,
    contribution_errors,
    engagement_errors,
    place_errors,
)
from partnerships.core.actor import Actor, Role, system_actor
from partnerships.core.bulk import Row
from partnerships.core.errors import NotAllowed
from partnerships.core.validation import column_errors
from partnerships.reference.models import Country
from partnerships.registry.bulk import organisations_bulk_write
from partnerships.registry.models import Organisation
from partnerships.registry.validation import organisation_errors
from partnerships.sources.bulk import evidence_bulk_write
from partnerships.sources.models import Evidence, Passage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_kenya():
    """An editor in charge of Kenya's UN subregion (not of Nepal's)."""
    subregion = Country.objects.get(pk="KE").un_subregion_id
    return Actor(role=Role.EDITOR, subregions=frozenset({subregion}))


FOCAL = Actor(role=Role.FOCAL_POINT, organisation_id=1)
LOADER = system_actor("test-loader")


def _row(key, **values):
    return Row(key=key, kind="project", title_en=f"Title {key}", **values)


def _engagement(key, country, **flags):
    engagement = Engagement.objects.create(key=key, kind="project", **flags)
    Place.objects.create(engagement=engagement, country_id=country)
    return engagement


def test_the_rules_are_pure_functions_over_column_values():
    start, end = dt.date(2020, 5, 1), dt.date(2020, 1, 1)
    dates = {"start_date": start, "start_precision": "day"}
    dates |= {"end_date": end, "end_precision": "day"}
    assert engagement_errors(dates) == {"end_date": [END_BEFORE_START]}
    assert "key" in engagement_errors({"key": "-starts with a dash"})
    assert "start_precision" in engagement_errors({"start_date": start})
    assert place_errors({"country_id": "KE", "region_id": "002"})
    assert place_errors({"country_id": None, "region_id": None})
    assert not place_errors({"country_id": "KE", "region_id": None})
    assert "amount" in contribution_errors({"amount": -1})
    names = {f"name_{lang}": "" for lang in ("en", "fr", "es", "ru", "zh", "ar")}
    assert "name_en" in organisation_errors(names)


def test_the_fields_declarations_give_full_cleans_messages():
    errors = column_errors(Engagement, {"kind": "poem", "title_en": "x" * 501})
    assert errors["kind"] == ["Value 'poem' is not a valid choice."]
    assert "at most 500 characters" in errors["title_en"][0]
    assert column_errors(Engagement, {"kind": "event", "title_en": "ok"}) == {}


def test_full_clean_and_the_bulk_path_refuse_the_same_row_with_the_same_words():
    values = {
        "start_date": dt.date(2021, 1, 1),
        "start_precision": "day",
        "end_date": dt.date(2020, 1, 1),
        "end_precision": "day",
    }
    with pytest.raises(ValidationError) as single:
        Engagement(key="BACKWARDS", kind="project", **values).full_clean()
    assert single.value.message_dict["end_date"] == [END_BEFORE_START]
    with pytest.raises(ValidationError, match=END_BEFORE_START):
        engagements_bulk_write(actor=LOADER, new=[_row("BACKWARDS", **values)])
    assert not Engagement.objects.filter(key="BACKWARDS").exists()


def test_a_system_actor_writes_history_under_its_name_unless_given_a_reason():
    first, second = _row("BULK-ONE"), _row("BULK-TWO")
    engagements_bulk_write(actor=LOADER, new=[first], themes={"BULK-ONE": ["housing"]})
    engagements_bulk_write(actor=LOADER, new=[second], reason="loaded for a test")
    one = Engagement.objects.get(key="BULK-ONE")
    assert list(one.themes.values_list("code", flat=True)) == ["housing"]
    (history,) = one.history.all()
    assert (history.history_change_reason, history.history_user_id) == (
        "test-loader",
        None,
    )
    assert list(history.themes.values_list("theme_id", flat=True)) == ["housing"]
    two = Engagement.objects.get(key="BULK-TWO").history.get()
    assert two.history_change_reason == "loaded for a test"


def test_an_update_raises_the_version_and_keeps_unnamed_themes(editor_kenya):
    engagement = _engagement("BULK-KE", "KE")
    engagement.themes.set(["housing"])
    engagement.title_en = "Renamed"
    engagements_bulk_write(
        actor=editor_kenya, changed=[engagement], fields={"title_en"}
    )
    engagement.refresh_from_db()
    assert (engagement.title_en, engagement.version) == ("Renamed", 2)
    assert list(engagement.themes.values_list("code", flat=True)) == ["housing"]
    assert engagement.history.first().history_type == "~"


def test_an_editor_is_refused_a_batch_with_one_engagement_outside_its_charge(
    editor_kenya,
):
    kenya, nepal = _engagement("BULK-KE", "KE"), _engagement("BULK-NP", "NP")
    for engagement in (kenya, nepal):
        engagement.title_en = "Taken over"
    with pytest.raises(NotAllowed, match="not yours to change: BULK-NP"):
        engagements_bulk_write(
            actor=editor_kenya, changed=[kenya, nepal], fields={"title_en"}
        )
    assert not Engagement.objects.filter(title_en="Taken over").exists()
    with pytest.raises(NotAllowed, match="BULK-NP"):
        places_bulk_write(
            actor=editor_kenya, new=[Row(engagement_id=nepal.pk, country_id="KE")]
        )
    assert nepal.places.count() == 1


def test_nobody_changes_a_deleted_engagement_in_bulk():
    gone = _engagement("BULK-GONE", "KE", deleted_at=timezone.now())
    gone.title_en = "Back"
    with pytest.raises(NotAllowed, match="deleted: BULK-GONE"):
        engagements_bulk_write(actor=LOADER, changed=[gone], fields={"title_en"})
    with pytest.raises(NotAllowed, match="deleted: BULK-GONE"):
        places_bulk_write(
            actor=LOADER, new=[Row(engagement_id=gone.pk, country_id="NP")]
        )


def test_records_of_an_engagement_created_in_the_same_write_are_allowed(editor_kenya):
    row = _row("BULK-NEW")
    engagements_bulk_write(actor=editor_kenya, new=[row])
    place = Row(engagement_id=row["id"], country_id="NP")
    with pytest.raises(NotAllowed):  # not created in this write: in nobody's charge
        places_bulk_write(actor=editor_kenya, new=[place])
    places_bulk_write(actor=editor_kenya, new=[place], created={row["id"]})
    org = Organisation.objects.get(key="ITDP")
    participations_bulk_write(
        actor=editor_kenya,
        new=[Row(engagement_id=row["id"], organisation_id=org.pk, role="partner")],
        created={row["id"]},
    )
    engagement = Engagement.objects.get(key="BULK-NEW")
    assert (engagement.places.count(), engagement.participations.count()) == (1, 1)


def test_only_staff_create_in_bulk():
    with pytest.raises(NotAllowed, match="(?i)only editors and administrators"):
        engagements_bulk_write(actor=FOCAL, new=[_row("BULK-FOCAL")])
    with pytest.raises(NotAllowed, match="Only editors and administrators"):
        organisations_bulk_write(
            actor=FOCAL, new=[Row(key="BULK-ORG", category="ngo", name_en="Org")]
        )
    assert not Engagement.objects.filter(key="BULK-FOCAL").exists()


def test_organisations_in_bulk_are_checked_and_versioned():
    with pytest.raises(ValidationError, match="BULK ORG!.*key"):
        organisations_bulk_write(
            actor=LOADER, new=[Row(key="BULK ORG!", category="ngo", name_en="Org")]
        )
    org = Organisation.objects.get(key="ITDP")
    version = org.version
    org.website = "https://example.org/"
    organisations_bulk_write(actor=LOADER, changed=[org], fields={"website"})
    org.refresh_from_db()
    assert (org.website, org.version) == ("https://example.org/", version + 1)
    with pytest.raises(NotAllowed, match="ITDP"):
        organisations_bulk_write(
            actor=Actor(role=Role.EDITOR, categories=frozenset({"academia"})),
            changed=[org],
            fields={"website"},
        )


def test_evidence_has_one_subject_in_full_clean_and_in_bulk():
    passage = Passage.objects.first()
    engagement = _engagement("BULK-CITED", "KE")
    org = Organisation.objects.get(key="ITDP")
    both = {"engagement_id": engagement.pk, "organisation_id": org.pk}
    with pytest.raises(ValidationError, match="exactly one"):
        Evidence(passage=passage, **both).full_clean()
    with pytest.raises(ValidationError, match="exactly one"):
        evidence_bulk_write(
            actor=LOADER,
            new=[Row(passage_id=passage.pk, participation_id=None, **both)],
        )
    assert not Evidence.objects.filter(engagement=engagement).exists()


def test_a_batch_is_refused_for_one_bad_value_among_equal_good_ones():
    """The bulk check remembers the values it found good (core/validation.py):
    a value equal to a good one but not the same (1.000 has three places, 1.00
    two) and one bad row among many are still found, with the row named."""
    engagement = _engagement("MONEY-CHECK", "KE")
    good = {
        "engagement_id": engagement.pk,
        "kind": "budget",
        "type_code": "1",
        "currency_id": "USD",
        "extras": {"published": "<budget/>"},
    }
    rows = [Row(good, position=n, amount=Decimal("1.00")) for n in range(1, 200)]
    money_lines_bulk_write(actor=LOADER, new=rows)  # every row good: written
    assert MoneyLine.objects.filter(engagement=engagement).count() == 199
    for bad in (
        {"amount": Decimal("1.000")},  # equal to 1.00, three places
        {"amount": Decimal("1" * 17)},  # 17 whole digits, 16 allowed
        {"kind": "pledge"},  # not a kind
        {"type_code": "x" * 500},  # too long
        {"extras": None},  # JSON column, not null
        {"kind": "transaction"},  # a transaction without its date
    ):
        batch = [Row(good, position=n, amount=Decimal("1.00")) for n in range(300, 400)]
        batch.insert(50, Row({**good, "position": 999, "amount": Decimal("3")} | bad))
        with pytest.raises(ValidationError, match="999"):
            money_lines_bulk_write(actor=LOADER, new=batch)
        assert not MoneyLine.objects.filter(engagement=engagement, position=999)
    rows = [Row(engagement_id=engagement.pk, country_id=c) for c in ("NP", "FR")]
    rows.append(Row(engagement_id=engagement.pk, country_id="NP", region_id="202"))
    with pytest.raises(ValidationError, match="one of the two"):
        places_bulk_write(actor=LOADER, new=rows)
