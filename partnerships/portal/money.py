"""The dashboards' money: totals per measure ("budgeted", "committed",
"disbursed", "spent", ...) and currency, by kind of engagement, and the flows of
each measure, through the permission layer.

A measure is one kind of money (`cooperation.money.MEASURES`): a budget, a
commitment and the disbursement that pays it are the same money seen three
times, so sums are never made across measures, nor across currencies. Money
comes from the engagements' money lines and from the contributions entered by
hand that have no line of their own (each is an incoming commitment,
"committed-to", as the money-lines migration reads them).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from partnerships.cooperation.models import Contribution
from partnerships.cooperation.money import (
    BUDGET_REVISED,
    MEASURES,
    MoneyKind,
    MoneyLine,
    measure_of,
)
from partnerships.core.actor import Actor
from partnerships.portal.figures import cached_for

HAND_ENTERED = "committed-to"
LABELS = {
    "budgeted": _("budgeted"),
    "planned": _("planned"),
    "incoming": _("received"),
    "committed": _("committed"),
    "disbursed": _("disbursed"),
    "spent": _("spent"),
    "committed-to": _("commitments received"),
    "pledged": _("pledged"),
    "pledged-to": _("pledges received"),
}
Cells = dict[tuple[str, str, str], Decimal]  # (engagement kind, measure, currency)


def by_measure(actor: Actor) -> dict[str, Any]:
    """`cells`: (kind of engagement, measure, currency) -> sum; `flows`: measure ->
    Sankey links in US dollars (funders -> kinds of engagement -> recipients)."""

    def compute() -> dict[str, Any]:
        lines, hand = _visible_money(actor)
        cells: Cells = defaultdict(Decimal)
        _add_transactions(cells, lines)
        _add_budgets(cells, lines)
        for row in hand.values(
            "participation__engagement__kind", "currency_id"
        ).annotate(total=Sum("amount")):
            key = (row["participation__engagement__kind"], HAND_ENTERED)
            cells[(*key, row["currency_id"])] += row["total"]
        return {"cells": dict(cells), "flows": _flows(lines, hand)}

    return cached_for(actor, "money-by-measure", compute)


def _visible_money(actor: Actor) -> tuple[QuerySet, QuerySet]:
    """The money lines and the hand-entered contributions without a line that the
    actor may see, each row tested on its own (EXISTS): the policy querysets'
    IN lists would first list every visible engagement and participation, seconds
    at a million engagements."""
    from partnerships.portal.selectors import visible_engagement, visible_organisation

    def known_and_visible(side: str) -> Q:
        return Q(**{f"{side}_id__isnull": True}) | Q(
            visible_organisation(actor, f"{side}_id")
        )

    lines = MoneyLine.objects.filter(
        visible_engagement(actor, "engagement_id"),
        known_and_visible("provider"),
        known_and_visible("receiver"),
    ).order_by()
    hand = Contribution.objects.filter(
        visible_engagement(actor, "participation__engagement_id"),
        visible_organisation(actor, "participation__organisation_id"),
        line__isnull=True,
    ).order_by()
    return lines, hand


def _add_transactions(cells: Cells, lines: QuerySet) -> None:
    rows = (
        lines.exclude(kind=MoneyKind.BUDGET)
        .values("engagement__kind", "kind", "type_code", "currency_id")
        .annotate(total=Sum("amount"))
    )
    for row in rows:
        measure = measure_of(row["kind"], row["type_code"])
        if measure:
            key = (row["engagement__kind"], measure, row["currency_id"])
            cells[key] += row["total"]


def _add_budgets(cells: Cells, lines: QuerySet) -> None:
    """A revised budget replaces the original budgets of the same engagement and
    period (IATI's rule, as `cooperation.money.totals` applies it)."""
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    budgets = lines.filter(kind=MoneyKind.BUDGET).values(
        "engagement_id",
        "engagement__kind",
        "period_start",
        "period_end",
        "type_code",
        "currency_id",
        "amount",
    )
    for row in budgets.iterator(2000):
        groups[(row["engagement_id"], row["period_start"], row["period_end"])].append(
            row
        )
    for group in groups.values():
        revised = [row for row in group if row["type_code"] == BUDGET_REVISED]
        for row in revised or group:
            if row["type_code"] in MEASURES["budgeted"][1]:
                key = (row["engagement__kind"], "budgeted", row["currency_id"])
                cells[key] += row["amount"]


def _flows(lines: QuerySet, hand: QuerySet, limit: int = 15) -> dict[str, list]:
    """Per measure, the largest sums in US dollars from each provider to each kind
    of engagement and from each kind to each recipient."""
    links: dict[str, dict[tuple[str, str], Decimal]] = defaultdict(
        lambda: defaultdict(Decimal)
    )
    rows = (
        lines.filter(currency_id="USD")
        .exclude(kind=MoneyKind.BUDGET)
        .values(
            "kind",
            "type_code",
            "engagement__kind",
            "provider__key",
            "provider_name",
            "receiver__key",
            "receiver_name",
        )
        .annotate(total=Sum("amount"))
    )
    for row in rows:
        measure = measure_of(row["kind"], row["type_code"])
        if measure:
            _link(links[measure], row, row["total"])
    funders = (
        hand.filter(currency_id="USD", participation__role="funder")
        .values("participation__organisation__key", "participation__engagement__kind")
        .annotate(total=Sum("amount"))
    )
    for row in funders:
        source = "f:" + row["participation__organisation__key"]
        target = "k:" + row["participation__engagement__kind"]
        links[HAND_ENTERED][(source, target)] += row["total"]
    return {
        measure: [
            {"source": s, "target": t, "value": float(v)}
            for (s, t), v in sorted(found.items(), key=lambda i: -i[1])[: 2 * limit]
        ]
        for measure, found in links.items()
    }


def _link(found: dict[tuple[str, str], Decimal], row: dict, total: Decimal) -> None:
    kind = "k:" + row["engagement__kind"]
    provider = row["provider__key"] or row["provider_name"]
    receiver = row["receiver__key"] or row["receiver_name"]
    if provider:
        found[("f:" + provider, kind)] += total
    if receiver:
        found[(kind, "i:" + receiver)] += total


def tables(found: dict[str, Any], kinds: dict[str, str]) -> dict[str, Any]:
    """What the page shows: currencies (most used first), a row per measure with
    its total in each currency, and a row per kind of engagement and measure."""
    cells: Cells = found["cells"]
    per_measure: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for (_kind, measure, currency), total in cells.items():
        per_measure[(measure, currency)] += total
    used = defaultdict(int)
    for _measure, currency in per_measure:
        used[currency] += 1
    currencies = sorted(used, key=lambda c: (-used[c], c))
    measures = [m for m in MEASURES if any(k[0] == m for k in per_measure)]
    return {
        "currencies": currencies,
        "measures": [
            (m, LABELS[m], [per_measure.get((m, c)) for c in currencies])
            for m in measures
        ],
        "by_kind": [
            (code, label, m, LABELS[m], [cells.get((code, m, c)) for c in currencies])
            for code, label in kinds.items()
            for m in measures
            if any((code, m, c) in cells for c in currencies)
        ],
        "flows": [(m, LABELS[m]) for m in measures if found["flows"].get(m)],
    }
