"""Dates of an engagement that runs from one date to another, as each language
writes a range: what the two ends share is said once ("from 8 to 18 July 2018",
"from October to November 2018", "2018年10月至11月", "d'octobre à novembre 2018",
"с октября по ноябрь 2018 года", "في الفترة من 8 إلى 18 تموز/يوليه 2018").

`range_parts` gives the two ends with the shared part left out of one of them;
the phrase around them (`date_range` in phrases.yaml, per precision) carries the
prepositions. Month names come from CLDR (Babel): Russian takes the genitive
(format) form after "с" and the accusative, for months the nominative
(stand-alone) form, after "по"; Arabic months are written as UN Arabic documents
write them (`formatting.UN_ARABIC_MONTHS`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel.dates import format_skeleton, get_month_names

from partnerships.reports.formatting import UN_ARABIC_MONTHS, Formatter

FRENCH_VOWELS = "aeiouyàâéèêëîïôöùûüh"


def _month(fmt: Formatter, value: dt.date, context: str = "stand-alone") -> str:
    if fmt.lang == "ar":
        return UN_ARABIC_MONTHS[value.month - 1]
    return get_month_names("wide", context, fmt.locale)[value.month]


def _day_month(fmt: Formatter, value: dt.date) -> str:
    """ "8 July", "8 de julio", "8 июля", "8 تموز/يوليه"."""
    if fmt.lang == "ar":
        return f"{value.day} {_month(fmt, value)}"
    text = format_skeleton("MMMMd", value, locale=fmt.locale)
    return _french_first(fmt, value, text)


def _french_first(fmt: Formatter, value: dt.date, text: str) -> str:
    """The first of the month in French: "1er juillet"."""
    if fmt.lang == "fr" and value.day == 1 and text.startswith("1 "):
        return "1er" + text[1:]
    return text


def _month_year(fmt: Formatter, value: dt.date, case: str) -> str:
    """ "October 2018"; Russian in the genitive ("октября 2018 года") or the
    accusative ("октябрь 2018 года")."""
    if fmt.lang == "ru":
        context = "format" if case == "genitive" else "stand-alone"
        return f"{_month(fmt, value, context)} {value.year} года"
    return fmt.date(value, "month")


def _day_parts(fmt: Formatter, a: dt.date, b: dt.date) -> tuple[str, str]:
    full_a, full_b = fmt.date(a, "day"), fmt.date(b, "day")
    if fmt.lang == "zh":
        if a.year != b.year:
            return full_a, full_b
        tail = f"{b.day}日" if a.month == b.month else f"{b.month}月{b.day}日"
        return full_a, tail
    if (a.year, a.month) == (b.year, b.month):
        return ("1er" if fmt.lang == "fr" and a.day == 1 else str(a.day)), full_b
    if a.year == b.year:
        return _day_month(fmt, a), full_b
    return full_a, full_b


def _month_parts(fmt: Formatter, a: dt.date, b: dt.date) -> tuple[str, str]:
    if fmt.lang == "zh":
        tail = f"{b.month}月" if a.year == b.year else fmt.date(b, "month")
        return fmt.date(a, "month"), tail
    end = _month_year(fmt, b, "accusative")
    if a.year == b.year:
        return _month(fmt, a, "format" if fmt.lang == "ru" else "stand-alone"), end
    return _month_year(fmt, a, "genitive"), end


def range_parts(
    fmt: Formatter, a: dt.date, b: dt.date, precision: str
) -> tuple[str, str]:
    """The two ends of a range at one precision, what they share said once."""
    if precision == "day":
        return _day_parts(fmt, a, b)
    if precision == "month":
        return _month_parts(fmt, a, b)
    if fmt.lang == "zh":
        return f"{a.year}年", f"{b.year}年"
    if fmt.lang == "ru":
        return str(a.year), f"{b.year} год"
    return str(a.year), str(b.year)


def same_at(a: dt.date, b: dt.date, precision: str) -> bool:
    """Whether two dates are one date at the precision they were recorded with."""
    if precision == "year":
        return a.year == b.year
    if precision == "month":
        return (a.year, a.month) == (b.year, b.month)
    return a == b


def elide(text: str, lang: str) -> str:
    """French "de" before a vowel: "d'octobre", "d'avril"."""
    if lang != "fr":
        return text
    out = []
    for word in text.split(" "):
        if out and out[-1] == "de" and word[:1].lower() in FRENCH_VOWELS:
            out[-1] = "d'" + word
        else:
            out.append(word)
    return " ".join(out)


def until(fmt: Formatter, value: dt.date, precision: str) -> str:
    """An end without a start, as it stands after "by": Russian "не позднее" takes
    the genitive ("не позднее октября 2019 года", "не позднее 2020 года")."""
    if fmt.lang != "ru":
        return fmt.date(value, precision)
    if precision == "year":
        return f"{value.year} года"
    if precision == "month":
        return _month_year(fmt, value, "genitive")
    return fmt.date(value, "day")


PRECISIONS = ("day", "month", "year")


def when(fmt: Formatter, phrases: dict[str, Any], row: dict[str, Any]) -> str | None:
    """The dates of an engagement with their preposition when they are a range
    ("from October to November 2018") or an end alone ("by October 2019");
    None when its start alone tells them (or for runs stored before the phrases)."""
    ranges, ends = phrases.get("date_range"), phrases.get("date_until")
    start, end = row.get("start"), row.get("end")
    if not end or not ranges or not ends:
        return None
    b = dt.date.fromisoformat(end)
    end_precision = row.get("end_precision") or "day"
    if not start:
        return ends[end_precision].format(d=until(fmt, b, end_precision))
    a = dt.date.fromisoformat(start)
    # The coarser of the two precisions: "2018" to "June 2019" reads as years.
    precision = max(
        row.get("start_precision") or "day", end_precision, key=PRECISIONS.index
    )
    if b <= a or same_at(a, b, precision):
        return None
    first, last = range_parts(fmt, a, b, precision)
    return elide(ranges[precision].format(a=first, b=last), fmt.lang)
