"""The dashboards' money: totals per measure and currency, never added across
measures, by kind of engagement, and one flow diagram per measure."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

import pytest
from django.core.cache import cache

from partnerships.cooperation.bulk import money_lines_bulk_write
from partnerships.cooperation.models import Contribution, Engagement
from partnerships.cooperation.money import MoneyLine
from partnerships.cooperation.visibility import engagements_visible_to
from partnerships.core.actor import ANONYMOUS, system_actor
from partnerships.registry.models import Organisation
from partnerships.registry.visibility import organisations_visible_to

pytestmark = pytest.mark.django_db

# The test's own reading of IATI's codes: (kind, type) -> what the page calls it.
NAMES = {
    ("transaction", "1"): "received",
    ("transaction", "2"): "committed",
    ("transaction", "3"): "disbursed",
    ("transaction", "4"): "spent",
    ("transaction", "11"): "commitments received",
    ("planned-disbursement", ""): "planned",
}
A = (dt.date(2020, 1, 1), dt.date(2020, 12, 31))
B = (dt.date(2021, 1, 1), dt.date(2021, 12, 31))


def _line(engagement, position, kind, code, amount, currency="USD", **more):
    period = more.pop("period", (None, None))
    when = dt.date(2020, 6, 1) if kind == "transaction" else None
    return {
        "engagement_id": engagement.pk,
        "position": position,
        "kind": kind,
        "type_code": code,
        "amount": Decimal(amount),
        "currency_id": currency,
        "period_start": period[0],
        "period_end": period[1],
        "date": when,
        **more,
    }


@pytest.fixture
def lines():
    shown = engagements_visible_to(ANONYMOUS).order_by("pk")
    first, second = shown[0], shown[1]
    hidden = Engagement.objects.filter(is_published=False).first() or first
    giver = Organisation.objects.get(key="UNDP")
    taker = Organisation.objects.get(key="UN-Habitat")
    rows = [
        _line(first, 1, "budget", "1", "100", period=A),
        _line(first, 2, "budget", "2", "150", period=A),  # replaces the first
        _line(first, 3, "budget", "1", "70", period=B),
        _line(first, 4, "transaction", "2", "1000", provider_id=giver.pk),
        _line(
            first,
            5,
            "transaction",
            "3",
            "400",
            provider_id=giver.pk,
            receiver_id=taker.pk,
        ),
        _line(first, 6, "transaction", "3", "200", "EUR"),
        _line(second, 1, "transaction", "4", "50", receiver_name="A city"),
        _line(second, 2, "planned-disbursement", "", "30"),
    ]
    if hidden.pk != first.pk:
        rows.append(_line(hidden, 1, "transaction", "3", "999"))
    money_lines_bulk_write(actor=system_actor("test"), new=rows)
    cache.clear()


def _expected() -> dict[tuple[str, str], Decimal]:
    """Each visible line under its own name; a revised budget instead of the
    originals of its period; hand-entered money without a line as an incoming
    commitment."""
    seen = set(engagements_visible_to(ANONYMOUS).values_list("pk", flat=True))
    orgs = set(organisations_visible_to(ANONYMOUS).values_list("pk", flat=True))
    out: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    budgets = defaultdict(list)
    for line in MoneyLine.objects.all():
        if line.engagement_id not in seen:
            continue
        if any(
            o is not None and o not in orgs
            for o in (line.provider_id, line.receiver_id)
        ):
            continue
        if line.kind == "budget":
            budgets[(line.engagement_id, line.period_start)].append(line)
        elif (line.kind, line.type_code) in NAMES:
            out[(NAMES[(line.kind, line.type_code)], line.currency_id)] += line.amount
    for group in budgets.values():
        revised = [b for b in group if b.type_code == "2"]
        for b in revised or group:
            out[("budgeted", b.currency_id)] += b.amount
    for money in Contribution.objects.select_related("participation"):
        part = money.participation
        if (
            not MoneyLine.objects.filter(contribution=money).exists()
            and part.engagement_id in seen
            and part.organisation_id in orgs
        ):
            out[("commitments received", money.currency_id)] += money.amount
    return dict(out)


def _shown(table, currencies, label_at: int) -> dict[tuple[str, str], Decimal]:
    found: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for row in table:
        for currency, total in zip(currencies, row[-1], strict=True):
            if total is not None:
                found[(str(row[label_at]), currency)] += total
    return dict(found)


def test_totals_per_measure_and_currency_match_an_independent_sum(client, lines):
    expected = _expected()
    assert expected[("budgeted", "USD")] >= Decimal("220")  # 150 + 70, not 320
    page = client.get("/dashboards/")
    money = page.context["money"]
    assert _shown(money["measures"], money["currencies"], 1) == expected
    # The rows by kind of engagement add up to the same, measure by measure.
    assert _shown(money["by_kind"], money["currencies"], 3) == expected
    html = page.content.decode()
    assert "disbursed" in html and "budgeted" in html
    kind = money["by_kind"][0][0]
    assert f'href="/engagements/?kind={kind}"' in html


def test_one_flow_diagram_per_measure_in_us_dollars(client, lines):
    flows = client.get("/dashboards/money.json").json()["flows"]
    disbursed = {
        (link["source"], link["target"]): link["value"] for link in flows["disbursed"]
    }
    assert disbursed[("f:UNDP", next(t for s, t in disbursed if s == "f:UNDP"))] == 400
    assert any(t == "i:UN-Habitat" and v == 400 for (_s, t), v in disbursed.items())
    assert 999 not in disbursed.values()  # hidden engagement
    assert (
        "f:UNDP",
        "k:" + engagements_visible_to(ANONYMOUS).order_by("pk")[0].kind,
    ) in {(link["source"], link["target"]) for link in flows["committed"]}
    assert "budgeted" not in flows  # budgets name no provider or recipient
    page = client.get("/dashboards/").content.decode()
    assert 'data-measure="disbursed"' in page and 'data-measure="spent"' in page
