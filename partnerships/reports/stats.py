"""The statistics annex, computed from a run's snapshot.

Money is shown per currency and never added up across currencies: the registry keeps
no dated exchange rates, and a total without its rate and date would mislead.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any


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
        "sdg_targets": sorted(sdg.items(), key=lambda kv: _target_order(kv[0])),
    }


def _target_order(code: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in code.split("."))
