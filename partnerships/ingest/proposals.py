"""Extraction results as the JSON a candidate stores."""

from __future__ import annotations

from typing import Any

from partnerships.ingest.pipeline import EngagementProposal, OrgProposal

# Category of a new organisation from the word its name ends with.
_CATEGORY_WORDS = [
    (
        "academia",
        ("大学", "学院", "研究所", "研究院", "University", "Institute", "College"),
    ),
    ("foundation", ("基金会", "Foundation")),
    (
        "private_sector",
        ("公司", "集团", "企业", "Company", "Corporation", "Ltd", "Inc"),
    ),
    (
        "network",
        ("网络", "联盟", "网", "平台", "Network", "Alliance", "Coalition", "Platform"),
    ),
    (
        "local_government",
        ("市政府", "市", "县", "郡", "Municipality", "City Council", "County"),
    ),
    ("national_government", ("政府", "部", "Ministry", "Government")),
    ("development_bank", ("银行", "Bank")),
]


def guess_category(name: str) -> str:
    for category, words in _CATEGORY_WORDS:
        if name.endswith(words):
            return category
    return "ngo"


def organisation_data(proposal: OrgProposal) -> dict[str, Any]:
    name = proposal.resolution.name
    lang = "en" if name.isascii() else "zh"
    return {
        "identity": proposal.identity,
        "name": name,
        "lang": lang,
        "key": proposal.resolution.key,
        "method": proposal.resolution.method,
        "category": guess_category(name),
        "short_names": proposal.short_names,
        # An office named by its entity and place ("UN-Habitat Iraq"): the entity.
        "parent": next((m.parent for m in proposal.mentions if m.parent), ""),
        "mentions": [
            {"start": m.start, "end": m.end, "text": m.text, "method": m.method}
            for m in proposal.mentions
        ],
    }


def engagement_data(engagement: EngagementProposal, text: str) -> dict[str, Any]:
    quote = text[engagement.start : engagement.end].strip()
    names = "、".join(p.resolution.name for p, _ in engagement.participants[:3])
    return {
        "kind": engagement.kind,
        "cue": engagement.cue,
        "title": engagement.title or f"{engagement.kind}: {names}",
        "quote": quote,
        "start": engagement.start,
        "end": engagement.end,
        "participants": [
            {"identity": p.identity, "name": p.resolution.name, "role": role}
            for p, role in engagement.participants
        ],
        "money": [
            {"amount": str(m.amount), "currency": m.currency} for m in engagement.money
        ],
        "dates": [d.value for d in engagement.dates],
        "places": [
            {"text": p.text, "country": p.country, "kind": p.kind}
            for p in engagement.places
        ],
    }
