"""The parts of a report that are not about engagements: its masthead and the
sentences that open and close it with figures for the whole period."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING, Any

from partnerships.core.languages import language
from partnerships.reports.formatting import Formatter
from partnerships.reports.runs import Run, fill, pick
from partnerships.reports.spans import range_parts

if TYPE_CHECKING:
    from partnerships.reports.realise import Writer


def figures(snapshot: dict[str, Any]) -> dict[str, int]:
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


TOP = 3  # kinds and partner categories the conclusions name


def closing_detail(writer: Writer) -> str:
    """The conclusions' second sentence, from the period's figures: the most
    frequent kinds of engagement and categories of partner, with their counts
    ("projects (73), publications (27) and events (26)")."""
    template = writer.phrases["labels"].get("closing_detail")  # older runs lack it
    snapshot = writer.snapshot
    if not template or not snapshot["engagements"]:
        return ""
    reporter = snapshot["report"]["reporter"]
    kinds = Counter(row["kind"] for row in snapshot["engagements"])
    partners = {
        p["org"] for row in snapshot["engagements"] for p in row["participants"]
    } - {reporter}
    categories = Counter(snapshot["organisations"][k]["category"] for k in partners)

    def listed(counts: Counter, labels: dict[str, str]) -> str:
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
        return writer.fmt.list(
            [
                f"{_running(labels.get(k, k), writer.lang)} ({writer.fmt.number(n)})"
                for k, n in top
            ]
        )

    return template.format(
        kinds=listed(kinds, writer.phrases["kinds"]),
        categories=listed(categories, writer.phrases["categories"]),
    )


def _running(label: str, lang: str) -> str:
    """A label inside a sentence: "Projects" -> "projects" (not "UN system")."""
    if lang in ("zh", "ar") or len(label) < 2 or not label[1].islower():
        return label
    return label[0].lower() + label[1:]


def period_sentences(
    writer: Writer, kind: str, template: str, figures: dict[str, int]
) -> str:
    """The opening or closing paragraph composed from the period's figures."""
    text = figure_sentence(writer, template, figures)
    detail = closing_detail(writer) if kind == "closing" else ""
    if detail:
        text += ("" if writer.lang == "zh" else " ") + detail
    return text


def figure_sentence(writer: Writer, template: str, figures: dict[str, int]) -> str:
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


def _distribution_block(
    report: dict[str, Any], lang: str, writer: Writer, date: dt.date | None
) -> dict[str, str]:
    """Distribution, date, the version's language and the original's, in the
    language of the masthead block: the version's own by default
    (`masthead_language` in phrases.yaml; "分发：普遍 / 2019年3月6日 / 中文 /
    原文：英文"), English where it is set so ("Distr.: General / … / Chinese /
    Original: English", as the seed prints it)."""
    block = writer.phrases.get("masthead_language", lang)
    fmt = Formatter(block, language(block).locale)
    phrases = writer.snapshot["phrases"][block]
    labels = phrases["labels"]
    names = phrases.get("language_names", {})
    original = report["original_language"]

    def name(code: str) -> str:
        return names.get(code) or fmt.locale.languages.get(code, code)

    def capital(value: str) -> str:
        return value[:1].upper() + value[1:]

    distribution = report["distribution"]
    return {
        "distribution": labels["distribution"].format(
            value=phrases.get("distributions", {}).get(distribution, distribution)
        ),
        "original": labels["original"].format(value=name(original)),
        "version": capital(name(lang)) if lang != original else "",
        "date": fmt.date(date, "day") if date else "",
        # The block's direction is its language's: an Arabic date read left to
        # right put the day last ("آذار/مارس 2019 6").
        "block_dir": language(block).direction,
    }


def _session_dates(writer: Writer, a: dt.date, b: dt.date) -> str:
    """ "27–31 May 2019", "du 27 au 31 mai 2019", "2019年5月27日至31日" (runs stored
    before `session_dates`: two full dates)."""
    template = writer.phrases.get("session_dates")
    if not template:
        return f"{writer.fmt.date(a, 'day')} – {writer.fmt.date(b, 'day')}"
    if a == b:
        return writer.fmt.date(a, "day")
    first, last = range_parts(writer.fmt, a, b, "day")
    return template.format(a=first, b=last)


def _session_where(writer: Writer, place: Run, dates: str) -> list[Run]:
    """The place and days of the session as the language writes them:
    "Nairobi, 27–31 May 2019", "2019年5月27日至31日，内罗毕" (`session_line`)."""
    template = writer.phrases.get("session_line", "{place}, {dates}")
    values = {"place": [place] if place.text else [], "dates": [Run(dates)]}
    if not dates:
        return values["place"]
    return fill(template, values) or [Run(dates)]


def masthead(report: dict[str, Any], lang: str, writer: Writer) -> dict[str, Any]:
    texts = report["texts"]

    def text(name: str) -> Run:
        return writer._count(pick(texts.get(name, {}), lang))

    date = dt.date.fromisoformat(report["date"]) if report["date"] else None
    labels = writer.phrases["labels"]
    session_dates = ""
    if report["session_start"] and report["session_end"]:
        a = dt.date.fromisoformat(report["session_start"])
        b = dt.date.fromisoformat(report["session_end"])
        session_dates = _session_dates(writer, a, b)
    return {
        "symbol": report["symbol"],
        "body": text("body"),
        "session": text("session"),
        "session_place": text("session_place"),
        "session_dates": session_dates,
        "session_where": _session_where(writer, text("session_place"), session_dates),
        "agenda_item": labels["agenda_item"].format(value=report["agenda_item"])
        if report["agenda_item"]
        else "",
        "agenda_title": text("agenda_title"),
        "agenda_footnote": text("agenda_footnote"),
        "title": text("title"),
        "heading": text("heading"),
        "report_of": text("report_of")
        if texts.get("report_of", {}).get(lang)
        else Run(labels["report_of"]),
        **_distribution_block(report, lang, writer, date),
        "iso_date": report["date"],
    }
