"""Which sentence tells an engagement: who is named in which role, and the
templates to try, the most specific first (phrases.yaml `templates`)."""

from __future__ import annotations

import re
from typing import Any


def named_in_title(org: dict[str, Any], row: dict[str, Any]) -> bool:
    """Whether one of the organisation's names (full, short or acronym, in any
    language) stands in the engagement's title (as a whole word where words are
    spaced)."""
    names = {
        name
        for texts in (org["name"], org["short"], org["acronym"])
        for name in texts.values()
        if len(name) >= 3
    }
    titles = [t for t in row["title"].values() if t]
    for name in names:
        if not name.isascii():  # Chinese and Arabic write no word spaces
            if any(name in title for title in titles):
                return True
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
        if any(pattern.search(title) for title in titles):
            return True
    return False


# Kinds whose actors stay named whatever the title says (a resolution adopted by
# the General Assembly, money given), and kinds that can be told with the title
# as the only actor ("The Youth Advisory Board pursued its work").
ALWAYS_NAMED = {"governance", "commitment", "funding"}
TOLD_BY_TITLE = {"network", "event"}


def named_in_titles(
    row: dict[str, Any],
    partners: list[str],
    orgs: dict[str, Any],
    reporter_role: str | None,
) -> list[str]:
    """The partners not to name again because the title names them; none when
    that would leave a sentence without an actor it cannot do without."""
    if row["kind"] in ALWAYS_NAMED:
        return []
    named = [k for k in partners if named_in_title(orgs[k], row)]
    if len(named) == len(partners) and not reporter_role:
        return named if row["kind"] in TOLD_BY_TITLE else []
    return named


# Roles from the most to the least telling of what an organisation did.
ROLE_RANK = (
    "co-chair", "chair", "lead", "host", "organiser", "signatory", "author",
    "implementer", "funder", "member", "observer", "participant", "partner",
    "beneficiary",
)  # fmt: skip


def _rank(role: str) -> int:
    return ROLE_RANK.index(role) if role in ROLE_RANK else len(ROLE_RANK)


def cast(
    row: dict[str, Any], reporter: str
) -> tuple[str | None, list[str], list[str], list[str]]:
    """The reporter's role in the engagement, and the keys of the other participants
    a sentence names: partners, funders and beneficiaries."""
    held = [p["role"] for p in row["participants"] if p["org"] == reporter]
    # The reporting organisation's most telling role when it holds several.
    reporter_role = min(held, key=_rank) if held else None
    others = [p for p in row["participants"] if p["org"] != reporter]
    by_role: dict[str, list[str]] = {}
    for p in others:
        by_role.setdefault(p["role"], [])
        if p["org"] not in by_role[p["role"]]:
            by_role[p["role"]].append(p["org"])
    funders = by_role.get("funder", [])
    beneficiaries = by_role.get("beneficiary", [])
    partners = []
    for p in others:
        if p["role"] not in ("funder", "beneficiary") and p["org"] not in partners:
            partners.append(p["org"])
    if row["kind"] in ("governance", "commitment") and not partners:
        partners = funders[:] if row["kind"] == "commitment" else partners
    return reporter_role, partners, funders, beneficiaries


def template_keys(
    row: dict[str, Any],
    reporter_role: str | None,
    partners: list[str] | None = None,
    itself: bool = False,
    by: str | None = None,
) -> list[str]:
    """The sentence templates to try for the row, the most specific first: a
    plan as a plan, then by the reporting organisation's role, by the role of the
    participant that is the subject (`by`), as part of its parent, by status."""
    kind = row["kind"]
    # A decision on its parent whose deciders the data does not name ("… was
    # endorsed", seed ¶14) comes after the one that names them.
    framework = [f"{kind}.framework", f"{kind}.unnamed"] if row.get("parent") else []
    by_role = [f"{kind}.by-{by}"] if by else []
    if reporter_role:
        planned = [f"{kind}.planned"] if row["status"] == "planned" else []
        return [
            *planned,
            f"{kind}.{reporter_role}",
            *by_role,
            *framework,
            f"{kind}.{row['status']}",
            kind,
            "generic",
        ]
    partners = partners or []
    roles = {p["role"] for p in row["participants"] if p["org"] in partners}
    keys: list[str] = []
    if (itself or not row["participants"]) and not partners and kind in TOLD_BY_TITLE:
        # The title names the only actor: "The Advisory Group on Gender Issues
        # pursued its work", not "The AGGI worked together in the AGGI"; an
        # event with no recorded participant is told by its title too ("“Asia-
        # Pacific Partners Forum” was held in Bangkok from 23 to 24 January 2017").
        keys += [f"{kind}.itself", "generic.itself"]
    if partners and roles == {"participant"}:
        keys += [f"{kind}.participants", "generic.participants"]
    return keys + [
        *by_role,
        *framework,
        f"{kind}.noreporter",
        kind,  # usable when it does not name the reporting organisation
        "generic.noreporter",
        "generic.beneficiaries",
    ]
