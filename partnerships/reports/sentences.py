"""One sentence per engagement, its verb chosen by who does what in it.

The reporting organisation is the subject of its own report: its role in the
engagement picks the template `<kind>.<role>` ("UN-Habitat developed …" for a lead
of an agreement, "… implemented …, initiated by …" for an implementer). When it
only took part, or takes no part, the most telling role another participant holds
picks `<kind>.by-<role>` ("The Government of Kenya organised …", "ECA developed …
with UN-Habitat"). Templates name the other actors by role: {leads},
{implementers}, {hosts}, {organisers}, {funders}, {beneficiaries}; {by} is the
subject (the holders of the chosen role), {with} everyone else, the reporting
organisation first, and {partners} the others besides the reporting organisation
(without those a template names by their role).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from partnerships.reports.articles import finished
from partnerships.reports.connect import (
    opens_with_reporter,
    others_again,
    said_again,
    subject_keys,
)
from partnerships.reports.runs import Run, fill, join_runs, merge
from partnerships.reports.wording import (
    ALWAYS_NAMED,
    cast,
    named_in_title,
    named_in_titles,
    template_keys,
)

if TYPE_CHECKING:
    from partnerships.reports.realise import Writer

# Roles a template may name with a placeholder of their own; their holders are not
# named again among {partners} or {with}.
ROLE_PLACEHOLDERS = {
    "leads": "lead",
    "implementers": "implementer",
    "hosts": "host",
    "organisers": "organiser",
}
# Neither named among {partners} nor among {with}: they have their own phrases.
APART = {"funder", "beneficiary"}


def _holders(row: dict[str, Any], role: str, skip: set[str]) -> list[str]:
    out: list[str] = []
    for p in row["participants"]:
        if p["role"] == role and p["org"] not in skip and p["org"] not in out:
            out.append(p["org"])
    return out


class Cast:
    """Who stands in which role in one engagement, as the sentence names them."""

    def __init__(self, row: dict[str, Any], reporter: str, orgs: dict[str, Any]):
        self.row = row
        self.reporter = reporter
        role, partners, funders, beneficiaries = cast(row, reporter)
        self.reporter_role = role
        others = [p["org"] for p in row["participants"] if p["org"] != reporter]
        # No actor inside a title: a partner the title names is not named again.
        self.in_title = set(named_in_titles(row, partners, orgs, role))
        if row["kind"] not in ALWAYS_NAMED:
            self.in_title |= {
                k for k in others if k not in partners and named_in_title(orgs[k], row)
            }
        self.partners = [k for k in partners if k not in self.in_title]
        self.funders = [k for k in funders if k not in self.in_title]
        self.beneficiaries = [k for k in beneficiaries if k not in self.in_title]
        self.subject_role = subject_role(row, reporter, role)
        self.by = self._by()

    def _by(self) -> list[str]:
        if not self.subject_role:
            return []
        holders = _holders(self.row, self.subject_role, self.in_title)
        if self.reporter in holders:
            holders.remove(self.reporter)
            holders.insert(0, self.reporter)
        return holders

    def named(self, template: str) -> dict[str, list[str]]:
        """The keys each actor placeholder of the template stands for."""
        names = set(re.findall(r"\{(\w+)\}", template))
        by_role = {
            name: _holders(self.row, role, self.in_title | {self.reporter})
            for name, role in ROLE_PLACEHOLDERS.items()
            if name in names
        }
        set_apart = {k for keys in by_role.values() for k in keys}
        partners = [k for k in self.partners if k not in set_apart]
        with_ = [
            k
            for k in ([self.reporter] if self.reporter_role else []) + partners
            if k not in self.by
        ]
        with_ = [k for k in with_ if k not in self.funders + self.beneficiaries]
        return {
            "partners": partners,
            "funders": self.funders,
            "beneficiaries": self.beneficiaries,
            "by": self.by,
            "with": with_,
            **by_role,
        }


# The roles whose holder can be the subject of a sentence, the most telling first.
SUBJECT_ROLES = (
    "co-chair",
    "chair",
    "lead",
    "host",
    "organiser",
    "signatory",
    "author",
    "implementer",
)


def subject_role(
    row: dict[str, Any], reporter: str, reporter_role: str | None
) -> str | None:
    """The role whose holders the sentence takes as its subject: the reporting
    organisation's when it is one of SUBJECT_ROLES, else the most telling one
    another participant holds (None when nobody holds one)."""
    if reporter_role in SUBJECT_ROLES:
        return reporter_role
    held = {p["role"] for p in row["participants"] if p["org"] != reporter}
    return next((role for role in SUBJECT_ROLES if role in held), None)


def _joined(writer: Writer, group: list[dict[str, Any]]) -> dict[str, list[Run]]:
    """Title, places and date of engagements told in one sentence: each title,
    each place once, each date once, in the order of the engagements."""
    places: list[dict[str, Any]] = []
    for row in group:
        places += [place for place in row["places"] if place not in places]
    dates: list[list[Run]] = []
    for row in group:
        date = writer.when(row)
        if date and date not in dates:
            dates.append(date)
    return {
        "title": join_runs([writer.title(r) for r in group], writer.fmt),
        "places": writer.places({**group[0], "places": places}),
        "date": join_runs(dates, writer.fmt) if dates else [],
    }


def _base(writer: Writer, row: dict[str, Any], who: Cast) -> dict[str, list[Run]]:
    return {
        "reporter": [writer.org_name(writer.reporter)] if who.reporter_role else [],
        "title": writer.title(row),
        "places": writer.places(row),
        "date": writer.when(row),
        "amount": writer.amounts(row),
        "parent": writer.parent(row),
    }


def _keys(row: dict[str, Any], who: Cast) -> list[str]:
    by = who.subject_role if who.subject_role != who.reporter_role else None
    return template_keys(row, who.reporter_role, who.partners, bool(who.in_title), by)


def choose(writer: Writer, row: dict[str, Any]) -> str | None:
    """The key of the template that tells the row (None: the title alone), chosen
    without leaving a trace on the writer (first mentions, fallback counts)."""
    mentioned, fallbacks = set(writer.mentioned), writer.fallbacks
    who = Cast(row, writer.reporter, writer.orgs)
    base = _base(writer, row, who)
    templates = writer.phrases["templates"]
    chosen = next(
        (
            key
            for key in _keys(row, who)
            if key in templates and _filled(writer, who, templates[key], base)
        ),
        None,
    )
    writer.mentioned, writer.fallbacks = mentioned, fallbacks
    return chosen


def sentence(
    writer: Writer,
    row: dict[str, Any],
    key: str | None = None,
    group: list[dict[str, Any]] | None = None,
) -> list[Run]:
    """The sentence telling the engagement in the writer's language, or the
    engagements of `group` told alike (its first one is `row`): their titles,
    places and dates joined ("… implemented “A” and “B” … in Iraq and the Syrian
    Arab Republic")."""
    key = key or choose(writer, row)
    who = Cast(row, writer.reporter, writer.orgs)
    base = _base(writer, row, who)
    if group and len(group) > 1:
        base.update(_joined(writer, group))
    if key:
        runs = _filled(writer, who, writer.phrases["templates"][key], base)
        if runs:
            return finished(runs, writer.lang)
    # Nothing fits (no participant in a usable role): the title alone.
    return base["title"] + [Run(writer.phrases["sentence_end"])]


# Templates whose subject is the title itself ("“A” was held", "“A” remained in
# force"): never told alike, for "“A” and “B” was held" would not agree and no
# language's template could say which verb form a list of titles takes.
TITLE_SUBJECT = {
    "agreement.ongoing", "event.itself", "network.itself", "generic.itself",
}  # fmt: skip


def likeness(writer: Writer, row: dict[str, Any], key: str | None) -> tuple | None:
    """What a sentence says of an engagement besides its title: engagements with
    the same likeness are told in one sentence ("… implemented “A” and “B”"),
    whatever their places and dates, which the sentence joins as it joins the
    titles. None for one that must stand alone (a summary follows it, or no
    template)."""
    if not key or any(row["summary"].values()) or key in TITLE_SUBJECT:
        return None
    who = Cast(row, writer.reporter, writer.orgs)
    named = who.named(writer.phrases["templates"][key])
    return (
        key,
        tuple((name, tuple(keys)) for name, keys in sorted(named.items())),
        bool(who.reporter_role),
        repr([p["money"] for p in row["participants"]]),
        (row.get("parent") or {}).get("key"),
    )


def told_alike(writer: Writer, rows: list[dict[str, Any]]) -> list[list[dict]]:
    """The rows of a paragraph in groups told by one sentence each, in the order
    of each group's first row."""
    return [group for _, group in _keyed_groups(writer, rows)]


def _keyed_groups(
    writer: Writer, rows: list[dict[str, Any]]
) -> list[tuple[str | None, list[dict[str, Any]]]]:
    """The groups of `told_alike`, each with the key of the template telling it."""
    groups: list[tuple[str | None, list[dict[str, Any]]]] = []
    by_likeness: dict[tuple, list[dict[str, Any]]] = {}
    for row in rows:
        key = choose(writer, row)
        like = likeness(writer, row, key)
        if like is not None and like in by_likeness:
            by_likeness[like].append(row)
            continue
        group = [row]
        groups.append((key, group))
        if like is not None:
            by_likeness[like] = group
    return groups


def paragraph_runs(writer: Writer, rows: list[dict[str, Any]]) -> list[Run]:
    """The sentences of a data paragraph: engagements told alike joined in one
    sentence, each other one followed by its summary in the writer's language,
    the reporting organisation named once in consecutive sentences it is the
    subject of (reports/connect.py)."""
    runs: list[Run] = []
    space = "" if writer.lang == "zh" else " "
    named_before = False  # the sentence before opened with the name, no summary
    subject_before: tuple[str, ...] = ()  # other organisations it opened with
    for key, group in _keyed_groups(writer, rows):
        if runs:
            runs.append(Run(space))
        row = group[0]
        subject = _subject(writer, row, key)
        told = sentence(writer, row, key, group)
        opens = opens_with_reporter(writer, told)
        if named_before and opens:
            told = said_again(writer, told)
        elif subject and subject == subject_before:
            told, subject = others_again(writer, told, subject), ()
        named_before = opens and not named_before
        subject_before = subject
        runs.extend(told)
        summary = writer.summary(row)
        if summary:
            runs.extend([Run(space), *summary])
            named_before, subject_before = False, ()
    return merge(runs)


def _subject(writer: Writer, row: dict[str, Any], key: str | None) -> tuple:
    """The organisations other than the reporting one that the sentence opens
    with (reports/connect.py)."""
    if not key:
        return ()
    template = writer.phrases["templates"][key]
    return subject_keys(
        template, Cast(row, writer.reporter, writer.orgs).named(template)
    )


# "{reporter}[ and {partners}]": the reporting organisation and its partners.
_REPORTER_AND_PARTNERS = re.compile(r"\{reporter\}\[[^\[\]{}]*\{partners\}\]")


def _one_list(
    template: str,
    values: dict[str, list[Run]],
    items: dict[str, list[list[Run]]],
    counts: dict[str, int],
    genders: dict[str, str],
    writer: Writer,
) -> str:
    """The reporting organisation and its partners named as one list, as the
    language lists things: "UN-Habitat, ESCAP and FAO co-chaired" (not "UN-Habitat
    and ESCAP and FAO"). Chinese keeps its "人居署与A、B和C" (与 joins the
    reporting organisation to the list as the seed writes it)."""
    pair = _REPORTER_AND_PARTNERS.search(template)
    if (
        writer.lang == "zh"
        or not pair
        or not values.get("reporter")
        or len(items.get("partners", [])) < 2
    ):
        return template
    values["actors"] = join_runs([values["reporter"], *items["partners"]], writer.fmt)
    counts["actors"] = counts["reporter"] + counts["partners"]
    genders["actors"] = genders["reporter"]
    return template.replace(pair.group(0), "{actors}", 1)


def _filled(
    writer: Writer, who: Cast, template: str, base: dict[str, list[Run]]
) -> list[Run] | None:
    named = who.named(template)
    # A template that does not fit leaves no trace: first mentions and fallback
    # counts stand as they were.
    mentioned, fallbacks = set(writer.mentioned), writer.fallbacks
    if who.row["kind"] == "commitment" and not named["partners"]:
        named["partners"] = named["funders"]
    values = dict(base)
    counts = {"reporter": 1}
    genders = {"reporter": writer.gender(writer.reporter)}
    items: dict[str, list[list[Run]]] = {}
    for name, keys in named.items():
        if f"{{{name}}}" in template:
            items[name] = [[writer.org_name(k)] for k in keys]
            values[name] = join_runs(items[name], writer.fmt)
            counts[name] = len(keys) + sum(writer.plural(k) for k in keys)
            genders[name] = writer.gender(keys[0]) if keys else "m"
    template = _one_list(template, values, items, counts, genders, writer)
    runs = fill(template, values, counts, genders)
    if not runs:
        writer.mentioned, writer.fallbacks = mentioned, fallbacks
    return runs
