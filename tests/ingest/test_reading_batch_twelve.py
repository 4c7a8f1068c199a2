"""Rules of session 13's round, made with the twelfth batch's failures in view
(docs/ingest.md, "Twelfth batch in the development part (session 13)"). Each is
checked on sentences written for the test (no sentence of the corpus or the seed)."""

from __future__ import annotations

from tests.ingest.reading import found as _found
from tests.ingest.reading import kinds as _kinds
from tests.ingest.reading import names as _names
from tests.ingest.reading import results as _results


def test_a_un_acronym_written_as_newspapers_do_is_the_agency(reference_gazetteer):
    names = _names(
        reference_gazetteer, "Unesco and the city of Lyon opened a school.\n", "en"
    )
    assert "Unesco" in names
    # Not any capitalised word: only the UN's acronyms of five letters or more.
    other = "Who pays for the school is not yet known, the city said on Monday.\n"
    assert _names(reference_gazetteer, other, "en") == set()


def test_an_agency_and_a_country_are_its_office_there(reference_gazetteer):
    text = (
        "The Nordic Fund gave EUR 2 million to Unicef Malawi to build wells.\n\n"
        "Mr. Banda, UNICEF Malawi representative, signed the letter.\n\n"
        "A team of UN-Habitat Sri Lanka took part in the visit.\n"
    )
    given, signed, team = (
        _names(reference_gazetteer, part, "en") for part in text.split("\n\n")
    )
    assert "Unicef Malawi" in given
    assert "UNICEF Malawi" in signed
    assert "UN-Habitat Sri Lanka" in team


def test_a_country_after_a_dateline_dash_acts(reference_gazetteer):
    names = _names(
        reference_gazetteer,
        "Lusaka, 3 May 2025 (ZNA) – Zambia signed a grant agreement with UNFPA.\n",
        "en",
    )
    assert "Zambia" in names


def test_a_donor_to_an_agency_funds_it(reference_gazetteer):
    (kinds,) = _kinds(
        reference_gazetteer,
        "The Government of Norway is a steadfast donor to UNRWA. It was the "
        "third largest contributor to UNRWA in 2023.\n",
        "en",
    )
    assert {kind for kind, _ in kinds} == {"funding"}


def test_a_chinese_country_under_its_official_name_acts(reference_gazetteer):
    names = _names(
        reference_gazetteer,
        "粮农组织与中华人民共和国于罗马签署了信托基金协议。\n",
        "zh",
    )
    assert any(name.startswith("中华人民共和国") for name in names)


def test_a_chinese_delegation_and_an_envoy_speak_for_their_government(
    reference_gazetteer,
):
    delegation = _names(
        reference_gazetteer, "巴西代表团感谢人口基金执行主任的介绍。\n", "zh"
    )
    envoy = _names(
        reference_gazetteer,
        "巴西驻联合国粮农组织大使兼常驻代表出席了签字仪式。\n",
        "zh",
    )
    assert any(name.startswith("巴西") for name in delegation)
    assert any(name.startswith("巴西") for name in envoy)


def test_aid_from_a_country_is_its_governments(reference_gazetteer):
    names = _names(
        reference_gazetteer, "难民署代表说,来自挪威的援助帮助了许多难民。\n", "zh"
    )
    assert any(name.startswith("挪威") for name in names)
    # A person or a thing from a place is no party: the place stays a place.
    assert not any(
        name.startswith("挪威")
        for name in _names(
            reference_gazetteer, "难民署代表说,来自挪威的专家访问了营地。\n", "zh"
        )
    )


def test_a_known_agency_spelt_otherwise_before_its_acronym_is_one_proposal(
    reference_gazetteer,
):
    (result,) = _results(
        reference_gazetteer,
        "The UN Food & Agriculture Organisation (FAO) opened an office in Lima.\n",
        "en",
    )
    (proposal,) = result.organisations
    assert proposal.resolution.key == "FAO"
    assert "UN Food & Agriculture Organisation" in proposal.surfaces


def test_a_name_keeps_the_particles_of_a_persons_name(reference_gazetteer):
    names = _names(
        reference_gazetteer,
        "UNICEF signed an agreement with the Maria da Silva Foundation in Maputo.\n",
        "en",
    )
    assert "Maria da Silva Foundation" in names


def test_two_acronyms_joined_by_a_hyphen_are_both_named(reference_gazetteer):
    text = (
        "The Nordic Housing Agency (NHA) signed a partnership with UNFPA.\n\n"
        "The NHA-UNFPA partnership will train midwives in three regions.\n"
    )
    _, later = (set(p) for p in _found(reference_gazetteer, text, "en"))
    assert {"NHA", "UNFPA"} <= later


def test_a_countrys_qualified_contribution_is_its_governments(reference_gazetteer):
    names = _names(
        reference_gazetteer,
        "UNHCR thanked Norway’s continued support, as Norway’s overall "
        "contribution rose in 2024.\n",
        "en",
    )
    assert any("Norway" in name for name in names)


def test_a_ministry_named_by_its_ministers_portfolio(reference_gazetteer):
    names = _names(
        reference_gazetteer,
        "The plan was inked by Water and Irrigation Minister Ana Diaz, UNDP "
        "Administrator Li Wei and Health Minister Tom Obi, before Prime Minister "
        "Sam Oduya and the Peruvian Deputy Energy Minister.\n",
        "en",
    )
    assert {"Water and Irrigation Minister", "Health Minister", "Energy Minister"} <= (
        names
    )
    assert not any("Prime" in name or "Li Wei" in name for name in names)
    (kinds,) = _kinds(
        reference_gazetteer,
        "The plan was inked by Health Minister Tom Obi and UNDP.\n",
        "en",
    )
    assert {kind for kind, _ in kinds} == {"agreement"}


def test_a_un_description_in_apposition_is_the_agency_named_before(
    reference_gazetteer,
):
    described, listed = _results(
        reference_gazetteer,
        "UNICEF, the United Nations children's agency, and WFP, the UN Food "
        "Agency, opened a school.\n\n"
        "UNICEF, the United Nations Development Programme and WFP met.\n",
        "en",
    )
    assert {p.resolution.key for p in described.organisations} == {"UNICEF", "WFP"}
    assert {p.resolution.key for p in listed.organisations} == {"UNICEF", "UNDP", "WFP"}
