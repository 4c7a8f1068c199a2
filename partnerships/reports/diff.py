"""What changed between two runs (or two periods): partners, agreements, countries,
money."""

from __future__ import annotations

from typing import Any


def _index(snapshot: dict[str, Any]) -> dict[str, Any]:
    reporter = snapshot["report"]["reporter"]
    rows = {row["key"]: row for row in snapshot["engagements"]}
    partners = {p["org"] for row in rows.values() for p in row["participants"]} - {
        reporter
    }
    agreements = {k: r for k, r in rows.items() if r["kind"] == "agreement"}
    ended = {
        k for k, r in agreements.items() if r["status"] in ("completed", "cancelled")
    }
    countries = {
        pl["country"] for r in rows.values() for pl in r["places"] if pl["country"]
    }
    money = {}
    for key, row in rows.items():
        for p in row["participants"]:
            for m in p["money"]:
                money[(key, p["org"], m["currency"], m["date"])] = m["amount"]
    return {
        "partners": partners,
        "agreements": set(agreements),
        "ended": ended,
        "countries": countries,
        "money": money,
    }


def diff_snapshots(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    old, new = _index(a), _index(b)
    changed_money = []
    for key in sorted(set(old["money"]) | set(new["money"]), key=str):
        before, after = old["money"].get(key), new["money"].get(key)
        if before != after:
            engagement, org, currency, date = key
            changed_money.append(
                {
                    "engagement": engagement,
                    "organisation": org,
                    "currency": currency,
                    "date": date,
                    "before": before,
                    "after": after,
                }
            )
    return {
        "new_partners": sorted(new["partners"] - old["partners"]),
        "gone_partners": sorted(old["partners"] - new["partners"]),
        "new_agreements": sorted(new["agreements"] - old["agreements"]),
        "ended_agreements": sorted(
            (new["ended"] - old["ended"]) | (old["agreements"] - new["agreements"])
        ),
        "new_countries": sorted(new["countries"] - old["countries"]),
        "changed_amounts": changed_money,
    }


def format_diff(diff: dict[str, Any]) -> str:
    lines = []
    for name in (
        "new_partners",
        "gone_partners",
        "new_agreements",
        "ended_agreements",
        "new_countries",
    ):
        items = diff[name]
        lines.append(
            f"{name.replace('_', ' ')} ({len(items)}): {', '.join(items) or '-'}"
        )
    lines.append(f"changed amounts ({len(diff['changed_amounts'])}):")
    for c in diff["changed_amounts"]:
        lines.append(
            f"  {c['engagement']} {c['organisation']} {c['currency']} "
            f"{c['before'] or '-'} -> {c['after'] or '-'}"
        )
    return "\n".join(lines) + "\n"
