"""The statistics annex in one language: tables, and the same figures as charts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from babel.numbers import get_currency_name

from partnerships.reports.charts import bar_chart
from partnerships.reports.document import Document
from partnerships.reports.runs import Run, pick
from partnerships.reports.stats import statistics


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[Run]]
    chart: bytes | None = None
    note: str = ""
    values: list[list[str]] = field(default_factory=list)


def statistics_annex(
    doc: Document, *, charts: bool = True, chart_format: str = "png"
) -> list[Table]:
    """The annex's tables, each count with its chart (PNG; "pdf" for checks)."""
    stats = statistics(doc.snapshot)
    return [
        *_counted_tables(doc, stats, charts and chart_format),
        _money_table(doc, stats),
        _sdg_table(doc, stats),
    ]


def _counted_tables(doc: Document, stats: dict[str, Any], charts: str) -> list[Table]:
    """The tables of counts by category, region, kind and theme, each with its chart."""
    labels = doc.labels
    phrases = doc.snapshot["phrases"][doc.lang]
    fmt = doc.formatter
    count = labels["count"]

    def counted(title_key: str, items: list[tuple[Run, int]]) -> Table:
        table = Table(
            labels[title_key],
            ["", count],
            [[label, Run(fmt.number(n))] for label, n in items],
        )
        if charts and items:
            table.chart = bar_chart(
                labels[title_key], [(r.text, n) for r, n in items], doc.lang, charts
            )
        return table

    unknown = Run(labels["unplaced_region"])
    m49 = doc.snapshot.get("regions", {})  # runs stored before: CLDR's names

    def region(code: str) -> Run:
        if code in m49:
            return pick(m49[code], doc.lang)
        return Run(fmt.locale.territories.get(code, code))

    return [
        counted(
            "partners_by_category",
            [
                (Run(phrases["categories"].get(c, c)), n)
                for c, n in stats["partners_by_category"]
            ],
        ),
        counted(
            "partners_by_region",
            [
                (region(code) if code else unknown, n)
                for code, n in stats["partners_by_region"]
            ],
        ),
        counted(
            "engagements_by_kind",
            [
                (Run(phrases["kinds"].get(k, k)), n)
                for k, n in stats["engagements_by_kind"]
            ],
        ),
        counted(
            "engagements_by_theme",
            [
                (pick(doc.snapshot["themes"].get(code, {}), doc.lang) or Run(code), n)
                for code, n in stats["engagements_by_theme"]
            ],
        ),
    ]


def _money_table(doc: Document, stats: dict[str, Any]) -> Table:
    labels, fmt = doc.labels, doc.formatter
    measures = doc.snapshot["phrases"][doc.lang].get("measures")
    if stats.get("money_by_measure") is not None and measures:
        return Table(
            labels["money_by_measure"],
            [labels["measure"], labels["currency"], labels["amount"], labels["lines"]],
            [
                [
                    Run(measures.get(measure or "", measure or "")),
                    Run(f"{get_currency_name(code, locale=fmt.locale)} ({code})"),
                    Run(fmt.amount(amount, code)),
                    Run(fmt.number(n)),
                ]
                for measure, code, amount, n in stats["money_by_measure"]
            ],
            note=labels["measure_note"],
        )
    # Runs stored before the snapshot carried money lines: money by currency.
    return Table(
        labels["money_by_currency"],
        [labels["currency"], labels["amount"], labels["count"]],
        [
            [
                Run(f"{get_currency_name(code, locale=fmt.locale)} ({code})"),
                Run(fmt.amount(amount, code)),
                Run(fmt.number(n)),
            ]
            for code, amount, n in stats["money_by_currency"]
        ],
        note=labels["no_rate"],
    )


# A target such as "4.a" read in right-to-left text shows "a.4": it is isolated
# left to right (LRI … PDI).
LRI, PDI = "\u2066", "\u2069"


def _sdg_table(doc: Document, stats: dict[str, Any]) -> Table:
    isolate = (LRI, PDI) if doc.dir == "rtl" else ("", "")
    return Table(
        doc.labels["sdg_targets"],
        ["", doc.labels["count"]],
        [
            [Run(code.join(isolate)), Run(doc.formatter.number(n))]
            for code, n in stats["sdg_targets"]
        ],
    )
