"""Money in the statistics annex: totals within one measure and one currency only,
checked against an independent sum of the stored lines and contributions."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest

from partnerships.cooperation.models import Contribution
from partnerships.cooperation.money import MoneyLine
from partnerships.reports.annex import statistics_annex
from partnerships.reports.realise import realise
from partnerships.reports.stats import money_by_measure

pytestmark = pytest.mark.django_db

# IATI transaction types as their codelist names them, read independently of the
# product's MEASURES.
TRANSACTIONS = {"1": "incoming", "2": "committed", "3": "disbursed", "4": "spent"}
TRANSACTIONS |= {"11": "committed-to", "12": "pledged", "13": "pledged-to"}


def _independent(keys: set[str]) -> dict[tuple[str, str], Decimal]:
    """(measure, currency) -> sum, from the database: transactions by their type,
    hand-entered contributions without a line as incoming commitments."""
    sums: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for line in MoneyLine.objects.filter(engagement__key__in=keys):
        if line.kind == "transaction" and line.type_code in TRANSACTIONS:
            sums[(TRANSACTIONS[line.type_code], line.currency_id)] += line.amount
    for money in Contribution.objects.filter(
        participation__engagement__key__in=keys, line__isnull=True
    ):
        sums[("committed-to", money.currency_id)] += money.amount
    return dict(sums)


def test_the_annex_totals_each_measure_and_currency_apart(stored_snapshot):
    keys = {row["key"] for row in stored_snapshot["engagements"]}
    expected = _independent(keys)
    assert expected, "the seed period holds money"
    rows = money_by_measure(stored_snapshot["money_lines"])
    assert {(m, c): amount for m, c, amount, _ in rows} == expected
    # The table shows each of them, labelled by measure in the reader's language.
    doc = realise(stored_snapshot, "fr")
    table = next(
        t for t in statistics_annex(doc, charts=False) if t.title.startswith("Montants")
    )
    assert len(table.rows) == len(expected)
    assert table.rows[0][0].text == "Engagements reçus"


def _line(measure_kind: str, code: str, amount: str, currency: str = "USD") -> dict:
    return {
        "engagement": "E1",
        "measure": None,
        "kind": measure_kind,
        "type_code": code,
        "period_start": "2018-01-01" if measure_kind == "budget" else None,
        "period_end": "2018-12-31" if measure_kind == "budget" else None,
        "amount": amount,
        "currency": currency,
    }


def test_kinds_of_money_are_never_added_together():
    lines = [
        _line("budget", "1", "100"),
        _line("budget", "2", "120"),  # revises the original of the same period
        _line("transaction", "2", "90"),
        _line("transaction", "3", "60"),
        _line("transaction", "3", "20"),
        _line("transaction", "4", "50"),
        _line("transaction", "3", "7", "EUR"),
    ]
    for line in lines:
        line["measure"] = {
            "1": "budgeted",
            "2": "budgeted" if line["kind"] == "budget" else "committed",
        }.get(line["type_code"], TRANSACTIONS.get(line["type_code"]))
    totals = {(m, c): (a, n) for m, c, a, n in money_by_measure(lines)}
    assert totals == {
        ("budgeted", "USD"): (Decimal(120), 2),
        ("committed", "USD"): (Decimal(90), 1),
        ("disbursed", "USD"): (Decimal(80), 2),
        ("disbursed", "EUR"): (Decimal(7), 1),
        ("spent", "USD"): (Decimal(50), 1),
    }
    grand = sum(Decimal(line["amount"]) for line in lines)
    assert all(a < grand for a, _ in totals.values())


def test_a_run_stored_before_money_lines_keeps_money_by_currency(stored_snapshot):
    snapshot = {k: v for k, v in stored_snapshot.items() if k != "money_lines"}
    doc = realise(snapshot, "en")
    titles = [t.title for t in statistics_annex(doc, charts=False)]
    assert "Money by currency" in titles
