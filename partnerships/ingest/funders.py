"""Money in engagements: who gives it, and the sentence it belongs to."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from partnerships.ingest.extraction.facts import Money
    from partnerships.ingest.pipeline import EngagementProposal


def _money_told_after(
    engagement: EngagementProposal, money: list[Money], start: int, end: int
) -> None:
    """ "... signed the agreement. The value of the aid is 813 million yen.": money in
    a sentence naming no organisation belongs to the engagement told before it."""
    engagement.money += [m for m in money if start <= m.start < end]


# Kinds of engagement in which money told is given by one party (a project's budget
# is not).
_GIVING = ("funding", "commitment", "agreement")
_RECEIVED = re.compile(r"^\s*(?:has |have |had )?(?:received|receives|获得|收到)")
# Money given to the one named right after it: "$10 million to the World Food
# Programme", "USD 2 million to UNICEF".
_GIVEN_TO = re.compile(r"^\s*to\s+(?:the\s+)?$")


def _received(engagement: EngagementProposal, text: str) -> set[str]:
    """The parties the sentence says received its money."""
    return {
        p.identity
        for p, _ in engagement.participants
        if any(_RECEIVED.match(text[m.end :]) for m in p.mentions)
        or any(
            _GIVEN_TO.match(text[money.end : m.start])
            for m in p.mentions
            for money in engagement.money
            if money.end <= m.start
        )
    }


def assign_funders(engagement: EngagementProposal, text: str) -> None:
    """Who gives the money an engagement tells of, when no cue said it: not the
    one that received it; a government before others; the only party of a
    sentence about funding."""
    if engagement.kind not in _GIVING or not engagement.money:
        return
    if any(r == "funder" for _, r in engagement.participants):
        return
    received = _received(engagement, text)
    givers = [p for p, _ in engagement.participants if p.identity not in received]
    governments = [
        p
        for p in givers
        if any(m.method == "government" for m in p.mentions)
        or "overnment" in p.resolution.name
        or p.resolution.name.endswith("政府")
    ]
    chosen = governments or (givers if len(givers) == 1 or received else [])
    engagement.participants = [
        (
            p,
            "funder"
            if p in chosen
            else ("beneficiary" if p.identity in received else r),
        )
        for p, r in engagement.participants
    ]


def _money_with_its_funder(engagements: list[EngagementProposal]) -> None:
    """Money told in a sentence is given once: where one engagement of the
    sentence has its funder, the others (a project, an event) do not repeat it."""
    funded = {
        (e.start, e.end)
        for e in engagements
        if e.money and any(r == "funder" for _, r in e.participants)
    }
    for engagement in engagements:
        if (engagement.start, engagement.end) in funded and not any(
            r == "funder" for _, r in engagement.participants
        ):
            engagement.money = []


def funder_told_before(engagements: list[EngagementProposal], text: str) -> None:
    """ "X announced a package of grants. The largest grant, $10 million to Y, …": a
    sentence giving money to its only party takes its funder from the funding told
    in the sentence before it, in the same paragraph."""
    for before, engagement in zip(engagements, engagements[1:], strict=False):
        parties = {p.identity for p, _ in engagement.participants}
        if (
            engagement.kind == "funding"
            and engagement.money
            and len(parties) == 1
            and parties == _received(engagement, text)
            and before.kind == "funding"
            and before.start < engagement.start
        ):
            engagement.participants += [
                (p, r)
                for p, r in before.participants
                if r == "funder" and p.identity not in parties
            ]
