"""Money, dates, places and titles are read in Chinese and English."""

from __future__ import annotations

from decimal import Decimal

import pytest

from partnerships.ingest.extraction.facts import (
    find_dates,
    find_money,
    find_places,
    find_titles,
    place_gazetteer,
)


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("承诺再提供 1 000 万欧元支持", "10000000", "EUR"),
        ("提供了1,000万美元", "10000000", "USD"),
        ("with 10 million euros", "10000000", "EUR"),
        ("US$ 2.5 million for housing", "2500000", "USD"),
        ("a grant of EUR 300,000", "300000", "EUR"),
        ("2 亿日元", "200000000", "JPY"),
    ],
)
def test_it_reads_an_amount_and_its_currency(text, amount, currency):
    [money] = find_money(text)
    assert (money.amount, money.currency) == (Decimal(amount), currency)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2018年12月20日，联大通过了", "2018-12-20"),
        ("2018 年 10 月启动", "2018-10"),
        ("on 20 December 2018 the Assembly", "2018-12-20"),
        ("published in October 2024", "2024-10"),
        ("signed in 2018 by", "2018"),
    ],
)
def test_it_reads_dates_at_their_precision(text, value):
    assert [d.value for d in find_dates(text)] == [value]


def test_it_ignores_impossible_months_and_bare_numbers():
    assert find_dates("2018年13月 and 2018 people") == []


def test_it_finds_countries_and_cities_in_both_languages():
    places = find_places(
        "在肯尼亚内罗毕, in Aleppo and Sierra Leone", place_gazetteer()
    )
    assert [(p.text, p.country, p.kind) for p in places] == [
        ("肯尼亚", "KE", "country"),
        ("内罗毕", "KE", "city"),
        ("Aleppo", "SY", "city"),
        ("Sierra Leone", "SL", "country"),
    ]


def test_it_finds_titles_in_quotation_marks():
    titles = find_titles("制定了“2030 年青年战略”和《新城市议程》")
    assert [t[2] for t in titles] == ["2030 年青年战略", "新城市议程"]
