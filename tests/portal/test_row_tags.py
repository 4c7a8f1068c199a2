"""The tags that write a list's rows in Python write what the templates wrote."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from partnerships.portal.templatetags.portal import countries_of, dates, link
from partnerships.reference.models import Country

# The markup the engagement list included for each row before `{% dates %}`.
DATES_TEMPLATE = (
    '{% load i18n portal %}{% with start=e|fuzzy:"start" end=e|fuzzy:"end" %}'
    "{% if start and end %}{{ start }}–{{ end }}{% elif start %}"
    "{% blocktranslate %}from {{ start }}{% endblocktranslate %}{% elif end %}"
    "{% blocktranslate %}until {{ end }}{% endblocktranslate %}{% else %}"
    '<span class="meta">{% translate "undated" %}</span>{% endif %}{% endwith %}'
)
DAY, LATER = dt.date(2018, 5, 3), dt.date(2021, 11, 30)


@pytest.mark.parametrize(
    "key",
    [
        "SYN-O0001234",
        "p022-state-of-arab-cities",
        "KE",
        "a.b~c_d",
        "名字",
        "a b&c",
        "x'y",
    ],
)
@pytest.mark.parametrize(
    "name", ["portal:organisation", "portal:engagement", "portal:country"]
)
def test_link_is_the_reversed_url(name, key):
    assert link(name, key) == reverse(name, args=[key])


@pytest.mark.parametrize("lang", ["en", "fr", "ar", "zh-hans"])
@pytest.mark.parametrize(
    ("start", "start_precision", "end", "end_precision"),
    [
        (DAY, "day", LATER, "day"),
        (DAY, "month", None, ""),
        (None, "", LATER, "year"),
        (DAY, "year", LATER, "month"),
        (None, "", None, ""),
    ],
)
def test_dates_are_what_the_template_wrote(
    lang, start, start_precision, end, end_precision
):
    engagement = SimpleNamespace(
        start_date=start,
        start_precision=start_precision,
        end_date=end,
        end_precision=end_precision,
    )
    with translation.override(lang):
        old = Template(DATES_TEMPLATE).render(Context({"e": engagement}))
        assert str(dates(engagement)) == old


@pytest.mark.django_db
def test_countries_are_listed_once_with_no_comma_after_the_last():
    kenya, china = Country.objects.get(code="KE"), Country.objects.get(code="CN")
    places = [
        SimpleNamespace(country_id=c.code, country=c) for c in (china, kenya, kenya)
    ]
    engagement = SimpleNamespace(places=SimpleNamespace(all=lambda: places))
    with translation.override("en"):
        shown = str(countries_of(engagement))
    assert shown.count("<a ") == 2
    assert shown.endswith("</a>") and ", <a " in shown
