"""`partnerships synth`: reproducible synthetic data that never mixes by accident."""

import io

import pytest
from django.core.management import CommandError, call_command

from partnerships.cooperation.models import Engagement, Participation
from partnerships.interop.dump import engagement_record, engagements
from partnerships.registry.models import Organisation

pytestmark = pytest.mark.django_db


def _synth(**options):
    call_command(
        "synth", organisations=40, engagements=150, stdout=io.StringIO(), **options
    )


def _synthetic_dump():
    return [engagement_record(e) for e in engagements().filter(is_synthetic=True)]


def test_it_refuses_a_database_with_real_data():
    with pytest.raises(CommandError, match="holds .* real organisations"):
        _synth(seed=1)
    assert not Organisation.objects.filter(is_synthetic=True).exists()


def test_it_makes_what_was_asked_and_marks_it_synthetic():
    real = Engagement.objects.count()
    _synth(seed=1, mix=True)
    assert Organisation.objects.filter(is_synthetic=True).count() == 40
    assert Engagement.objects.count() == real + 150
    synthetic = Participation.objects.filter(engagement__is_synthetic=True)
    assert synthetic.count() >= 150
    assert not synthetic.filter(organisation__is_synthetic=False).exists()


def test_the_same_seed_gives_the_same_data():
    _synth(seed=5, mix=True)
    first = _synthetic_dump()
    _synth(seed=5, mix=True, replace=True)
    assert _synthetic_dump() == first
    _synth(seed=6, mix=True, replace=True)
    assert _synthetic_dump() != first


def test_it_refuses_to_add_to_earlier_synthetic_data_unless_told_to_replace():
    _synth(seed=1, mix=True)
    with pytest.raises(CommandError, match="--replace"):
        _synth(seed=2, mix=True)


def test_records_made_after_it_get_fresh_ids():
    _synth(seed=1, mix=True)
    org = Organisation.objects.create(key="AFTER", category="ngo", name_en="After")
    assert org.pk > Organisation.objects.exclude(pk=org.pk).order_by("-pk")[0].pk
