"""Country names in the portal and the API come from UN terminology, the source the
report uses, not from the IATI codelist (which has only English and French)."""

from __future__ import annotations

import csv
from importlib import resources

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

TAXONOMY = "Countries & Territories Taxonomy MVP - C&T Taxonomy.csv"
COLUMNS = {"zh-hans": "Chinese Short", "ar": "Arabic Short", "ru": "Russian Short"}


def _short_names() -> dict[str, dict[str, str]]:
    """The taxonomy file the hdx-python-country package carries, read here on its
    own: ISO code -> its row."""
    path = resources.files("hdx.location").joinpath(TAXONOMY)
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["ISO 3166-1 Alpha 2-Codes"]: row for row in csv.DictReader(handle)}


def _in(client, lang: str) -> None:
    client.post("/i18n/setlang/", {"language": lang, "next": "/"})


@pytest.mark.parametrize("lang", ["zh-hans", "ar", "ru"])
def test_a_country_page_and_the_list_filter_name_it_as_un_terminology(
    client, records, lang
):
    rows = _short_names()
    _in(client, lang)
    for code in ("KE", "KH"):
        name = rows[code][COLUMNS[lang]]
        assert name
        page = client.get(f"/countries/{code}/").content.decode()
        heading = page.split("<h1>", 1)[1].split("</h1>", 1)[0]
        assert name in heading, (code, lang)
        assert rows[code]["English Short"] not in heading
    listing = client.get("/engagements/?country=KE").content.decode()
    assert f'value="KE" selected>{rows["KE"][COLUMNS[lang]]}' in listing


def test_an_engagement_page_names_its_country_in_chinese(client, records):
    _in(client, "zh-hans")
    page = client.get("/engagements/matrix-published/").content.decode()
    assert _short_names()["KE"]["Chinese Short"] in page


def test_the_api_gives_each_place_and_organisation_the_six_unterm_names(records):
    rows = _short_names()["KE"]
    api = APIClient()
    body = api.get("/api/engagements/matrix-published/").json()
    names = body["places"][0]["country_names"]
    assert names["zh"] == rows["Chinese Short"]
    assert names["ar"] == rows["Arabic Short"]
    assert names["en"] == rows["English Short"]
    places = api.get("/api/places/?country=KE").json()["results"]
    assert all(p["country_names"]["ar"] == rows["Arabic Short"] for p in places)
    org = api.get("/api/organisations/ITDP/").json()
    if org["country"]:
        expected = _short_names()[org["country"]]["Chinese Short"]
        assert org["country_names"]["zh"] == expected
