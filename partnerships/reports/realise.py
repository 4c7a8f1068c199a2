"""Write a composition in one language: sentences from per-language templates.

Every piece of text is a Run (`reports.runs`) that knows whether it fell back to
another language, so renderers can mark missing translations for the translator
instead of hiding them.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal
from typing import Any

from partnerships.core.languages import FALLBACK_ORDER, language
from partnerships.reports.articles import (
    country_article,
    org_article,
    org_is_plural,
)
from partnerships.reports.compose import (
    Composition,
    Paragraph,
    Part,
    compose,
)
from partnerships.reports.document import Document, Heading, Para
from partnerships.reports.figure_text import figures_paragraph
from partnerships.reports.formatting import (
    Formatter,
    annex_numbers,
    chapter_label,
    section_label,
)
from partnerships.reports.grammar import ar_gender, fr_country
from partnerships.reports.intro import chapter_intro
from partnerships.reports.masthead import figures, masthead, period_sentences
from partnerships.reports.runs import Run, fill, join_runs, pick
from partnerships.reports.sentences import paragraph_runs, sentence
from partnerships.reports.spans import when

FSI, PDI = "\u2068", "\u2069"  # Unicode first-strong and pop directional isolates


# The marks a quoted title takes inside a title quoted with the key's marks.
INNER_MARKS = {
    "《": str.maketrans("《》", "〈〉"),
    "“": str.maketrans("“”", "‘’"),
    "«": str.maketrans("«»", "“”"),
}


def has_rtl_letters(text: str) -> bool:
    """Whether the text holds a letter of a right-to-left script."""
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


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
        self.mentioned: set[str] = set()

    # --- pieces -----------------------------------------------------------------

    def org_name(self, key: str) -> Run:
        if key == self.reporter and self.phrases.get("reporter_short"):
            return Run(self.phrases["reporter_short"])
        org = self.orgs[key]
        for texts in (org["short"], org["acronym"], org["name"]):
            if texts.get(self.lang):
                run = self._first_mention(key, org, Run(texts[self.lang]))
                full = texts is org["name"] or run.text != texts[self.lang]
                if texts is org["short"] and not full:
                    return run
                return Run(org_article(org, self.lang, full) + run.text)
        for lang in FALLBACK_ORDER:
            for texts in (org["short"], org["acronym"], org["name"]):
                if texts.get(lang):
                    return self._count(Run(texts[lang], lang))
        return self._count(Run(key, "en"))

    def plural(self, key: str) -> bool:
        """Whether a verb agrees with the organisation in the plural, its name
        being plural in the writer's language (`articles.org_is_plural`)."""
        org = self.orgs.get(key)
        if not org or key == self.reporter or not org["name"].get(self.lang):
            return False
        return org_is_plural(org, self.lang)

    def gender(self, key: str) -> str:
        """The grammatical gender ("m", "f") a verb takes with the organisation
        as its subject, in a language whose verbs agree in gender (Arabic,
        `grammar.ar_gender`, from the first noun of its full name); "m" (the
        unmarked form) elsewhere and for a name the language lacks."""
        if self.lang != "ar":
            return "m"
        if key == self.reporter and self.phrases.get("reporter_short"):
            return ar_gender(self.phrases["reporter_short"])
        org = self.orgs.get(key)
        if not org:
            return "m"
        for texts in (org["name"], org["short"], org["acronym"]):
            if texts.get("ar"):
                return ar_gender(texts["ar"])
        return "m"

    def _first_mention(self, key: str, org: dict[str, Any], run: Run) -> Run:
        """The first mention of an organisation told by a short form or acronym
        gives its full name first, as UN editorial style asks: "United Nations
        Development Programme (UNDP)", then "UNDP"."""
        full = org["name"].get(self.lang, "")
        seen = key in self.mentioned
        self.mentioned.add(key)
        template = self.phrases.get("first_mention")  # runs stored before it lack it
        if seen or not full or full == run.text or not template:
            return run
        return Run(template.format(name=full, short=run.text))

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
        # A title quoting a title takes the inner marks: 《关于〈新城市议程〉的报告》,
        # “‘加强叙利亚城市的地方协议’项目”, « Le projet “Villes” ».
        inner = INNER_MARKS.get(quotes[0].strip())
        if inner and quotes[0].strip() in text:
            text = text.translate(inner)
        if self.phrases["dir"] == "rtl" and not has_rtl_letters(text):
            # A left-to-right title in right-to-left text, its quotation marks
            # with it: one isolate (FSI ... PDI), so that the marks are ordered
            # with the title, never by the paragraph's direction.
            # The marks share the title's language mark, so that a renderer
            # isolates them together with it (one span, one highlighted run).
            return [
                Run(FSI + quotes[0], run.fallback),
                Run(text, run.fallback),
                Run(quotes[1] + PDI, run.fallback),
            ]
        return [Run(quotes[0]), Run(text, run.fallback), Run(quotes[1])]

    def date(self, value: str | None, precision: str | None) -> list[Run]:
        if not value:
            return []
        day = dt.date.fromisoformat(value)
        precision = precision or "day"
        text = self.fmt.date(day, precision)
        return [Run(self.phrases[f"date_{precision}"].format(d=text))]

    def when(self, row: dict[str, Any]) -> list[Run]:
        """The engagement's dates: a range or an end alone as such (reports/
        spans.py), else its start."""
        span = when(self.fmt, self.phrases, row)
        if span:
            return [Run(span)]
        return self.date(row["start"], row["start_precision"])

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
                items.append(self._with_preposition(filled or [city], None))
            elif country.text:
                the = country_article(
                    country.text,
                    self.lang,
                    place.get("country_the"),
                    None if country.fallback else place.get("country_articles"),
                )
                items.append(self._with_preposition([Run(the), country], country))
        return join_runs(items, self.fmt)

    def _with_preposition(self, runs: list[Run], country: Run | None) -> list[Run]:
        """French places carry their own preposition: "à Nairobi (Kenya)", "au
        Kenya", "en Équateur", "aux Philippines" (the templates write none)."""
        if self.lang != "fr":
            return runs
        if country is None:
            return [Run("à "), *runs]
        phrase = fr_country(country.text)
        preposition = phrase[: len(phrase) - len(country.text)]
        return [Run(preposition), country]

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
        return sentence(self, row)

    def summary(self, row: dict[str, Any]) -> list[Run]:
        text = row["summary"].get(self.lang, "")
        if not text:
            return []
        return [Run(text)]

    def data_paragraph(self, paragraph: Paragraph) -> list[Run]:
        return paragraph_runs(self, [self.rows[k] for k in paragraph.engagements])


class _Assembly:
    """Turns the parts and paragraphs of a composition into headings and paragraphs
    in the writer's language; staff-written texts take the place of generated ones."""

    def __init__(self, snapshot: dict[str, Any], writer: Writer):
        self.writer = writer
        self.lang = writer.lang
        self.labels = writer.phrases["labels"]
        self.texts: dict[str, dict[str, dict[str, Any]]] = {}
        for text in snapshot["texts"]:
            self.texts.setdefault(text["anchor"], {})[text["lang"]] = text
        self.figures = figures(snapshot)

    def heading(self, part: Part, chapter: bool) -> Heading:
        label = (
            chapter_label(part.chapter, self.lang)
            if chapter
            else section_label(part.letter, self.lang)
        )
        title = self.writer._count(pick(part.title, self.lang))
        return Heading(
            label,
            [title],
            part.code,
            [self.para(p) for p in part.paragraphs],
            [self.heading(s, False) for s in part.sections],
        )

    def para(self, paragraph: Paragraph) -> Para:
        runs, is_staff, stale = self._body(paragraph)
        # An introduction cites the chapter's engagements (its figures' sources);
        # their titles and passages are counted and cited where they are told.
        intro = paragraph.type == "intro"
        count = (lambda run: run) if intro else self.writer._count
        engagements = [
            (key, [count(pick(self.writer.rows[key]["title"], self.lang))])
            for key in paragraph.engagements
        ]
        return Para(
            paragraph.number,
            paragraph.anchor,
            runs,
            paragraph.type,
            engagements,
            [] if intro else self._passages(paragraph),
            is_staff,
            stale,
            self.labels.get("paragraph_number", "{n}.").format(n=paragraph.number),
        )

    def _body(self, paragraph: Paragraph) -> tuple[list[Run], bool, bool]:
        """The paragraph's runs, whether staff wrote them, and whether what they
        wrote is stale (the engagements it tells have changed since)."""
        lang, writer = self.lang, self.writer
        staff = self.texts.get(paragraph.anchor, {})
        if lang in staff or (paragraph.type == "text" and staff):
            chosen = staff.get(lang) or staff[next(iter(staff))]
            run = Run(chosen["text"], "" if chosen["lang"] == lang else chosen["lang"])
            writer._count(run)
            stale = (
                bool(paragraph.fingerprint)
                and chosen["fingerprint"] != paragraph.fingerprint
            )
            return [run], True, stale
        if paragraph.type in ("opening", "closing"):
            template = self.labels[paragraph.type]
            if not self.figures["engagements"]:
                template = self.labels.get(f"empty_{paragraph.type}", template)
            text = period_sentences(writer, paragraph.type, template, self.figures)
            return [Run(text)], False, False
        if paragraph.type == "figures":
            return figures_paragraph(writer, paragraph.figures), False, False
        if paragraph.type == "intro":
            rows = [writer.rows[k] for k in paragraph.engagements]
            return chapter_intro(writer, rows), False, False
        return writer.data_paragraph(paragraph), False, False

    def _passages(self, paragraph: Paragraph) -> list[dict[str, Any]]:
        passages: list[dict[str, Any]] = []
        for key in paragraph.engagements:
            for ev in self.writer.rows[key]["evidence"]:
                item = {
                    "document": ev["document"],
                    "paragraph": ev["paragraph"],
                    "quote": ev["quote"],
                }
                if item not in passages:
                    passages.append(item)
        return passages


def realise(
    snapshot: dict[str, Any],
    lang: str,
    composition: Composition | None = None,
    *,
    draft: bool = False,
) -> Document:
    """The report in one language; a `draft` (for staff) also lists the sources of
    every paragraph and the engagements left out for lack of dates."""
    composition = composition or compose(snapshot)
    writer = Writer(snapshot, lang)
    assembly = _Assembly(snapshot, writer)
    chapters = [assembly.heading(c, True) for c in composition.chapters]
    document = Document(
        lang,
        writer.phrases["dir"],
        assembly.labels,
        masthead(snapshot["report"], lang, writer),
        chapters,
        writer.fallbacks,
        snapshot,
        writer.fmt,
        [
            (row["key"], [pick(row["title"], lang)])
            for row in snapshot.get("left_out", [])
            if draft
        ],
        draft,
    )
    document.annexes = annex_numbers(
        draft, bool(document.left_out), assembly.labels, lang
    )
    return document
