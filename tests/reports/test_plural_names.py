"""Names that are plural take a plural verb: the UN country
teams of seed ¶48 "ont dirigé", "dirigieron", "руководили" (articles.org_is_plural);
the reporting organisation and its partners make one list (sentences._one_list)."""

from __future__ import annotations

import pytest

from partnerships.reports.articles import org_is_plural
from partnerships.reports.realise import realise

pytestmark = pytest.mark.django_db

PLURAL = {
    "fr": "Les équipes de pays des Nations Unies ont dirigé",
    "es": "Los equipos de las Naciones Unidas en los países dirigieron",
    "ru": "Страновые группы Организации Объединенных Наций руководили",
}


def test_plural_names_by_language():
    def org(lang, name):
        return {"name": {lang: name}}

    assert org_is_plural(org("ru", "Страновые группы ООН"), "ru")
    assert org_is_plural(org("ru", "Региональные комиссии"), "ru")
    assert org_is_plural(org("ru", "Международные организации"), "ru")
    for singular in ("Управление Верховного комиссара", "Отделение ООН-Хабитат",
                     "Программа развития", "Европейская комиссия"):  # fmt: skip
        assert not org_is_plural(org("ru", singular), "ru"), singular
    assert org_is_plural(org("fr", "Équipes de pays des Nations Unies"), "fr")
    assert not org_is_plural(org("fr", "Équipe de pays"), "fr")
    assert org_is_plural(org("es", "Equipos de las Naciones Unidas"), "es")


@pytest.mark.parametrize("lang", sorted(PLURAL))
def test_the_country_teams_agree(stored_snapshot, lang):
    doc = realise(stored_snapshot, lang)
    text = " ".join("".join(r.text for r in p.runs) for p in doc.paragraphs())
    assert PLURAL[lang] in text
    if lang == "ru":  # UNHCR is an "Управление": singular
        assert "УВКБ профинансировал " in text


JOINED = {
    "en": "UN-Habitat, ESCAP and FAO co-chaired",
    "fr": "ONU-Habitat, la CESAP et la FAO ont coprésidé",
    "es": "ONU-Hábitat, la CESPAP y la FAO copresidieron",
}


@pytest.mark.parametrize("lang", sorted(JOINED))
def test_the_reporter_and_its_partners_are_one_list(stored_snapshot, lang):
    """Seed ¶39's task force: "UN-Habitat and ESCAP and FAO" was written before."""
    doc = realise(stored_snapshot, lang)
    text = " ".join("".join(r.text for r in p.runs) for p in doc.paragraphs())
    assert JOINED[lang] in text


def test_a_plural_name_said_again_is_they(stored_snapshot):
    from partnerships.reports.connect import _pronoun
    from partnerships.reports.realise import Writer

    unct = next(
        key
        for key, org in stored_snapshot["organisations"].items()
        if org["name"].get("fr", "").lower().startswith("équipes de pays")
    )
    for lang, number in (("fr", "other_f"), ("ru", "other_m"), ("es", "other_m")):
        writer = Writer(stored_snapshot, lang)
        phrases = stored_snapshot["phrases"][lang]["subject_again_others"]
        assert _pronoun(writer, (unct,)) == phrases[number], lang
