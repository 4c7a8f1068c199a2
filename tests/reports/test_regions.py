"""Regions are named in the report's language: a DAC region (IATI Region codelist)
by its UN M49 equivalent, the others through the catalogues (reports/regions.py)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from django.conf import settings

from partnerships.core.languages import UN_LANGUAGES
from partnerships.reports.annex import statistics_annex
from partnerships.reports.realise import realise
from partnerships.reports.regions import dac_region_names

pytestmark = pytest.mark.django_db

# The DAC regions of the demo data and the M49 areas they are (read by hand from
# the two code lists' English names: "Africa, regional" is Africa, 002).
DEMO_DAC = {"298": "002", "498": "019", "798": "142", "1027": "014", "1031": "029"}


def _m49_rows() -> dict[str, dict[str, str]]:
    path = Path(settings.DATA_DIR) / "reference" / "m49_regions.csv"
    with path.open(encoding="utf-8") as fh:
        return {row["m49"]: row for row in csv.DictReader(fh)}


def test_the_m49_file_names_every_region_in_six_languages():
    rows = _m49_rows()
    assert {"001", "002", "009", "019", "142", "150"} <= set(rows)
    for row in rows.values():
        assert all(row[lang] for lang in UN_LANGUAGES), row["m49"]
        assert row["source"]


def test_dac_regions_take_their_m49_names():
    rows = _m49_rows()
    for dac, m49 in DEMO_DAC.items():
        names = dac_region_names(dac, "x, regional")
        assert names == {lang: rows[m49][lang] for lang in UN_LANGUAGES}, dac
    assert dac_region_names("298")["fr"] == "Afrique"
    assert dac_region_names("1027")["zh"] == "东部非洲"


def test_regions_without_m49_equivalent_come_from_the_catalogues():
    names = dac_region_names("998", "Developing countries, unspecified")
    assert names == {
        "ar": "البلدان النامية",
        "zh": "发展中国家",
        "en": "developing countries",
        "fr": "pays en développement",
        "ru": "развивающиеся страны",
        "es": "países en desarrollo",
    }
    # A region neither names keeps its codelist name, in English only.
    assert dac_region_names("9999", "Somewhere, regional") == {
        "en": "Somewhere, regional"
    }


PLACES = {
    "en": ["with ITDP in Eastern Africa", "in Asia", "in developing countries"],
    "fr": ["en Afrique orientale", "en Asie", "dans les pays en développement"],
    "es": ["en África oriental", "en Asia", "en los países en desarrollo"],
    "ru": ["(Восточная Африка)", "(Азия)", "(развивающиеся страны)"],
    "zh": ["在东部非洲", "在亚洲", "在发展中国家"],
    "ar": ["في شرق أفريقيا", "في آسيا", "في البلدان النامية"],
}


@pytest.mark.parametrize("lang", sorted(PLACES))
def test_the_report_names_regions_in_its_language(stored_snapshot, lang):
    regions = {
        place["region"]
        for row in stored_snapshot["engagements"]
        for place in row["places"]
        if place["region"]
    }
    assert set(DEMO_DAC) <= regions
    doc = realise(stored_snapshot, lang)
    runs = [r for p in doc.paragraphs() for r in p.runs]
    text = "".join(r.text for r in runs)
    for phrase in PLACES[lang]:
        assert phrase in text, phrase
    assert not re.search(r"(Africa|Asia|America|Caribbean), regional", text)
    assert "unspecified" not in text
    names = {n for code in regions for n in dac_region_names(code).values()}
    assert not [r.text for r in runs if r.fallback and r.text in names]


def test_the_annex_names_partner_regions_by_m49(stored_snapshot):
    """CLDR's Chinese name of 014 is 东非; the M49 name is 东部非洲."""
    rows = _m49_rows()
    doc = realise(stored_snapshot, "zh")
    table = statistics_annex(doc, charts=False)[1]
    labels = {row[0].text for row in table.rows}
    assert labels
    m49 = {row["zh"] for row in rows.values()}
    assert labels - {doc.labels["unplaced_region"]} <= m49
    assert "东部非洲" in labels
