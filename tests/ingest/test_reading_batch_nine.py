"""Rules of the ninth batch's round (docs/ingest.md, "Ninth batch (session 10,
second round)"). Each is checked on sentences written for the test (no sentence of
the corpus or the seed)."""

from __future__ import annotations

from partnerships.sources.paragraphs import split_report
from tests.ingest.reading import found as _found
from tests.ingest.reading import kinds as _kinds


def test_a_chinese_country_giving_told_by_a_noun_acts(reference_gazetteer):
    for sentence in (
        "去年,巴西的捐款占儿童基金会收入的一成。\n",
        "与前一年相比,巴西对该署的捐助增加了一倍。\n",
        "作为发展中国家,巴西在环境署设立了信托基金。\n",
        "巴西在危急时刻慷慨解囊,帮助了灾区儿童。\n",
        "巴西提出了新的合作倡议。\n",
    ):
        (found,) = _found(reference_gazetteer, sentence, "zh")
        assert found.get("巴西") == "巴西政府", sentence
    # A place still: 在巴西设立, 巴西的城市.
    (found,) = _found(reference_gazetteer, "儿童基金会在巴西设立了办事处。\n", "zh")
    assert "巴西" not in found
    (found,) = _found(reference_gazetteer, "巴西的城市人口增长很快。\n", "zh")
    assert "巴西" not in found


def test_a_chinese_country_given_to_after_the_giver_acts(reference_gazetteer):
    (found,) = _found(
        reference_gazetteer, "根据协议,环境署将提供秘鲁一系列技术援助。\n", "zh"
    )
    assert found.get("秘鲁") == "秘鲁政府"


def test_an_agreement_referred_back_to_is_not_a_new_agreement(reference_gazetteer):
    text = (
        "儿童基金会与秘鲁签署了协议。\n\n"
        "根据协议,儿童基金会将向秘鲁提供技术援助。\n\n"
        "UNICEF and Peru signed an agreement.\n\n"
        "Under the agreement, UNICEF will support Peru in water projects.\n"
    )
    zh_signed, zh_after = _kinds(reference_gazetteer, text.split("\n\nUNICEF")[0], "zh")
    assert ("agreement", "儿童基金会") in zh_signed
    assert ("agreement", "儿童基金会") not in zh_after
    assert ("project", "儿童基金会") in zh_after
    en = "UNICEF" + text.split("\n\nUNICEF")[1]
    en_signed, en_after = _kinds(reference_gazetteer, en, "en")
    assert ("agreement", "UNICEF") in en_signed
    assert ("agreement", "UNICEF") not in en_after


def test_a_chinese_name_stops_at_a_preposition_a_person_or_representing(
    reference_gazetteer,
):
    (found,) = _found(
        reference_gazetteer,
        "该方案由外交部副部长签署。王明先生代表秘鲁政府与儿童基金会代表出席。"
        "市政府代市长李华与联合国开发计划署驻华代表处签署了协议。\n",
        "zh",
    )
    names = set(found)
    assert "外交部" in names and "该方案由外交部" not in names
    assert "秘鲁政府" in names
    assert not [n for n in names if "先生" in n or "代表秘鲁" in n]
    assert not [n for n in names if "李华" in n]


def test_one_map_of_country_acronyms_serves_both_readings(reference_gazetteer):
    from partnerships.ingest.extraction import en_references, parties

    assert not hasattr(parties, "_COUNTRY_ACRONYMS")
    (found,) = _found(
        reference_gazetteer, "US is a long-standing partner of UNICEF.\n", "en"
    )
    assert found.get("US") == "Government of United States of America"
    assert en_references.COUNTRY_ACRONYMS["US"] == "United States of America"
    (found,) = _found(
        reference_gazetteer, "UNICEF received US$ 5 million from Peru.\n", "en"
    )
    assert "US" not in found


def test_the_government_in_lower_case_acting_is_a_government(reference_gazetteer):
    first, second = _found(
        reference_gazetteer,
        "A grant was signed between the government and UNICEF on Monday.\n\n"
        "The Government of Peru and UNICEF met. Then the government and UNICEF "
        "signed a plan.\n",
        "en",
    )
    assert first.get("government") == "government"
    assert second.get("government") == "Government of Peru"
    # Not an organisation: the government's agencies, a place's government in general.
    (found,) = _found(
        reference_gazetteer,
        "UNICEF works with the government agencies of the region.\n",
        "en",
    )
    assert "government" not in found


def test_a_chinese_trust_fund_is_an_instrument_not_an_organisation(
    reference_gazetteer,
):
    (found,) = _found(
        reference_gazetteer, "秘鲁向儿童基金会捐款设立了信托基金。\n", "zh"
    )
    assert "信托基金" not in found and "儿童基金会" in found


def test_both_sides_in_chinese_are_the_parties_of_the_sentence_before(
    reference_gazetteer,
):
    (kinds,) = _kinds(
        reference_gazetteer,
        "秘鲁政府与儿童基金会签署了谅解备忘录。根据备忘录,双方将共同实施供水项目。\n",
        "zh",
    )
    assert ("project", "秘鲁政府") in kinds and ("project", "儿童基金会") in kinds
    # The kind is told by the sentence of 双方 itself (出席: an event).
    (kinds,) = _kinds(
        reference_gazetteer,
        "秘鲁政府与儿童基金会签署了谅解备忘录。双方代表出席了仪式。\n",
        "zh",
    )
    assert ("event", "秘鲁政府") in kinds


def test_an_english_country_doing_in_a_relative_or_absolute_clause_acts(
    reference_gazetteer,
):
    first, second = _found(
        reference_gazetteer,
        "The grant runs for two years, with Peru releasing half of it each year.\n\n"
        "Peru, which has been providing aid to its neighbours, is a donor.\n",
        "en",
    )
    assert first.get("Peru") == "Government of Peru"
    assert second.get("Peru") == "Government of Peru"
    (found,) = _found(
        reference_gazetteer, "Peru, which is a large country, has many cities.\n", "en"
    )
    assert "Peru" not in found


def test_a_short_block_wholly_in_brackets_ending_no_sentence_is_a_caption():
    text = (
        "UNICEF and the Government of Peru signed an agreement on water in Lima.\n\n"
        "(Photo 2 and 3. The signing ceremony in Lima)\n\n"
        "(The agreement covers three regions. It runs until 2030.)\n"
    )
    paragraphs = split_report(text, "en").paragraphs
    assert [p.text[:10] for p in paragraphs] == ["UNICEF and", "(The agree"]
