"""The statistics annex, computed from a run's snapshot.

Money is shown per currency and never added up across currencies: the registry keeps
no dated exchange rates, and a total without its rate and date would mislead.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from types import SimpleNamespace
from typing import Any, cast

from partnerships.cooperation.money import MEASURES, MoneyLine, totals


def statistics(snapshot: dict[str, Any]) -> dict[str, Any]:
    reporter = snapshot["report"]["reporter"]
    orgs = snapshot["organisations"]
    rows = snapshot["engagements"]
    partners = sorted(
        {p["org"] for row in rows for p in row["participants"]} - {reporter}
    )
    by_category = Counter(orgs[k]["category"] for k in partners)
    by_region = Counter(orgs[k]["region"] or "" for k in partners)
    by_kind = Counter(row["kind"] for row in rows)
    by_theme = Counter(t for row in rows for t in row["themes"])
    money: dict[str, dict[str, Any]] = {}
    for row in rows:
        for p in row["participants"]:
            for m in p["money"]:
                entry = money.setdefault(
                    m["currency"], {"amount": Decimal(0), "count": 0}
                )
                entry["amount"] += Decimal(m["amount"])
                entry["count"] += 1
    sdg = Counter(t for row in rows for t in row["sdg_targets"])
    return {
        "partners_by_category": by_category.most_common(),
        "partners_by_region": by_region.most_common(),
        "engagements_by_kind": by_kind.most_common(),
        "engagements_by_theme": by_theme.most_common(),
        "money_by_currency": sorted(
            (code, v["amount"], v["count"]) for code, v in money.items()
        ),
        "money_by_measure": money_by_measure(snapshot.get("money_lines")),
        "sdg_targets": sorted(sdg.items(), key=lambda kv: _target_order(kv[0])),
    }


def money_by_measure(
    lines: list[dict[str, Any]] | None,
) -> list[tuple[str, str, Decimal, int]] | None:
    """(measure, currency, total, lines) for each measure and currency, totalled
    by `cooperation.money.totals`, each line within its own measure only: a
    budget, a commitment and the disbursement that pays it are the same money at
    different stages and are never added together. None for a run stored before
    the snapshot carried money lines."""
    if lines is None:
        return None
    # `totals` reads only these attributes of a line: the stored lines stand in.
    as_lines = [
        SimpleNamespace(
            engagement_id=line["engagement"],
            kind=line["kind"],
            type_code=line["type_code"],
            period_start=line["period_start"],
            period_end=line["period_end"],
            amount=Decimal(line["amount"]),
            currency_id=line["currency"],
        )
        for line in lines
    ]
    counted = Counter((line["measure"], line["currency"]) for line in lines)
    order = list(MEASURES)
    return sorted(
        (
            (measure, code, amount, counted[(measure, code)])
            for measure, sums in totals(cast("list[MoneyLine]", as_lines)).items()
            for code, amount in sums.items()
        ),
        key=lambda row: (order.index(row[0]), row[1]),
    )


def _target_order(code: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in code.split("."))
