"""Chapter introductions composed from the figures of the chapter: how many
engagements it tells, with how many partners, in how many countries, and the
partners' most frequent categories. Staff text written for `<chapter>/intro`
replaces the composed one (and is flagged stale when the engagements change)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from partnerships.reports.masthead import TOP, _running
from partnerships.reports.runs import Run, fill

if TYPE_CHECKING:
    from partnerships.reports.realise import Writer


def intro_figures(
    rows: list[dict[str, Any]], reporter: str, orgs: dict[str, Any]
) -> dict[str, Any]:
    """The chapter's figures: engagements, partners (not the reporting
    organisation), countries, and partners by category."""
    partners = {p["org"] for row in rows for p in row["participants"]} - {reporter}
    countries = {pl["country"] for row in rows for pl in row["places"] if pl["country"]}
    return {
        "engagements": len(rows),
        "partners": len(partners),
        "countries": len(countries),
        "categories": Counter(orgs[k]["category"] for k in partners),
    }


def _count(writer: Writer, forms: dict[str, str], n: int) -> list[Run]:
    """ "3 partners", "3 партнера": the plural form CLDR gives the number."""
    form = writer.fmt.locale.plural_form(n)
    template = forms.get(form, forms["other"])
    return [Run(template.format(n=writer.fmt.number(n)))]


def chapter_intro(writer: Writer, rows: list[dict[str, Any]]) -> list[Run]:
    """The introduction of a chapter in the writer's language; nothing in a run
    stored before the phrases existed."""
    phrases = writer.phrases.get("chapter_intro")
    if not phrases or not rows:
        return []
    figures = intro_figures(rows, writer.reporter, writer.orgs)
    values = {
        "reporter": [writer.org_name(writer.reporter)],
        "engagements": _count(writer, phrases["engagement"], figures["engagements"]),
        "partners": _count(writer, phrases["partner"], figures["partners"])
        if figures["partners"]
        else [],
        "countries": _count(writer, phrases["country"], figures["countries"])
        if figures["countries"]
        else [],
    }
    runs = fill(phrases["sentence"], values) or []
    top = sorted(figures["categories"].items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
    if top:
        labels = writer.phrases["categories"]
        brackets = "（{}）" if writer.lang == "zh" else " ({})"
        listed = writer.fmt.list(
            [
                _running(labels.get(k, k), writer.lang)
                + brackets.format(writer.fmt.number(n))
                for k, n in top
            ]
        )
        space = "" if writer.lang == "zh" else " "
        runs += [Run(space + phrases["categories"].format(categories=listed))]
    return runs
