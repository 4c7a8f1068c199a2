"""`partnerships synth`: reproducible synthetic data that never mixes by accident."""

import io

import pytest
from django.core.management import CommandError, call_command

from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    Participation,
    Place,
)
from partnerships.interop.dump import engagement_record, engagements
from partnerships.registry.models import Organisation

pytestmark = pytest.mark.django_db


def _synth(**options):
    call_command(
        "synth", organisations=40, engagements=150, stdout=io.StringIO(), **options
    )


_WHEN_WRITTEN = ("created_at", "updated_at")


def _without_times(record: dict) -> dict:
    """A record as the seed decides it: the times it was written left out."""
    return {k: v for k, v in record.items() if k not in _WHEN_WRITTEN}


def _synthetic_dump():
    synthetic = engagements().filter(is_synthetic=True)
    records = [_without_times(engagement_record(e)) for e in synthetic]
    for record in records:
        record["participants"] = [_without_times(p) for p in record["participants"]]
    return records


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


def test_every_synthetic_row_has_its_history_written_as_the_system_actor():
    _synth(seed=3, mix=True)
    rows = {
        "organisations": Organisation.objects.filter(is_synthetic=True),
        "engagements": Engagement.objects.filter(is_synthetic=True),
        "participations": Participation.objects.filter(engagement__is_synthetic=True),
        "places": Place.objects.filter(engagement__is_synthetic=True),
        "contributions": Contribution.objects.filter(
            participation__engagement__is_synthetic=True
        ),
    }
    for name, live in rows.items():
        history = live.model.history.filter(id__in=live.values("id"))
        assert live.exists(), name
        assert history.count() == live.count(), name
        assert set(
            history.values_list("history_type", "history_change_reason", "history_user")
        ) == {("+", "synth", None)}, name
    engagement = rows["engagements"].filter(themes__isnull=False).first()
    (snapshot,) = engagement.history.all()
    assert set(snapshot.themes.values_list("theme_id", flat=True)) == set(
        engagement.themes.values_list("code", flat=True)
    )


def test_replacing_synthetic_data_removes_its_history_too():
    _synth(seed=3, mix=True)
    before = {
        model: set(model.history.values_list("history_id", flat=True))
        for model in (Organisation, Engagement, Participation, Place, Contribution)
    }
    _synth(seed=3, mix=True, replace=True)
    for model, earlier in before.items():
        synthetic = model.history.filter(
            history_type="+", history_change_reason="synth"
        )
        left = set(synthetic.values_list("history_id", flat=True)) & earlier
        assert not left, model
    assert Engagement.history.filter(is_synthetic=True).count() == 150
