import datetime as dt

import pytest

from partnerships.core.dates import format_fuzzy, parse_fuzzy


@pytest.mark.parametrize(
    ("text", "end", "value", "precision"),
    [
        ("2018", False, dt.date(2018, 1, 1), "year"),
        ("2018", True, dt.date(2018, 12, 31), "year"),
        ("2018-02", True, dt.date(2018, 2, 28), "month"),
        ("2016-10", False, dt.date(2016, 10, 1), "month"),
        ("2018-10-08", True, dt.date(2018, 10, 8), "day"),
    ],
)
def test_it_reads_dates_known_to_a_year_month_or_day(text, end, value, precision):
    parsed = parse_fuzzy(text, end=end)
    assert (parsed.value, parsed.precision) == (value, precision)
    assert format_fuzzy(parsed.value, parsed.precision) == text


@pytest.mark.parametrize("text", ["18", "2018/10", "2018-13", "2018-02-30", "October"])
def test_it_refuses_what_is_not_a_date(text):
    with pytest.raises(ValueError):
        parse_fuzzy(text)
