"""The period's figures the report composes sections VIII.G, VIII.H and IX from."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from partnerships.stakeholders.figures import period_figures
from tests.stakeholders.conftest import application_form

PERIOD = (dt.date(2017, 1, 1), dt.date(2018, 12, 31))


def test_the_seed_period_holds_the_worked_examples(db):
    figures = period_figures(*PERIOD)
    trainings = {t["key"]: t for t in figures["trainings"]}
    bangkok = trainings["bangkok-nso-observatories"]
    assert bangkok["engagement"] == "p078-bangkok-training-nso-urban-observatories"
    assert bangkok["organisations_by_group"] == {
        "grassroots": 1,
        "local_authorities": 1,
        "women": 1,
        "ngo": 1,
    }
    assert bangkok["people"] is None
    assert "11.3.1" in bangkok["indicators"]
    bodies = {b["key"] for b in figures["bodies"]}
    assert {"stakeholder-advisory-group", "youth-advisory-board"} <= bodies
    assert [c["key"] for c in figures["consultations"]] == ["strategic-plan-2020-2025"]


def test_applications_count_by_category_when_received(client, session):
    client.post(reverse("stakeholders:apply", args=[session.key]), application_form())
    today = dt.date.today()
    figures = period_figures(today, today)
    assert figures["applications"]["received_by_group"] == {"grassroots": 1}
    assert period_figures(*PERIOD)["applications"]["received_by_group"] == {}
