"""The database refuses bad engagements, roles, places and money."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction

from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    Participation,
    Place,
)
from partnerships.registry.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def engagement():
    return Engagement.objects.create(
        key="test-engagement", kind="project", title_en="T"
    )


@pytest.fixture
def participation(engagement):
    undp = Organisation.objects.get(key="UNDP")
    return Participation.objects.create(
        engagement=engagement, organisation=undp, role="funder"
    )


def _refused(func):
    with pytest.raises(IntegrityError), transaction.atomic():
        func()
        connection.check_constraints()


def test_it_rejects_an_unknown_kind():
    _refused(lambda: Engagement.objects.create(key="x", kind="party", title_en="T"))


def test_it_rejects_an_unknown_status():
    _refused(
        lambda: Engagement.objects.create(
            key="x", kind="event", status="dreaming", title_en="T"
        )
    )


def test_it_rejects_an_end_before_the_start():
    _refused(
        lambda: Engagement.objects.create(
            key="x",
            kind="event",
            title_en="T",
            start_date=dt.date(2018, 5, 1),
            start_precision="day",
            end_date=dt.date(2018, 4, 30),
            end_precision="day",
        )
    )


def test_it_accepts_an_end_on_the_start_day():
    Engagement.objects.create(
        key="x",
        kind="event",
        title_en="T",
        start_date=dt.date(2018, 5, 1),
        start_precision="day",
        end_date=dt.date(2018, 5, 1),
        end_precision="day",
    )


def test_it_rejects_a_date_without_its_precision():
    _refused(
        lambda: Engagement.objects.create(
            key="x", kind="event", title_en="T", start_date=dt.date(2018, 1, 1)
        )
    )


def test_it_rejects_a_role_that_is_not_allowed(engagement):
    undp = Organisation.objects.get(key="UNDP")
    _refused(
        lambda: Participation.objects.create(
            engagement=engagement, organisation=undp, role="sponsor"
        )
    )


def test_it_rejects_the_same_role_twice(participation):
    _refused(
        lambda: Participation.objects.create(
            engagement=participation.engagement,
            organisation=participation.organisation,
            role="funder",
        )
    )


def test_it_rejects_a_currency_that_is_not_iso_4217(participation):
    _refused(
        lambda: Contribution.objects.create(
            participation=participation, amount=Decimal(1), currency_id="EUX"
        )
    )


def test_it_rejects_a_negative_amount(participation):
    _refused(
        lambda: Contribution.objects.create(
            participation=participation, amount=Decimal(-1), currency_id="EUR"
        )
    )


def test_a_place_is_a_country_or_a_region_not_both_nor_neither(engagement):
    _refused(lambda: Place.objects.create(engagement=engagement))
    _refused(
        lambda: Place.objects.create(
            engagement=engagement, country_id="KE", region_id="298"
        )
    )
    Place.objects.create(engagement=engagement, country_id="KE", city_en="Nairobi")
    Place.objects.create(engagement=engagement, region_id="298")


def test_it_rejects_a_country_code_that_is_not_iso(engagement):
    _refused(lambda: Place.objects.create(engagement=engagement, country_id="ZZ"))
