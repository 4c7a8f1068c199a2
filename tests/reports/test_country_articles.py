"""Spanish country names take the article UNTERM gives them ("el Ecuador", "la
India"), from data/reference/es_country_articles.csv."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from django.conf import settings

from partnerships.reference.unterm import country_name
from partnerships.reports.articles import country_article, country_articles
from partnerships.reports.realise import realise

pytestmark = pytest.mark.django_db


def _rows() -> list[dict[str, str]]:
    path = Path(settings.DATA_DIR) / "reference" / "es_country_articles.csv"
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_the_file_matches_the_unterm_names():
    rows = _rows()
    assert len(rows) >= 20
    for row in rows:
        assert country_name(row["code"], "es") == row["es_short"], row
        assert row["article"] in ("el", "la", "los", "las")
        assert row["source"] == "UNTERM"  # every row checked (session 9)


def test_articles_of_the_brief():
    for code, name, article in (
        ("EC", "Ecuador", "el"),
        ("IN", "India", "la"),
        ("PE", "Perú", "el"),
        ("BR", "Brasil", "el"),
        ("AR", "Argentina", "la"),
        ("JP", "Japón", "el"),
    ):
        assert country_article(name, "es", False, country_articles(code)) == (
            article + " "
        )
    # Names opening with a common noun keep the noun's article.
    assert country_article("Reino Unido de Gran Bretaña", "es", False, {}) == "el "
    assert country_article("Estados Unidos de América", "es", False, {}) == "los "
    assert country_article("Kenya", "es", False, country_articles("KE")) == ""
    # UNTERM writes these two bare: "Gambia", "Maldivas" (the file had an article).
    for code, name in (("GM", "Gambia"), ("MV", "Maldivas")):
        assert country_article(name, "es", False, country_articles(code)) == ""
    # The Spanish article never reaches another language.
    assert country_article("Ecuador", "en", False, country_articles("EC")) == ""


def test_the_spanish_report_writes_them(stored_snapshot):
    doc = realise(stored_snapshot, "es")
    text = " ".join("".join(r.text for r in p.runs) for p in doc.paragraphs())
    assert "en el Afganistán" in text
    assert "el Ecuador, el Iraq, Myanmar, Sudán del Sur y la República Árabe Siria" in (
        text
    )
    assert " en Ecuador" not in text and " en Iraq" not in text


def test_an_acronym_takes_the_gender_of_what_it_spells():
    """ "el ACNUR" (Alto Comisionado), though the full name opens with "Oficina"."""
    from partnerships.reports.articles import org_article

    unhcr = {
        "name": {"es": "Oficina del Alto Comisionado de las Naciones Unidas"},
        "acronym": {"es": "ACNUR"},
        "category": "other_un_entity",
    }
    unhcr["name"]["en"] = "Office of the United Nations High Commissioner"
    assert org_article(unhcr, "es", full=True) == "la "
    assert org_article(unhcr, "es", full=False) == "el "
