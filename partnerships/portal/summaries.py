"""What a reader takes in first: an organisation's summary, its engagements by
role in the order of the roles (lead before participant), passages once each."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from django.db.models import Count, F, Min, Q
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber

from partnerships.cooperation.models import Participation, Role
from partnerships.core.id_lists import id_in
from partnerships.core.languages import field_names
from partnerships.registry.models import Organisation
from partnerships.sources.models import Evidence

PER_ROLE = 10
ROLE_ORDER = {code: position for position, code in enumerate(Role.values)}


class Row(SimpleNamespace):
    """The few columns of a row a page shows, read with `values()` instead of as
    a model instance: the templates read them as attributes all the same (`key`,
    `title_en` ..., `start_date`), and building and caching them costs less."""


def row_of(values: dict[str, Any], prefix: str) -> Row:
    """The columns of `values` named `<prefix>...`, without the prefix."""
    return Row(
        **{
            name[len(prefix) :]: v
            for name, v in values.items()
            if name.startswith(prefix)
        }
    )


# What a line of the profile's timeline shows of an engagement.
TIMELINE = (
    "engagement__key",
    "engagement__start_date",
    "engagement__start_precision",
    *(f"engagement__{name}" for name in field_names("title")),
)


@dataclass
class RoleSummary:
    role: str
    count: int
    first: Any  # the earliest known start, or None
    undated: int
    latest: list[Row] = field(default_factory=list)  # engagements (`TIMELINE`)


def roles_of(org: Organisation, engagement_ids: list[int]) -> list[RoleSummary]:
    """Per role, in `Role`'s order: how many engagements, since when, how many
    undated, and the PER_ROLE latest: one query, whatever the numbers. The figures
    per role are window aggregates over the role's rows, computed before the rows
    past PER_ROLE are left out (an organisation holds a role in an engagement once:
    `participation_unique_role`, so its rows of a role count its engagements)."""
    per_role = [F("role")]
    rows = (
        Participation.objects.filter(
            id_in("engagement_id", engagement_ids), organisation=org
        )
        .values("role", *TIMELINE)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=per_role,
                order_by=[
                    F("engagement__start_date").desc(nulls_last=True),
                    F("engagement__key").asc(),
                ],
            ),
            n=Window(Count("pk"), partition_by=per_role),
            first=Window(Min("engagement__start_date"), partition_by=per_role),
            undated=Window(
                Count("pk", filter=Q(engagement__start_date__isnull=True)),
                partition_by=per_role,
            ),
        )
        .filter(rank__lte=PER_ROLE)
        # By the role's code: the roles are put in `Role`'s order below, in
        # Python. Ordering by their position in the query (a CASE of every role)
        # cost more to compile than the rest of the query.
        .order_by("role", "rank")
    )
    found: dict[str, RoleSummary] = {}
    for row in rows:
        summary = found.get(row["role"])
        if summary is None:
            summary = found[row["role"]] = RoleSummary(
                row["role"], row["n"], row["first"], row["undated"]
            )
        summary.latest.append(row_of(row, "engagement__"))
    return sorted(found.values(), key=lambda s: ROLE_ORDER.get(s.role, 99))


@dataclass
class Quoted:
    """A passage quoted once, with everything it is evidence of."""

    passage: Any
    quote: str
    engagements: list[Any] = field(default_factory=list)


def by_passage(evidence: list[Evidence]) -> list[Quoted]:
    """Evidence grouped by passage, in the order given: a passage that supports
    three facts is shown once, with its three engagements."""
    grouped: dict[int, Quoted] = {}
    for ev in evidence:
        quoted = grouped.setdefault(
            ev.passage_id, Quoted(ev.passage, ev.quote or ev.passage.text)
        )
        engagement = ev.participation.engagement if ev.participation_id else None
        if engagement is not None and engagement not in quoted.engagements:
            quoted.engagements.append(engagement)
    return list(grouped.values())


@dataclass
class Fact:
    """One engagement a passage is evidence of, with the roles it names."""

    engagement: Any
    roles: list[tuple[Organisation, str]] = field(default_factory=list)


def facts_of(passage_facts: list[Evidence]) -> tuple[list[Fact], list[Organisation]]:
    """A passage's evidence as each engagement once (with the participants it
    names) and the organisations it only mentions."""
    facts: dict[int, Fact] = {}
    mentioned: list[Organisation] = []
    for ev in passage_facts:
        if ev.engagement_id:
            facts.setdefault(ev.engagement_id, Fact(ev.engagement))
        elif ev.participation_id:
            part = ev.participation
            fact = facts.setdefault(part.engagement_id, Fact(part.engagement))
            fact.roles.append((part.organisation, part.role))
        elif ev.organisation_id and ev.organisation not in mentioned:
            mentioned.append(ev.organisation)
    return list(facts.values()), mentioned


@dataclass
class Heading:
    """An entry of a document's table of contents."""

    anchor: str
    number: str
    title: str
    level: int


def contents(passages: list[Any]) -> list[Heading]:
    """The chapters and sections of a document, in order, each anchored at its
    first passage; sets on each passage the headings it opens (`opens`), its
    engagements once each (`engagement_facts`) and the organisations it mentions."""
    found: list[Heading] = []
    chapter = section = None
    for p in passages:
        p.opens = []
        if p.chapter_title and (p.chapter, p.chapter_title) != chapter:
            chapter, section = (p.chapter, p.chapter_title), None
            p.opens.append(Heading(f"c{p.number}", p.chapter, p.chapter_title, 2))
        if p.section_title and (p.section, p.section_title) != section:
            section = (p.section, p.section_title)
            p.opens.append(Heading(f"s{p.number}", p.section, p.section_title, 3))
        found.extend(p.opens)
        p.engagement_facts, p.mentioned = facts_of(getattr(p, "facts", []))
    return found
