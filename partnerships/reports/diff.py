"""What changed between two runs of a report (or two periods): engagements new,
changed and gone, partners, agreements, countries and money, and the paragraphs
staff rewrote or whose data changed under their text.

Everything is named as a reader knows it (a title, an organisation's name) with
its key beside it. An engagement missing from the later run is never called
"ended": when the two runs cover different periods it lies outside the later one;
otherwise it was withdrawn from the public report (removed, unpublished, or no
longer vouched for by a document of the period). Only an agreement whose own
status became completed or cancelled has ended.
"""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from partnerships.reports.compose import compose
from partnerships.reports.runs import pick

# What a change of an engagement is named by, in the order it is listed.
COMPARED = ("title", "summary", "status", "start", "end", "participants", "places")


def _name(snapshot: dict[str, Any], key: str, kind: str = "engagement") -> str:
    if kind == "engagement":
        row = next(r for r in snapshot["engagements"] if r["key"] == key)
        texts = row["title"]
    else:
        texts = snapshot["organisations"].get(key, {}).get("name", {})
    text = pick(texts, "en").text
    return f"{text} [{key}]" if text else key


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
        "rows": rows,
        "partners": partners,
        "agreements": set(agreements),
        "ended": ended,
        "countries": countries,
        "money": money,
    }


def _changed_money(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for key in sorted(set(old["money"]) | set(new["money"]), key=str):
        before, after = old["money"].get(key), new["money"].get(key)
        if before != after:
            engagement, org, currency, date = key
            out.append(
                {
                    "engagement": engagement,
                    "organisation": org,
                    "currency": currency,
                    "date": date,
                    "before": before,
                    "after": after,
                }
            )
    return out


def _changed_engagements(old: dict, new: dict) -> dict[str, list[str]]:
    """Engagements in both runs whose data differ, with what differs."""
    out = {}
    for key in sorted(set(old["rows"]) & set(new["rows"])):
        a, b = old["rows"][key], new["rows"][key]
        fields = [f for f in COMPARED if a.get(f) != b.get(f)]
        if fields:
            out[key] = fields
    return out


def _paragraphs(a: dict[str, Any], b: dict[str, Any]) -> dict[str, list[str]]:
    """Anchors of the later run's paragraphs that staff wrote or rewrote since the
    earlier run (in any language), and of those whose data changed under a staff
    text (stale)."""
    before = {(t["anchor"], t["lang"]): t["text"] for t in a["texts"]}
    rewritten = sorted(
        {
            t["anchor"]
            for t in b["texts"]
            if before.get((t["anchor"], t["lang"])) != t["text"]
        }
    )
    prints = {p.anchor: p.fingerprint for p in compose(b).paragraphs()}
    stale = sorted(
        {
            t["anchor"]
            for t in b["texts"]
            if prints.get(t["anchor"]) and t["fingerprint"] != prints[t["anchor"]]
        }
    )
    return {"rewritten": rewritten, "stale": stale}


def diff_snapshots(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    old, new = _index(a), _index(b)
    same_period = (a["report"]["period_start"], a["report"]["period_end"]) == (
        b["report"]["period_start"],
        b["report"]["period_end"],
    )
    gone = sorted(set(old["rows"]) - set(new["rows"]))
    return {
        "same_period": same_period,
        "new_engagements": sorted(set(new["rows"]) - set(old["rows"])),
        "changed_engagements": _changed_engagements(old, new),
        "gone_engagements": gone if same_period else [],
        "outside_period": [] if same_period else gone,
        "new_partners": sorted(new["partners"] - old["partners"]),
        "gone_partners": sorted(old["partners"] - new["partners"]),
        "new_agreements": sorted(new["agreements"] - old["agreements"]),
        "ended_agreements": sorted(new["ended"] - old["ended"]),
        "new_countries": sorted(new["countries"] - old["countries"]),
        "changed_amounts": _changed_money(old, new),
        **_paragraphs(a, b),
    }


LABELS = {
    "new_engagements": _("new engagements"),
    "changed_engagements": _("changed engagements"),
    "gone_engagements": _("engagements withdrawn from the report"),
    "outside_period": _("engagements outside the later period (not ended)"),
    "new_partners": _("new partners"),
    "gone_partners": _("partners no longer in the report"),
    "new_agreements": _("new agreements"),
    "ended_agreements": _("agreements ended (completed or cancelled)"),
    "new_countries": _("new countries"),
    "rewritten": _("paragraphs rewritten by staff"),
    "stale": _("staff paragraphs whose data changed (stale)"),
}
AMOUNTS = _("changed amounts")


def diff_sections(
    diff: dict[str, Any], a: dict[str, Any], b: dict[str, Any]
) -> list[tuple[str, str, list[str]]]:
    """(name, label, lines) for each part of the differences, engagements and
    partners by name and key: what the command prints and the staff page shows."""

    def named(name: str, key: str) -> str:
        kind = "organisation" if "partners" in name else "engagement"
        source = a if name in ("gone_engagements", "outside_period") else b
        if kind == "organisation" and name == "gone_partners":
            source = a
        if name in ("new_countries", "rewritten", "stale"):
            return key
        return _name(source, key, kind)

    sections = []
    for name, label in LABELS.items():
        items = diff[name]
        lines = []
        for key in items:
            extra = ""
            if name == "changed_engagements":
                extra = f" — {', '.join(items[key])}"
            lines.append(f"{named(name, key)}{extra}")
        sections.append((name, str(label), lines))
    amounts = [
        f"{_name(b if c['after'] else a, c['engagement'])} "
        f"{_name(b if c['after'] else a, c['organisation'], 'organisation')} "
        f"{c['currency']} {c['before'] or '-'} -> {c['after'] or '-'}"
        for c in diff["changed_amounts"]
    ]
    sections.append(("changed_amounts", str(AMOUNTS), amounts))
    return sections


def format_diff(diff: dict[str, Any], a: dict[str, Any], b: dict[str, Any]) -> str:
    """The differences as text, engagements and partners by name and key, in
    English whatever language is active (the command's output)."""
    lines = []
    with translation.override(None):
        sections = diff_sections(diff, a, b)
    for _part, label, items in sections:
        lines.append(f"{label} ({len(items)}):")
        lines.extend(f"  {item}" for item in items)
    return "\n".join(lines) + "\n"
