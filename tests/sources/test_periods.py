"""The one rule that says which engagements belong to a period."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerships.cooperation.models import Engagement
from partnerships.sources.models import SourceDocument
from partnerships.sources.periods import engagements_of_period

pytestmark = pytest.mark.django_db

START, END = dt.date(2021, 1, 1), dt.date(2022, 12, 31)


def _keys() -> set[str]:
    found = engagements_of_period(
        Engagement.objects.all(), START, END, SourceDocument.objects.all()
    )
    return set(found.values_list("key", flat=True))


def _date(key: str, start, end, status: str) -> None:
    Engagement.objects.filter(key=key).update(
        start_date=start,
        start_precision="day" if start else "",
        end_date=end,
        end_precision="day" if end else "",
        status=status,
    )


def test_own_dates_decide_for_an_engagement_no_source_vouches_for():
    _date("p002-wuf9", dt.date(2021, 5, 1), None, "completed")  # started in it
    _date("p040-psup", dt.date(2015, 1, 1), None, "ongoing")  # may still run
    _date("p024-unicef-school-safety", dt.date(2015, 1, 1), None, "completed")
    _date("p019-unep-mou", dt.date(2015, 1, 1), dt.date(2020, 12, 31), "completed")
    _date("p018-iom-afghanistan-reintegration", dt.date(2023, 1, 1), None, "planned")
    keys = _keys()
    assert {"p002-wuf9", "p040-psup"} <= keys
    assert (
        not {
            "p024-unicef-school-safety",
            "p019-unep-mou",
            "p018-iom-afghanistan-reintegration",
        }
        & keys
    )


def test_a_source_covering_the_period_vouches_for_an_undated_engagement():
    assert "p018-iom-inhambane-housing-resilience" not in _keys()
    SourceDocument.objects.filter(symbol="HSP/HA/1/2/Add.2").update(
        period_start=dt.date(2021, 1, 1), period_end=dt.date(2022, 12, 31)
    )
    assert "p018-iom-inhambane-housing-resilience" in _keys()
