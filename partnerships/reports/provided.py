"""Where the figures of other apps go in the outline (core.report_sections).

A provider's figures are a dict of kinds (`stakeholders`: applications,
consultations, bodies, trainings). A kind is either one whole-period figure (a
dict: the applications received and decided) or a list of records, each standing
for an engagement (`"engagement"`: its key). A section that names `provider.kind`
in its `figures` tells that kind; a record of a kind no section names goes to the
section where its engagement is placed. Each section with figures opens (after its
generated opening and staff texts) with one paragraph of them, anchored
`<section>/figures`, whose engagements are the records' own: the draft cites their
evidence like every other paragraph's, and a staff text written over it is flagged
when the figures change.
"""

from __future__ import annotations

from typing import Any

from partnerships.reports.snapshot import digest


def _has_figures(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_has_figures(v) for v in value.values())
    if isinstance(value, list):
        return bool(value)
    return bool(value)


def _named(outline: dict[str, Any]) -> dict[str, str]:
    """The section that tells each `provider.kind`, by the outline's `figures`."""
    return {
        name: s["code"]
        for s in outline["sections"]
        for name in s.get("figures", [])  # runs stored before the field lack it
    }


def place_records(
    snapshot: dict[str, Any], placed: dict[str, str]
) -> dict[str, list[dict[str, Any]]]:
    """The records of every provider by section code, each as
    `{"figure": "provider.kind", "data": ...}`; `placed` maps an engagement key to
    the section its engagement went to."""
    named = _named(snapshot["outline"])
    out: dict[str, list[dict[str, Any]]] = {}
    for provider, kinds in sorted(snapshot.get("provided", {}).items()):
        # By name: a stored snapshot's JSON keeps no key order (PostgreSQL's jsonb).
        for kind, value in sorted(kinds.items()):
            name = f"{provider}.{kind}"
            items = value if isinstance(value, list) else [value]
            for item in items:
                section = named.get(name) or placed.get(item.get("engagement", ""))
                if section and _has_figures(item):
                    out.setdefault(section, []).append({"figure": name, "data": item})
    return out


def record_engagements(
    records: list[dict[str, Any]], rows: dict[str, Any]
) -> list[str]:
    """The keys of the engagements the records stand for (and of the meetings of a
    body), those of the snapshot, each once."""
    keys: list[str] = []
    for record in records:
        data = record["data"]
        for key in [data.get("engagement"), *data.get("meeting_engagements", [])]:
            if key and key in rows and key not in keys:
                keys.append(key)
    return keys


def records_fingerprint(records: list[dict[str, Any]], rows: dict[str, Any]) -> str:
    keys = record_engagements(records, rows)
    return digest([records, [rows[k] for k in keys]])
