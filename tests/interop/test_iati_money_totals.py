"""Money totals are made within one measure only, in the API as in the model."""

from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from partnerships.cooperation.models import Engagement
from partnerships.cooperation.money import totals
from partnerships.interop.iati.importer import import_file

pytestmark = pytest.mark.django_db

FCDO = Path(__file__).parent / "data" / "real" / "fcdo-activity.xml"


def _file_sums(xpath):
    root = etree.parse(str(FCDO)).getroot()
    return sum(Decimal(v.strip()) for v in root.xpath(xpath))


def test_budgets_commitments_and_disbursements_are_never_added_together(client):
    import_file(FCDO)
    engagement = Engagement.objects.get(key="GB-1-103662-101")
    held = totals(engagement.money.all())
    # Four revised budgets, each of its own period: each counts once.
    assert held["budgeted"] == {"GBP": _file_sums("//budget/value/text()")}
    assert held["spent"] == {
        "GBP": _file_sums("//transaction[transaction-type/@code='4']/value/text()")
    }
    assert "committed" not in held  # the file holds no commitment
    assert held["disbursed"] == {
        "GBP": _file_sums("//transaction[transaction-type/@code='3']/value/text()")
    }
    answer = client.get(f"/api/engagements/{engagement.key}/?expand=participants")
    assert answer.status_code == 200
    body = answer.json()
    assert body["money_totals"]["budgeted"]["GBP"] == f"{held['budgeted']['GBP']:.2f}"
    assert {line["measure"] for line in body["money"]} >= {"budgeted", "disbursed"}


def test_a_revised_budget_replaces_the_original_of_its_period():
    import_file(FCDO)
    engagement = Engagement.objects.get(key="GB-1-103662-101")
    line = engagement.money.filter(kind="budget").first()
    original = type(line)(**{**_columns(line), "type_code": "1"})
    revised = type(line)(**{**_columns(line), "type_code": "2", "amount": 1})
    assert totals([original])["budgeted"] == {line.currency_id: line.amount}
    assert totals([original, revised])["budgeted"] == {line.currency_id: Decimal(1)}


def _columns(line):
    return {
        f.attname: getattr(line, f.attname)
        for f in type(line)._meta.concrete_fields
        if not f.primary_key
    }
