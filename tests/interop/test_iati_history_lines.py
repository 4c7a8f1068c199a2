"""An import's places and money lines are recorded in the history row of their
engagement (no history row of their own): added, changed and removed lines,
compared with the file read here with lxml, and shown on the staff history page
and to staff in the API."""

from decimal import Decimal

import pytest
from django.test import Client
from lxml import etree

from partnerships.cooperation.models import Engagement, MoneyLine, Place
from partnerships.interop.iati.importer import import_file
from tests.interop.iati_import_helpers import EXAMPLE

pytestmark = pytest.mark.django_db
KEY = "AA-AAA-123456789-ABC123"
BUDGET = '<value currency="EUR" value-date="2014-01-01">3000</value>\n  </budget>'


def _lines(path):
    activity = etree.parse(str(path)).getroot().find("iati-activity")
    money = [
        Decimal(line.findtext("value").strip())
        for line in activity.xpath("budget|planned-disbursement|transaction")
    ]
    countries = [c.get("code") for c in activity.findall("recipient-country")]
    regions = [
        r.get("code")
        for r in activity.findall("recipient-region")
        if r.get("vocabulary", "1") == "1"
    ]
    return money, countries, regions


def _changed_file(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index("<!--transaction starts-->")
    end = text.index("<!--transaction ends-->")
    assert BUDGET in text
    text = (text[:start] + text[end:]).replace(BUDGET, BUDGET.replace("3000", "3500"))
    text = text.replace(
        '<recipient-country code="AG" percentage="25" />',
        (
            '<recipient-country code="AG" percentage="25" />'
            '<recipient-country code="KE" percentage="0" />'
        ),
    )
    path = tmp_path / EXAMPLE.name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_lines_an_import_writes_are_in_the_engagements_history(tmp_path, cast):
    money, countries, regions = _lines(EXAMPLE)
    own = (Place.history.count(), MoneyLine.history.count())  # the seed's
    import_file(EXAMPLE)
    engagement = Engagement.objects.get(key=KEY)
    (created,) = engagement.history.all()
    added = created.history_children
    assert [Decimal(line["amount"]) for line in added["money"]["added"]] == money
    assert [line["position"] for line in added["money"]["added"]] == list(
        range(1, len(money) + 1)
    )
    assert [p["country"] for p in added["places"]["added"] if "country" in p] == (
        countries
    )
    assert [p["region"] for p in added["places"]["added"] if "region" in p] == regions
    # No history row of their own.
    assert (Place.history.count(), MoneyLine.history.count()) == own

    changed = _changed_file(tmp_path)
    new_money, _, _ = _lines(changed)
    assert len(new_money) == len(money) - 1
    summary = import_file(changed)
    assert summary.updated == 1
    engagement.refresh_from_db()
    assert engagement.version == 2
    latest = engagement.history.first()
    assert (latest.history_type, latest.history_change_reason) == ("~", "import-iati")
    log = latest.history_children
    assert log["places"] == {"added": [{"country": "KE"}]}
    assert log["money"]["changed"] == [
        # The line as published changed too (its XML is the file's, not repeated).
        {
            "position": 1,
            "changes": {"amount": ["3000.00", "3500"], "published": "changed"},
        }
    ]
    (removed,) = log["money"]["removed"]
    assert (removed["position"], removed["kind"], removed["amount"]) == (
        len(money),
        "transaction",
        "1000.00",
    )
    assert MoneyLine.objects.filter(engagement=engagement).count() == len(new_money)
    assert (Place.history.count(), MoneyLine.history.count()) == own

    admin = Client()
    admin.force_login(cast["administrator"])
    page = admin.get(f"/staff/engagement/{KEY}/history/").content.decode()
    assert "Place added: Kenya (KE)" in page
    assert "Money line 1 changed: amount 3000.00 → 3500" in page
    assert f"Money line {len(money)} removed: transaction 1, 2012-01-01" in page
    assert f"Money line {len(money)} added" in page  # the first import's lines
    api = admin.get(f"/api/engagements/{KEY}/history/").json()
    assert api[0]["children"] == log
    # The public reads no child lines: they may name a partner or an amount.
    public = Client().get(f"/api/engagements/{KEY}/history/").json()
    assert all(entry["children"] == {} for entry in public)
