"""Write a composition in one language: sentences from per-language templates.

Every piece of text is a Run that knows whether it fell back to another language,
so renderers can mark missing translations for the translator instead of hiding them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from partnerships.core.languages import FALLBACK_ORDER, language
from partnerships.reports.compose import (
    Composition,
    Paragraph,
    Part,
    compose,
    in_reading_order,
)
from partnerships.reports.formatting import Formatter, chapter_label


@dataclass(frozen=True)
class Run:
    text: str
    fallback: str = ""  # the language the text is in when it is not the report's


@dataclass
class Para:
    number: int
    anchor: str
    runs: list[Run]
    kind: str
    engagements: list[tuple[str, list[Run]]] = field(default_factory=list)
    passages: list[dict[str, Any]] = field(default_factory=list)
    staff: bool = False
    stale: bool = False


@dataclass
class Heading:
    label: str
    title: list[Run]
    code: str
    paragraphs: list[Para] = field(default_factory=list)
    sections: list[Heading] = field(default_factory=list)


@dataclass
class Document:
    lang: str
    dir: str
    labels: dict[str, str]
    masthead: dict[str, Any]
    chapters: list[Heading]
    fallbacks: int
    snapshot: dict[str, Any]
    formatter: Formatter

    def paragraphs(self) -> list[Para]:
        return in_reading_order(self.chapters)


def pick(texts: dict[str, str], lang: str) -> Run:
    """The text in `lang`, else in the first language of FALLBACK_ORDER, marked."""
    if texts.get(lang):
        return Run(texts[lang])
    for other in FALLBACK_ORDER:
        if texts.get(other):
            return Run(texts[other], other)
    return Run("")


_TOKEN = re.compile(r"\[([^\[\]]*)\]|\{(\w+)\}|([^\[\{]+)")


def fill(template: str, values: dict[str, list[Run]]) -> list[Run] | None:
    """Fill a template; None when one of its bare placeholders is empty."""
    out: list[Run] = []
    for match in _TOKEN.finditer(template):
        optional, name, literal = match.groups()
        if literal is not None:
            out.append(Run(literal))
        elif name is not None:
            if not values.get(name):
                return None
            out.extend(values[name])
        else:
            inner = fill(optional, values)
            if inner is not None and any(r.text for r in inner):
                names = re.findall(r"\{(\w+)\}", optional)
                if all(values.get(n) for n in names):
                    out.extend(inner)
    return out


def join_runs(parts: list[list[Run]], fmt: Formatter) -> list[Run]:
    """Join lists of runs as the language lists things (A, B and C / A、B和C)."""
    parts = [p for p in parts if p]
    if not parts:
        return []
    markers = [f"\x00{i}\x00" for i in range(len(parts))]
    joined = fmt.list(markers)
    out: list[Run] = []
    for piece in re.split(r"(\x00\d+\x00)", joined):
        if not piece:
            continue
        if piece.startswith("\x00"):
            out.extend(parts[int(piece.strip("\x00"))])
        else:
            out.append(Run(piece))
    return out


class Writer:
    def __init__(self, snapshot: dict[str, Any], lang: str):
        self.snapshot = snapshot
        self.lang = lang
        self.phrases = snapshot["phrases"][lang]
        self.fmt = Formatter(lang, language(lang).locale)
        self.orgs = snapshot["organisations"]
        self.reporter = snapshot["report"]["reporter"]
        self.rows = {row["key"]: row for row in snapshot["engagements"]}
        self.fallbacks = 0

    # --- pieces -----------------------------------------------------------------

    def org_name(self, key: str) -> Run:
        if key == self.reporter and self.phrases.get("reporter_short"):
            return Run(self.phrases["reporter_short"])
        org = self.orgs[key]
        for texts in (org["short"], org["acronym"], org["name"]):
            if texts.get(self.lang):
                return Run(texts[self.lang])
        for lang in FALLBACK_ORDER:
            for texts in (org["short"], org["acronym"], org["name"]):
                if texts.get(lang):
                    return self._count(Run(texts[lang], lang))
        return self._count(Run(key, "en"))

    def _count(self, run: Run) -> Run:
        if run.fallback:
            self.fallbacks += 1
        return run

    def orgs_list(self, keys: list[str]) -> list[Run]:
        return join_runs([[self.org_name(k)] for k in keys], self.fmt)

    def parent(self, row: dict[str, Any]) -> list[Run]:
        parent = row.get("parent")
        return self.title(parent) if parent else []

    def title(self, row: dict[str, Any]) -> list[Run]:
        run = self._count(pick(row["title"], self.lang))
        if row["kind"] in self.phrases.get("unquoted_kinds", []):
            return [run]
        if row["kind"] in ("agreement", "publication"):
            quotes = self.phrases["instrument_quote"]
        else:
            quotes = self.phrases["quote"]
        text = run.text
        if (text[:1], text[-1:]) in (("《", "》"), ("“", "”"), ("«", "»")):
            return [run]
        if quotes[0] == "《":
            # A title inside a title takes the inner marks: 《关于〈新城市议程〉的报告》.
            text = text.replace("《", "〈").replace("》", "〉")
        return [Run(quotes[0]), Run(text, run.fallback), Run(quotes[1])]

    def date(self, value: str | None, precision: str | None) -> list[Run]:
        if not value:
            return []
        day = dt.date.fromisoformat(value)
        precision = precision or "day"
        text = self.fmt.date(day, precision)
        return [Run(self.phrases[f"date_{precision}"].format(d=text))]

    def places(self, row: dict[str, Any]) -> list[Run]:
        items = []
        for place in row["places"]:
            country = pick(place["country_names"] or place["region_names"], self.lang)
            city = pick(place["city"], self.lang) if place["city"] else Run("")
            self._count(country)
            if city.text:
                self._count(city)
                if (
                    self.lang == "zh"
                    and country.text
                    and city.text.startswith(country.text)
                ):
                    items.append([city])
                    continue
                template = self.phrases["place_in_country"]
                filled = fill(
                    template,
                    {"city": [city], "country": [country] if country.text else []},
                )
                items.append(filled or [city])
            elif country.text:
                items.append([country])
        return join_runs(items, self.fmt)

    def amounts(self, row: dict[str, Any]) -> list[Run]:
        items = []
        for p in row["participants"]:
            for money in p["money"]:
                items.append(
                    [Run(self.fmt.amount(Decimal(money["amount"]), money["currency"]))]
                )
        return join_runs(items, self.fmt)

    # --- sentences ----------------------------------------------------------------

    def sentence(self, row: dict[str, Any]) -> list[Run]:
        reporter_role = next(
            (p["role"] for p in row["participants"] if p["org"] == self.reporter), None
        )
        others = [p for p in row["participants"] if p["org"] != self.reporter]
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
        values = {
            "reporter": [self.org_name(self.reporter)] if reporter_role else [],
            "partners": self.orgs_list(partners),
            "funders": self.orgs_list(funders),
            "beneficiaries": self.orgs_list(beneficiaries),
            "title": self.title(row),
            "places": self.places(row),
            "date": self.date(row["start"], row["start_precision"]),
            "amount": self.amounts(row),
            "parent": self.parent(row),
        }
        if row["kind"] == "commitment" and not partners:
            values["partners"] = values["funders"]
        templates = self.phrases["templates"]
        kind = row["kind"]
        framework = [f"{kind}.framework"] if row.get("parent") else []
        if reporter_role:
            keys = framework + [
                f"{kind}.{row['status']}",
                f"{kind}.{reporter_role}",
                kind,
                "generic",
            ]
        else:
            keys = [
                f"{kind}.noreporter",
                kind,  # usable when it does not name the reporting organisation
                "generic.noreporter",
                "generic.beneficiaries",
            ]
        for key in keys:
            if key in templates:
                runs = fill(templates[key], values)
                if runs:
                    return runs
        # Nothing fits (no participant in a usable role): the title alone.
        return values["title"] + [Run(self.phrases["sentence_end"])]

    def summary(self, row: dict[str, Any]) -> list[Run]:
        text = row["summary"].get(self.lang, "")
        if not text:
            return []
        return [Run(text)]

    def data_paragraph(self, paragraph: Paragraph) -> list[Run]:
        runs: list[Run] = []
        space = "" if self.lang == "zh" else " "
        for key in paragraph.engagements:
            row = self.rows[key]
            if runs:
                runs.append(Run(space))
            runs.extend(self.sentence(row))
            summary = self.summary(row)
            if summary:
                runs.append(Run(space))
                runs.extend(summary)
        return merge(runs)


def merge(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if out and out[-1].fallback == run.fallback:
            out[-1] = Run(out[-1].text + run.text, run.fallback)
        else:
            out.append(run)
    return out


def realise(
    snapshot: dict[str, Any], lang: str, composition: Composition | None = None
) -> Document:
    composition = composition or compose(snapshot)
    writer = Writer(snapshot, lang)
    labels = writer.phrases["labels"]
    texts = {}
    for text in snapshot["texts"]:
        texts.setdefault(text["anchor"], {})[text["lang"]] = text
    figures = _figures(snapshot)

    def para(paragraph: Paragraph) -> Para:
        staff = texts.get(paragraph.anchor, {})
        if lang in staff or (paragraph.type == "text" and staff):
            chosen = staff.get(lang) or staff[next(iter(staff))]
            run = Run(chosen["text"], "" if chosen["lang"] == lang else chosen["lang"])
            writer._count(run)
            stale = (
                bool(paragraph.fingerprint)
                and chosen["fingerprint"] != paragraph.fingerprint
            )
            runs, is_staff = [run], True
        elif paragraph.type in ("opening", "closing"):
            runs, is_staff, stale = (
                [Run(_figure_sentence(writer, labels[paragraph.type], figures))],
                False,
                False,
            )
        else:
            runs, is_staff, stale = writer.data_paragraph(paragraph), False, False
        engagements = [
            (key, [writer._count(pick(writer.rows[key]["title"], lang))])
            for key in paragraph.engagements
        ]
        passages = []
        for key in paragraph.engagements:
            for ev in writer.rows[key]["evidence"]:
                item = {
                    "document": ev["document"],
                    "paragraph": ev["paragraph"],
                    "quote": ev["quote"],
                }
                if item not in passages:
                    passages.append(item)
        return Para(
            paragraph.number,
            paragraph.anchor,
            runs,
            paragraph.type,
            engagements,
            passages,
            is_staff,
            stale,
        )

    def heading(part: Part, chapter: bool) -> Heading:
        label = chapter_label(part.chapter, lang) if chapter else f"{part.letter}."
        title = writer._count(pick(part.title, lang))
        return Heading(
            label,
            [title],
            part.code,
            [para(p) for p in part.paragraphs],
            [heading(s, False) for s in part.sections],
        )

    chapters = [heading(c, True) for c in composition.chapters]
    masthead = _masthead(snapshot["report"], lang, writer)
    return Document(
        lang,
        writer.phrases["dir"],
        labels,
        masthead,
        chapters,
        writer.fallbacks,
        snapshot,
        writer.fmt,
    )


def _figures(snapshot: dict[str, Any]) -> dict[str, int]:
    reporter = snapshot["report"]["reporter"]
    partners = {
        p["org"] for row in snapshot["engagements"] for p in row["participants"]
    }
    partners.discard(reporter)
    countries = {
        pl["country"]
        for row in snapshot["engagements"]
        for pl in row["places"]
        if pl["country"]
    }
    return {
        "partners": len(partners),
        "engagements": len(snapshot["engagements"]),
        "countries": len(countries),
    }


def _figure_sentence(writer: Writer, template: str, figures: dict[str, int]) -> str:
    report = writer.snapshot["report"]
    start = dt.date.fromisoformat(report["period_start"])
    end = dt.date.fromisoformat(report["period_end"])
    period = writer.phrases["period"].format(
        a=writer.fmt.date(start, "day"), b=writer.fmt.date(end, "day")
    )
    return template.format(
        reporter=writer.org_name(writer.reporter).text,
        partners=writer.fmt.number(figures["partners"]),
        engagements=writer.fmt.number(figures["engagements"]),
        countries=writer.fmt.number(figures["countries"]),
        period=period,
    )


def _masthead(report: dict[str, Any], lang: str, writer: Writer) -> dict[str, Any]:
    texts = report["texts"]

    def text(name: str) -> Run:
        return writer._count(pick(texts.get(name, {}), lang))

    fmt = writer.fmt
    date = dt.date.fromisoformat(report["date"]) if report["date"] else None
    labels = writer.phrases["labels"]
    session_dates = ""
    if report["session_start"] and report["session_end"]:
        a = dt.date.fromisoformat(report["session_start"])
        b = dt.date.fromisoformat(report["session_end"])
        session_dates = f"{fmt.date(a, 'day')} – {fmt.date(b, 'day')}"
    return {
        "symbol": report["symbol"],
        "body": text("body"),
        "session": text("session"),
        "session_place": text("session_place"),
        "session_dates": session_dates,
        "agenda_item": labels["agenda_item"].format(value=report["agenda_item"])
        if report["agenda_item"]
        else "",
        "agenda_title": text("agenda_title"),
        "agenda_footnote": text("agenda_footnote"),
        "title": text("title"),
        "heading": text("heading"),
        "report_of": text("report_of")
        if texts.get("report_of")
        else Run(labels["report_of"]),
        "distribution": labels["distribution"].format(value=report["distribution"]),
        "original": labels["original"].format(
            value=fmt.locale.languages.get(
                report["original_language"], report["original_language"]
            )
        ),
        "date": fmt.date(date, "day") if date else "",
        "iso_date": report["date"],
    }
