"""The one rule that says which engagements belong to a period, on the seed's data."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerships.cooperation.models import Engagement
from partnerships.sources.models import SourceDocument
from partnerships.sources.periods import engagements_of_period, undated_left_out

pytestmark = pytest.mark.django_db

D = dt.date


def _keys(start, end) -> set[str]:
    found = engagements_of_period(
        Engagement.objects.all(), start, end, SourceDocument.objects.all()
    )
    return set(found.values_list("key", flat=True))


def _left_out(start, end) -> set[str]:
    found = undated_left_out(
        Engagement.objects.all(), start, end, SourceDocument.objects.all()
    )
    return set(found.values_list("key", flat=True))


def _date(key: str, start, end, status: str = "completed", precision="day") -> None:
    Engagement.objects.filter(key=key).update(
        start_date=start,
        start_precision=precision if start else "",
        end_date=end,
        end_precision=precision if end else "",
        status=status,
    )


def test_the_seed_period_holds_all_191_engagements_of_the_seed_report():
    assert len(_keys(D(2017, 1, 1), D(2018, 12, 31))) == 191
    assert _left_out(D(2017, 1, 1), D(2018, 12, 31)) == set()


def test_2018_alone_holds_only_what_its_own_dates_place_in_2018():
    keys = _keys(D(2018, 1, 1), D(2018, 12, 31))
    assert {
        "p009-hlpf-2018",  # July 2018
        "p039-state-of-african-cities-2018",  # June 2018, no end
        "p011-youth-2030-strategy",  # only an end, in October 2018
        "p062-lac-regional-action-plan-nua",  # 2016-2036, told in 2017-2018
    } <= keys
    assert (
        not {
            "p057-ap-partners-forum",  # January 2017
            "p051-mixed-reality-test-johannesburg",  # September 2017
            "p052-maji-wazi",  # 2015
            "p021-undp-mou-2012-addendum",  # 2012
            "p034-gltn",  # 2006
        }
        & keys
    )
    undated = Engagement.objects.filter(start_date=None, end_date=None)
    assert not set(undated.values_list("key", flat=True)) & keys


def test_undated_engagements_of_a_longer_report_are_left_out_for_staff_to_see():
    left_out = _left_out(D(2018, 1, 1), D(2018, 12, 31))
    assert "p018-iom-inhambane-housing-resilience" in left_out
    assert (
        len(left_out)
        == Engagement.objects.filter(start_date=None, end_date=None).count()
    )
    assert not left_out & _keys(D(2018, 1, 1), D(2018, 12, 31))


def test_a_year_without_data_is_empty():
    assert _keys(D(2021, 1, 1), D(2021, 12, 31)) == set()
    assert _left_out(D(2021, 1, 1), D(2021, 12, 31)) == set()


def test_a_date_counts_at_the_precision_it_was_recorded_with():
    # "June 2018" overlaps the middle of June; "18 June 2018" does not overlap 20 June.
    assert "p039-state-of-african-cities-2018" in _keys(D(2018, 6, 15), D(2018, 6, 20))
    _date("p039-state-of-african-cities-2018", D(2018, 6, 18), None)
    assert "p039-state-of-african-cities-2018" not in _keys(
        D(2018, 6, 19), D(2018, 6, 20)
    )


def test_own_dates_after_what_the_sources_know_stand():
    _date("p002-wuf9", D(2021, 5, 1), D(2021, 5, 3))
    assert "p002-wuf9" in _keys(D(2021, 1, 1), D(2021, 12, 31))


def test_a_start_without_an_end_is_not_assumed_to_run_on():
    _date("p040-psup", D(2015, 1, 1), None, status="ongoing", precision="year")
    assert "p040-psup" not in _keys(D(2016, 1, 1), D(2016, 12, 31))
    assert "p040-psup" in _keys(D(2015, 3, 1), D(2015, 3, 31))


def test_a_report_within_the_period_vouches_for_its_undated_engagements():
    SourceDocument.objects.filter(symbol="HSP/HA/1/2/Add.2").update(
        period_start=D(2021, 1, 1), period_end=D(2022, 12, 31)
    )
    assert "p018-iom-inhambane-housing-resilience" in _keys(
        D(2020, 1, 1), D(2023, 12, 31)
    )
    assert "p018-iom-inhambane-housing-resilience" not in _keys(
        D(2021, 1, 1), D(2021, 12, 31)
    )


def test_either_end_of_the_period_may_be_open():
    before = _keys(None, D(2016, 12, 31))
    assert {"p034-gltn", "p052-maji-wazi"} <= before
    assert "p009-hlpf-2018" not in before
    after = _keys(D(2019, 1, 1), None)
    assert "p051-mixed-reality-report" in after  # planned for December 2019
    assert "p009-hlpf-2018" not in after
