"""Date ranges: an engagement with a start and an end is told from one to the
other in each language, what the two ends share said once; an end alone is told
as such; the masthead's session days likewise ("du 27 au 31 mai 2019")."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerships.core.languages import language
from partnerships.reports.formatting import Formatter
from partnerships.reports.masthead import masthead
from partnerships.reports.realise import Writer
from partnerships.reports.spans import range_parts

pytestmark = pytest.mark.django_db

# The seed's engagements whose recorded start and end differ at the precision they
# were recorded with, and how each language must write their dates (seed ¶9, ¶57,
# ¶59, ¶62: "2018 年 10 月和 11 月", "2016-2036").
RANGES = {
    "p009-hlpf-2018": {
        "en": "from 8 to 18 July 2018",
        "zh": "2018年7月8日至18日",
        "fr": "du 8 au 18 juillet 2018",
        "es": "del 8 al 18 de julio de 2018",
        "ru": "с 8 по 18 июля 2018 года",
        "ar": "في الفترة من 8 إلى 18 تموز/يوليه 2018",
    },
    "p059-joint-missions-cambodia-nepal": {
        "en": "from October to November 2018",
        "zh": "2018年10月至11月",
        "fr": "d'octobre à novembre 2018",
        "es": "de octubre a noviembre de 2018",
        "ru": "с октября по ноябрь 2018 года",
        "ar": "في الفترة من تشرين الأول/أكتوبر إلى تشرين الثاني/نوفمبر 2018",
    },
    # An event with no recorded participant, told by its title (seed ¶57).
    "p057-ap-partners-forum": {
        "en": "from 23 to 24 January 2017",
        "zh": "2017年1月23日至24日",
        "fr": "du 23 au 24 janvier 2017",
        "es": "del 23 al 24 de enero de 2017",
        "ru": "с 23 по 24 января 2017 года",
        "ar": "في الفترة من 23 إلى 24 كانون الثاني/يناير 2017",
    },
    "p062-lac-regional-action-plan-nua": {
        "en": "from 2016 to 2036",
        "zh": "2016年至2036年",
        "fr": "de 2016 à 2036",
        "es": "de 2016 a 2036",
        "ru": "с 2016 по 2036 год",
        "ar": "في الفترة من 2016 إلى 2036",
    },
}
# An end without a start, a date by which it was done or is due (seed ¶11, ¶22:
# "将于 2019 年 10 月出版").
UNTIL = {
    "p022-asia-pacific-cities-report-2019": {
        "en": "by October 2019",
        "zh": "2019年10月前",
        "fr": "au plus tard en octobre 2019",
        "es": "a más tardar en octubre de 2019",
        "ru": "не позднее октября 2019 года",
        "ar": "بحلول تشرين الأول/أكتوبر 2019",
    },
    "p011-youth-2030-strategy": {
        "en": "by 8 October 2018",
        "zh": "2018年10月8日前",
        "fr": "au plus tard le 8 octobre 2018",
        "es": "a más tardar el 8 de octubre de 2018",
        "ru": "не позднее 8 октября 2018 года",
        "ar": "بحلول 8 تشرين الأول/أكتوبر 2018",
    },
}
LANGS = ("en", "zh", "fr", "es", "ru", "ar")


def _text(runs) -> str:
    return "".join(r.text for r in runs)


def _key(value: str, precision: str) -> tuple:
    day = dt.date.fromisoformat(value)
    return {"year": (day.year,), "month": (day.year, day.month)}.get(precision, day)


def _spans(rows):
    """Engagements whose start and end differ at the coarser recorded precision."""
    out = []
    for row in rows:
        if not (row["start"] and row["end"]):
            continue
        precisions = {row["start_precision"] or "day", row["end_precision"] or "day"}
        precision = next(p for p in ("year", "month", "day") if p in precisions)
        if _key(row["start"], precision) != _key(row["end"], precision):
            out.append(row["key"])
    return out


def test_the_seeds_ranges_are_the_ones_checked(stored_snapshot):
    rows = stored_snapshot["engagements"]
    assert sorted(_spans(rows)) == sorted(RANGES)
    # Seven engagements have a start and an end that are different days; three of
    # them lie within one month recorded as a month ("in July 2018").
    days = [r for r in rows if r["start"] and r["end"] and r["start"] != r["end"]]
    assert len(days) == 7
    ends_alone = [r["key"] for r in rows if r["end"] and not r["start"]]
    assert set(UNTIL) <= set(ends_alone)


@pytest.mark.parametrize("lang", LANGS)
def test_a_range_is_told_from_start_to_end(stored_snapshot, lang):
    writer = Writer(stored_snapshot, lang)
    rows = {r["key"]: r for r in stored_snapshot["engagements"]}
    for key, expected in {**RANGES, **UNTIL}.items():
        text = _text(writer.sentence(rows[key]))
        assert expected[lang] in text, (key, text)


def test_a_range_is_not_dated_by_its_first_month(stored_snapshot):
    rows = {r["key"]: r for r in stored_snapshot["engagements"]}
    text = _text(Writer(stored_snapshot, "en").sentence(rows[next(iter(RANGES))]))
    assert "on 8 July 2018" not in text
    text = _text(Writer(stored_snapshot, "en").sentence(rows[list(RANGES)[1]]))
    assert "in October 2018" not in text


def test_ranges_across_months_and_years():
    def parts(lang, a, b, precision):
        fmt = Formatter(lang, language(lang).locale)
        return range_parts(fmt, dt.date(*a), dt.date(*b), precision)

    assert parts("en", (2017, 1, 30), (2017, 2, 2), "day") == (
        "30 January",
        "2 February 2017",
    )
    assert parts("fr", (2018, 4, 1), (2018, 4, 3), "day") == ("1er", "3 avril 2018")
    assert parts("zh", (2017, 12, 30), (2018, 1, 2), "day") == (
        "2017年12月30日",
        "2018年1月2日",
    )
    assert parts("ru", (2018, 10, 1), (2019, 1, 1), "month") == (
        "октября 2018 года",
        "январь 2019 года",
    )
    assert parts("zh", (2018, 3, 1), (2018, 4, 1), "month") == ("2018年3月", "4月")


# The masthead's session days, and its line with the place in each language's
# order (the seed prints "2019年5月27日至31日，内罗毕").
SESSION = {
    "en": ("27–31 May 2019", "Nairobi, 27–31 May 2019"),
    "zh": ("2019年5月27日至31日", "2019年5月27日至31日，内罗毕"),
    "fr": ("du 27 au 31 mai 2019", "Nairobi, du 27 au 31 mai 2019"),
    "es": ("27 a 31 de mayo de 2019", None),
    "ru": ("27–31 мая 2019 года", None),
    "ar": ("27-31 أيار/مايو 2019", "نيروبي، 27-31 أيار/مايو 2019"),
}


@pytest.mark.parametrize("lang", sorted(SESSION))
def test_the_session_days_share_their_month(stored_snapshot, lang):
    dates, line = SESSION[lang]
    head = masthead(stored_snapshot["report"], lang, Writer(stored_snapshot, lang))
    assert head["session_dates"] == dates
    if line:
        assert _text(head["session_where"]) == line
