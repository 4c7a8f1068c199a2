"""Country and area names from UN terminology (UNTERM, M49), read offline from the
taxonomy file the hdx-python-country package carries."""

from __future__ import annotations

import socket

import pytest

from partnerships.core.languages import UN_LANGUAGES
from partnerships.reference import unterm


def test_countries_carry_their_unterm_short_names_in_six_languages():
    assert unterm.country_names("PS") == {
        "ar": "دولة فلسطين",
        "zh": "巴勒斯坦国",
        "en": "State of Palestine",
        "fr": "État de Palestine",
        "ru": "Государство Палестина",
        "es": "Estado de Palestina",
    }
    assert unterm.country_name("CD", "en") == "Democratic Republic of the Congo"
    assert unterm.country_name("EC", "fr") == "Équateur"
    assert set(unterm.country_sources("CD").values()) == {"UNTERM"}
    unterm_list = [
        c
        for c in unterm.known_codes()
        if "UNTERM" in unterm.country_sources(c).values()
    ]
    assert len(unterm_list) == 197
    for code in unterm_list:
        assert set(unterm.country_names(code)) == set(UN_LANGUAGES), code


def test_areas_outside_the_unterm_list_take_their_m49_names_and_none_is_invented():
    assert unterm.country_name("HK", "zh") == "中国香港特别行政区"
    assert unterm.country_sources("HK")["fr"] == "M49"
    assert unterm.country_names("TW") == {"en": "Taiwan (Province of China)"}
    assert unterm.country_names("XK") == {"en": "Kosovo"}
    assert unterm.country_names("QQ") == {}


def test_the_names_are_read_without_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("no network at run time")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    unterm._taxonomy.cache_clear()
    try:
        assert unterm.country_name("KE", "ar") == "كينيا"
    finally:
        unterm._taxonomy.cache_clear()


@pytest.mark.django_db
def test_every_country_of_the_demo_report_is_named_in_every_language(stored_snapshot):
    places = [p for row in stored_snapshot["engagements"] for p in row["places"]]
    countries = {p["country"] for p in places if p["country"]}
    assert len(countries) > 20
    # Kosovo has its English term only; the other languages fall back, marked.
    for place in places:
        if place["country"] and place["country"] != "XK":
            assert set(place["country_names"]) == set(UN_LANGUAGES), place["country"]
