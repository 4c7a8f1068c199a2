"""From a report's text to proposals: organisations and engagements per paragraph."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from partnerships.ingest.extraction import engagements as cues
from partnerships.ingest.extraction import zh_clauses
from partnerships.ingest.extraction.both_sides import both_sides
from partnerships.ingest.extraction.calibration import ungated
from partnerships.ingest.extraction.clauses import acts, clauses
from partnerships.ingest.extraction.facts import (
    FuzzyDate,
    Money,
    Place,
    find_dates,
    find_money,
    find_places,
    find_titles,
    place_gazetteer,
)
from partnerships.ingest.extraction.mending import mend
from partnerships.ingest.extraction.mention import Mention
from partnerships.ingest.extraction.news import not_a_party
from partnerships.ingest.extraction.occasions import without_occasion
from partnerships.ingest.extraction.organisations import OrganisationFinder
from partnerships.ingest.extraction.units import framing_parents
from partnerships.ingest.funders import (
    _money_told_after,
    _money_with_its_funder,
    assign_funders,
    funder_told_before,
)
from partnerships.ingest.gazetteer import Gazetteer, normalise
from partnerships.ingest.resolve import Resolution, Resolver
from partnerships.sources.paragraphs import Layout, Paragraph


@dataclass
class OrgProposal:
    """One organisation named in a paragraph, under one or more of its names."""

    resolution: Resolution
    mentions: list[Mention] = field(default_factory=list)

    @property
    def identity(self) -> str:
        return self.resolution.key or f"new:{normalise(self.resolution.name)}"

    @property
    def surfaces(self) -> list[str]:
        names = [self.resolution.name, *(m.text for m in self.mentions)]
        return list(dict.fromkeys(names))

    @property
    def short_names(self) -> list[str]:
        return [m.text for m in self.mentions if m.alias_of is not None]


@dataclass
class EngagementProposal:
    kind: str
    cue: str
    start: int
    end: int
    participants: list[tuple[OrgProposal, str]]
    title: str = ""
    money: list[Money] = field(default_factory=list)
    dates: list[FuzzyDate] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)

    @property
    def confidence(self) -> float:
        base = 0.7 if self.cue else 0.5
        weakest = min(p.resolution.confidence for p, _ in self.participants)
        return round(min(base, weakest), 3)


@dataclass
class ParagraphResult:
    paragraph: Paragraph
    organisations: list[OrgProposal]
    engagements: list[EngagementProposal]
    places: list[Place]
    money: list[Money]
    dates: list[FuzzyDate]
    titles: list[tuple[int, int, str]]


class Extractor:
    """Reads one document; holds the short forms it defines as it goes."""

    def __init__(self, gazetteer: Gazetteer, lang: str) -> None:
        self.lang = lang
        self.places = place_gazetteer()
        self.finder = OrganisationFinder(gazetteer, lang, self.places)
        self.resolver = Resolver(gazetteer)

    def header(self, lines: list[str]) -> None:
        """Learn the names the header defines ("the Commission", "the Centre"
        later refer to them), proposing nothing."""
        for line in lines:
            self.finder.find(mend(line))

    def paragraph(self, paragraph: Paragraph) -> ParagraphResult:
        text = paragraph.text
        orgs: dict[str, OrgProposal] = {}
        found = self.finder.find(mend(text))
        for mention, resolution in self.resolver.resolve_all(found, self.finder, text):
            proposal = OrgProposal(resolution)
            proposal = orgs.setdefault(proposal.identity, proposal)
            proposal.mentions.append(mention)
        result = ParagraphResult(
            paragraph=paragraph,
            organisations=list(ungated(orgs, self.lang).values()),
            engagements=[],
            places=find_places(text, self.places),
            money=find_money(text),
            dates=find_dates(text),
            titles=find_titles(text),
        )
        told: list[tuple[int, int]] = []  # the sentences before
        for start, end in cues.sentences(text, self.lang):
            found = self._engagements(text, start, end, result)
            if not found and result.engagements:
                _money_told_after(result.engagements[-1], result.money, start, end)
            if not found:
                found = _joins_event(text, (start, end), result, told)
            if not found and told and self.lang == "zh":
                found = both_sides(text, (start, end), result.engagements, told[-1])
            elif self.lang == "zh":
                _meeting_told_before(text, (start, end), found, result, told)
            result.engagements.extend(found)
            told.append((start, end))
        for engagement in result.engagements:
            assign_funders(engagement, text)
        funder_told_before(result.engagements, text)
        _money_with_its_funder(result.engagements)
        return result

    def _engagements(
        self, text: str, start: int, end: int, result: ParagraphResult
    ) -> list[EngagementProposal]:
        """The engagements one sentence tells of: in English, one act per clause
        naming its own partners (`extraction/clauses.py`)."""
        if self.lang == "zh":
            return self._act(text, start, end, result)
        spans = clauses(self._masked(text, start, end, result), start)
        if len(spans) == 1:
            return self._act(text, start, end, result)
        named = [
            {p.identity for p, _ in _participants(text, s, e, result)} for s, e in spans
        ]
        found: list[EngagementProposal] = []
        for s, e in acts(spans, named):
            found += self._act(text, s, e, result)
        return found

    def _act(
        self, text: str, start: int, end: int, result: ParagraphResult
    ) -> list[EngagementProposal]:
        """The engagements one act tells of: one per kind its cue words give."""
        participants = _participants(text, start, end, result)
        if not participants:
            return []
        if len(participants) == 1:
            participants += _omitted_subject(text, start, end, result, participants)
        titles = [t for t in result.titles if start <= t[0] < end]
        masked = self._masked(text, start, end, result)
        kinds = cues.kinds_of(
            masked, [p.resolution.name for p, _ in participants], [t[2] for t in titles]
        )
        money = any(start <= m.start < end for m in result.money)
        if self.lang != "zh":
            kinds = cues.one_act(kinds, masked, money=money)
        if len(participants) == 1 and participants[0][1] != "funder":
            # One organisation: a statement, not cooperation, unless it gives money.
            kinds = [k for k in kinds if k[0] in ("funding", "commitment") and money]
            if not kinds:
                return []

        def inside(items: list) -> list:
            return [i for i in items if start <= i.start < end]

        found = [
            EngagementProposal(
                kind=kind,
                cue=cue,
                start=start,
                end=end,
                participants=chosen,
                title=titles[0][2] if titles else "",
                money=inside(result.money),
                dates=inside(result.dates),
                places=inside(result.places),
            )
            for kind, cue in kinds
            if (
                chosen := self._in_clause(
                    text, start, end, result, (cue, [c for _, c in kinds]), participants
                )
            )
        ]
        return without_occasion(found)

    def _in_clause(
        self,
        text: str,
        start: int,
        end: int,
        result: ParagraphResult,
        cues_told: tuple[str, list[str]],
        participants: list[tuple[OrgProposal, str]],
    ) -> list[tuple[OrgProposal, str]]:
        """Chinese: the partners a cue word engages, those of its clause and the
        sentence's subject (zh_clauses.py); all of them in other languages."""
        if self.lang != "zh" or len(participants) < 3:
            return participants
        named = [
            (p.identity, m.start - start)
            for p, _ in participants
            for m in p.mentions
            if start <= m.start < end
        ]
        masked = self._masked(text, start, end, result)
        cue, told = cues_told
        others = tuple(c.lower() for c in told if c and c != cue)
        wanted = zh_clauses.engaged(masked, cue, named, others)
        if wanted is None:
            return participants
        chosen = [(p, r) for p, r in participants if p.identity in wanted]
        return chosen if len(chosen) > 1 else participants

    @staticmethod
    def _masked(text: str, start: int, end: int, result: ParagraphResult) -> str:
        chars = list(text[start:end])
        for proposal in result.organisations:
            for m in proposal.mentions:
                for i in range(max(m.start, start), min(m.end, end)):
                    chars[i - start] = "□"
        return "".join(chars)


# A headquarters is a place, unless a person's title follows it (WFP总部高级司长: the
# headquarters' official, so the organisation's).
_VENUE = re.compile(
    r"^\s*(?:总部(?![\u4e00-\u9fff]{0,4}(?:司长|代表|官员|主任|专家|负责人))|"
    r"Headquarters|headquarters)"
)
# The one a person's title says this person represents, not a party acting.
_ENVOY_OF = re.compile(
    r"\b(?:Envoy|Special Representative|Special Adviser|Special Advisor)\s+of\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


# "这包括与□合作", "It works in partnership with the □": one organisation named as
# the partner of a subject the sentence leaves out or calls "it", "这".
_WITH_ONLY = re.compile(
    r"(?:与|同|和)□+(?:[^□，。；]{0,6}?)(?:合作|协作|共同)|"
    r"\b(?:in partnership with|in cooperation with|in collaboration with|"
    r"together with|jointly with)\s+(?:the\s+)?□"
)


# "…率团出席会议", "X attended the meeting": the meeting told before in the paragraph.
_EVENT_BACK = re.compile(
    r"(?:出席|参加|参与|列席|主持)了?(?:本次|此次|这次|该|上述)?(?:会议|大会|论坛|活动|仪式)|"
    r"\b(?:attended|joined|addressed|opened|chaired)\s+the\s+"
    r"(?:meeting|conference|event|session|forum|workshop|ceremony)\b"
)


def _joins_event(
    text: str,
    sentence: tuple[int, int],
    result: ParagraphResult,
    told: list[tuple[int, int]],
) -> list[EngagementProposal]:
    """One organisation taking part in the event a sentence before told of is a
    participant of that event (cooperation told across sentences); where that
    sentence named one organisation only, the event is proposed now."""
    start, end = sentence
    back = _EVENT_BACK.search(text[start:end])
    if back is None:
        return []
    joining = _participants(text, start, end, result)
    events = [e for e in result.engagements if e.kind == "event"]
    if events:
        named = {p.identity for p, _ in events[-1].participants}
        events[-1].participants += [
            (p, "participant") for p, _ in joining if p.identity not in named
        ]
        return []
    for before, after in reversed(told):
        masked = Extractor._masked(text, before, after, result)
        if any(kind == "event" for kind, _ in cues.kinds_of(masked, [])):
            first = _participants(text, before, after, result)
            named = {p.identity for p, _ in first}
            joined = first + [
                (p, "participant") for p, _ in joining if p.identity not in named
            ]
            if len(first) == 1 and len(joined) > 1:
                return [EngagementProposal("event", back.group(), before, end, joined)]
            return []
    return []


def _meeting_told_before(
    text: str,
    sentence: tuple[int, int],
    found: list[EngagementProposal],
    result: ParagraphResult,
    told: list[tuple[int, int]],
) -> None:
    """…会议在墨西哥城举行。…率团出席会议: the one organisation whose meeting the
    sentence before told of (a statement then, proposing nothing) hosts the
    meeting this sentence's organisations attend."""
    start, end = sentence
    events = [e for e in found if e.kind == "event"]
    if not told or not events or not _EVENT_BACK.search(text[start:end]):
        return
    before, after = told[-1]
    first = _participants(text, before, after, result)
    masked = Extractor._masked(text, before, after, result)
    if len(first) != 1 or not any(
        kind == "event" for kind, _ in cues.kinds_of(masked, [])
    ):
        return
    for event in events:
        if first[0][0].identity not in {p.identity for p, _ in event.participants}:
            event.participants.append((first[0][0], "host"))


def _omitted_subject(
    text: str,
    start: int,
    end: int,
    result: ParagraphResult,
    participants: list[tuple[OrgProposal, str]],
) -> list[tuple[OrgProposal, str]]:
    """The organisation the sentence leaves out: the one named last before it in the
    paragraph, where the sentence names one organisation only as a partner."""
    masked = Extractor._masked(text, start, end, result)
    if not _WITH_ONLY.search(masked):
        return []
    named = participants[0][0].identity
    earlier = [
        (m.start, p)
        for p in result.organisations
        for m in p.mentions
        if m.end <= start and p.identity != named
    ]
    return [(max(earlier, key=lambda e: e[0])[1], "partner")] if earlier else []


def _participants(
    text: str, start: int, end: int, result: ParagraphResult
) -> list[tuple[OrgProposal, str]]:
    """The organisations named in text[start:end], each once, with its role."""
    found: dict[str, tuple[OrgProposal, str]] = {}
    spans: list[tuple[str, int, int]] = []
    for proposal in result.organisations:
        for mention in proposal.mentions:
            if _VENUE.match(text[mention.end :]):
                continue  # 在人居署总部闭幕, "at UNITAR Headquarters": a place
            if _ENVOY_OF.search(text[max(0, mention.start - 40) : mention.start]):
                continue  # "Envoy of the Secretary-General": a person's title
            if not_a_party(text, mention.start, mention.end):
                continue  # 据外交部消息, "according to UNICEF", 建立X中心 (news.py)
            if start <= mention.start < end:
                spans.append((proposal.identity, mention.start, mention.end))
            if start <= mention.start < end and proposal.identity not in found:
                role = cues.role_of(
                    text[start:end], mention.start - start, mention.end - start
                )
                found[proposal.identity] = (proposal, role)
    frames = framing_parents(spans, text)
    return [f for identity, f in found.items() if identity not in frames]


def extract(
    layout: Layout,
    gazetteer: Gazetteer,
    lang: str,
    on_paragraph: Callable[[int, int], None] | None = None,
) -> list[ParagraphResult]:
    """`on_paragraph(done, total)` hears of each paragraph read (the background
    reading's progress; it may raise to stop the reading)."""
    extractor = Extractor(gazetteer, lang)
    extractor.header(layout.header)
    results = []
    for paragraph in layout.paragraphs:
        results.append(extractor.paragraph(paragraph))
        if on_paragraph is not None:
            on_paragraph(len(results), len(layout.paragraphs))
    return results
