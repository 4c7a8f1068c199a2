"""The report, the API and the portal's figures keep one period rule
(`sources.periods`), and an empty period says so."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from partnerships.core.actor import ANONYMOUS
from partnerships.core.languages import UN_LANGUAGES
from partnerships.reports.outline import read_phrases
from partnerships.reports.render import render
from partnerships.reports.services import report_for_period
from partnerships.reports.snapshot import collect

pytestmark = pytest.mark.django_db

D = dt.date


def _snapshot(start: dt.date, end: dt.date) -> dict:
    return collect(report_for_period(start, end, "UN-Habitat"), ANONYMOUS)


def test_a_year_without_data_says_so_in_every_language():
    snapshot = _snapshot(D(2021, 1, 1), D(2021, 12, 31))
    assert snapshot["engagements"] == []
    assert snapshot["left_out"] == []
    phrases = read_phrases()
    for lang in UN_LANGUAGES:
        text = render(snapshot, lang, "md").decode()
        template = phrases[lang]["labels"]["empty_opening"]
        notice = max(re.split(r"\{[a-z]+\}", template), key=len).strip()
        assert len(notice) > 10 and notice in text, lang


def test_2018_alone_tells_only_2018_and_lists_the_undated_for_staff():
    snapshot = _snapshot(D(2018, 1, 1), D(2018, 12, 31))
    keys = {row["key"] for row in snapshot["engagements"]}
    assert "p009-hlpf-2018" in keys
    assert "p057-ap-partners-forum" not in keys  # January 2017
    left_out = {row["key"] for row in snapshot["left_out"]}
    key = "p018-iom-inhambane-housing-resilience"
    assert key in left_out and not left_out & keys
    row = next(r for r in snapshot["left_out"] if r["key"] == key)
    assert row["documents"] == ["HSP/HA/1/2/Add.2"]
    title = row["title"]["en"]
    assert title not in render(snapshot, "en", "md").decode()
    assert title in render(snapshot, "en", "md", draft=True).decode()
    assert title in render(snapshot, "en", "html", draft=True).decode()


def test_the_api_filters_engagements_by_the_same_rule(client):
    def count(query: str) -> int:
        response = client.get(f"/api/engagements/count/?{query}")
        assert response.status_code == 200
        return response.json()["count"]

    assert count("start=2017-01-01&end=2018-12-31") == 191
    assert count("start=2021-01-01&end=2021-12-31") == 0
    in_2018 = _snapshot(D(2018, 1, 1), D(2018, 12, 31))["engagements"]
    assert count("start=2018-01-01&end=2018-12-31") == len(in_2018)
