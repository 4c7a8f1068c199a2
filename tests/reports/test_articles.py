"""Articles before names in English, French and Spanish (reports/articles.py), on
the seed's engagements: ¶27's UNOPS projects in Iraq and Syria, ¶9's HLPF held by
ECOSOC, ¶20's launch organised by the Government of Kenya."""

from __future__ import annotations

import pytest

from partnerships.reference.unterm import english_takes_the
from partnerships.reports.articles import contract, country_article
from partnerships.reports.realise import realise

pytestmark = pytest.mark.django_db

EXPECTED = {
    "en": [
        "with the United Nations Office for Project Services (UNOPS) in Iraq and "
        "the Syrian Arab Republic",
        "with UNOPS in Liberia",  # an acronym stands bare in English
        "held by ECOSOC",
        "The Government of Kenya organised",
    ],
    "fr": [
        "avec le Bureau des Nations Unies pour les services d'appui aux projets "
        "(UNOPS) en Iraq et en République arabe syrienne",
        "avec l'UNOPS au Libéria",
        "organisé par le Conseil économique et social",
    ],
    "es": [
        "con la Oficina de las Naciones Unidas de Servicios para Proyectos (UNOPS) "
        "en el Iraq y la República Árabe Siria",
        "con la UNOPS en Liberia",
        "organizado por el Consejo Económico y Social",
    ],
}
# What the report wrote before (no article).
WRONG = {
    "en": ["with United Nations Office", "and Syrian Arab Republic", "by Economic"],
    "fr": ["avec Bureau des Nations", "par Conseil économique"],
    "es": ["con Oficina de las Naciones", "por Consejo Económico"],
}


@pytest.mark.parametrize("lang", sorted(EXPECTED))
def test_names_take_their_article(stored_snapshot, lang):
    doc = realise(stored_snapshot, lang)
    text = " ".join("".join(r.text for r in p.runs) for p in doc.paragraphs())
    missing = [phrase for phrase in EXPECTED[lang] if phrase not in text]
    assert missing == []
    assert [phrase for phrase in WRONG[lang] if phrase in text] == []


def test_country_articles_come_from_the_taxonomy():
    # The formal name is the short one, or ISO 3166 marks the short name "(the)".
    assert [c for c in ("SY", "PS", "KR", "PH", "SD", "US") if english_takes_the(c)] == [
        "SY", "PS", "KR", "PH", "SD", "US",
    ]  # fmt: skip
    assert not any(english_takes_the(c) for c in ("KE", "IQ", "MX", "LB", "NP"))
    assert country_article("República Árabe Siria", "es", False) == "la "
    assert country_article("Estados Unidos de América", "es", False) == "los "
    assert country_article("Kenya", "es", False) == ""


def test_a_preposition_contracts_with_the_article():
    assert contract("grâce à le Programme", "fr") == "grâce au Programme"
    assert contract("au nom de le Conseil", "fr") == "au nom du Conseil"
    assert contract("de le faire", "fr") == "de le faire"
    assert (
        contract("a el Consejo y de el Programa", "es") == "al Consejo y del Programa"
    )
