"""Rules of the eighth batch's round (docs/ingest.md, "Eighth batch (session 10)").
Each is checked on sentences written for the test (no sentence of the corpus or the
seed)."""

from __future__ import annotations

from partnerships.ingest.extraction.speech import running_speech, said_cooperation
from tests.ingest.reading import found as _found
from tests.ingest.reading import kinds as _kinds


def test_a_country_opening_a_sentence_after_the_article_acts(reference_gazetteer):
    (found,) = _found(
        reference_gazetteer,
        "The Republic of Moldova is committed to a new framework with UNICEF.\n",
        "en",
    )
    assert found.get("Republic of Moldova") == "Government of Republic of Moldova"
    # Opening a quotation too.
    (found,) = _found(
        reference_gazetteer,
        "“The Netherlands has decided to double its support to UNICEF.”, she said.\n",
        "en",
    )
    assert "Netherlands" in found
    # After "in", still a place.
    (found,) = _found(
        reference_gazetteer, "UNICEF works in the Republic of Moldova.\n", "en"
    )
    assert "Republic of Moldova" not in found


def test_a_short_form_in_brackets_after_a_country_does_not_hide_its_partner(
    reference_gazetteer,
):
    (found,) = _found(
        reference_gazetteer,
        "The United Arab Emirates (UAE) and UNICEF signed an agreement on Monday.\n",
        "en",
    )
    assert "United Arab Emirates" in found


def test_a_country_acronym_acting_is_its_government(reference_gazetteer):
    (found,) = _found(
        reference_gazetteer,
        "ROK has been a partner of UNICEF since 1994 through yearly grants.\n",
        "en",
    )
    assert found.get("ROK") == "Government of Republic of Korea"
    # "US$" is money, not a party.
    (found,) = _found(
        reference_gazetteer, "UNICEF received US$ 3 million last year.\n", "en"
    )
    assert "US" not in found


def test_the_government_names_the_government_named_before(reference_gazetteer):
    first, second = _found(
        reference_gazetteer,
        "The Government of Chile and UNICEF signed a letter of intent.\n\n"
        "UNICEF will keep working alongside the Government and donors.\n",
        "en",
    )
    assert "Government of Chile" in first
    assert second.get("Government") == "Government of Chile"


def test_working_together_said_in_quoted_speech_is_cooperation(reference_gazetteer):
    (kinds,) = _kinds(
        reference_gazetteer,
        '"We value this long partnership between UNICEF and Chile very much and '
        'intend to deepen it," the minister said.\n',
        "en",
    )
    assert ("project", "UNICEF") in kinds
    assert ("project", "Government of Chile") in kinds
    # The verbs of speech still tell no act: "signing" in a quotation.
    (kinds,) = _kinds(
        reference_gazetteer,
        '"The signing today shows how much we trust each other in this work," said '
        "the heads of UNICEF and the World Food Programme.\n",
        "en",
    )
    assert not {k for k, _ in kinds} & {"agreement"}


def test_speech_running_over_sentences_is_found_in_each():
    assert running_speech('"We will keep going. It works.') == [(0, 30)]
    assert running_speech('It works," she said.') == [(0, 10)]
    assert running_speech("“我们期待共同努力。") == [(0, 10)]
    assert running_speech("No speech here.") == []
    assert said_cooperation('"We will keep working together with UNICEF.') != ""
    assert said_cooperation("They keep working together with UNICEF.") == ""


def test_an_office_in_china_named_alone_is_the_office_of_the_organisation_before(
    reference_gazetteer,
):
    first, second = _found(
        reference_gazetteer,
        "北京大学与世界卫生组织签署了合作协议。\n\n"
        "三十年来,驻华代表处见证了双方的合作。\n",
        "zh",
    )
    assert second.get("驻华代表处") == "世界卫生组织驻华代表处"


def test_national_bodies_by_short_name_before_an_official_title(reference_gazetteer):
    (found,) = _found(
        reference_gazetteer,
        "人大副委员长、妇联主席王某出席会议并与联合国儿童基金会代表交流。\n",
        "zh",
    )
    assert "人大" in found and "妇联" in found
    # A provincial congress keeps its place.
    (found,) = _found(
        reference_gazetteer, "会后,省人大常委会主任李某会见了世界卫生组织代表。\n", "zh"
    )
    assert "人大" not in found


def test_a_party_committee_with_no_place_is_the_province_named_before(
    reference_gazetteer,
):
    (found,) = _found(
        reference_gazetteer,
        "世界卫生组织与甘肃省政府签署协议。甘肃省省长、省委副书记赵某出席仪式。\n",
        "zh",
    )
    assert found.get("省委") == "甘肃省委"


def test_a_list_going_on_past_and_is_one_clause(reference_gazetteer):
    (kinds,) = _kinds(
        reference_gazetteer,
        "UNICEF has signed framework agreements with ten countries - Chile, Peru, "
        "and the Republic of Moldova, Norway and Sweden.\n",
        "en",
    )
    assert ("agreement", "Government of Norway") in kinds
    assert ("project", "Government of Norway") not in kinds


def test_a_chinese_country_followed_by_an_adverb_of_its_acts_acts(
    reference_gazetteer,
):
    (found,) = _found(
        reference_gazetteer,
        "自2001年以来,巴西一直积极参与世界卫生组织的南南合作。\n",
        "zh",
    )
    assert found.get("巴西") == "巴西政府"


def test_a_city_after_a_given_name_is_a_persons_surname(reference_gazetteer):
    (found,) = _found(
        reference_gazetteer,
        "UNICEF Representative Maria Valencia and WFP signed the plan on Monday.\n",
        "en",
    )
    assert "Valencia" not in found
    # A city acting, named after no given name, stays a party.
    (found,) = _found(
        reference_gazetteer,
        "The city of Valencia and WFP signed the plan on Monday.\n",
        "en",
    )
    assert "Valencia" in found


def test_persons_named_with_their_titles_are_not_listed_as_organisations(
    reference_gazetteer,
):
    (found,) = _found(
        reference_gazetteer,
        "It was signed by the Director of the Swiss Agency for Development and "
        "Cooperation, Anna Keller, and UNICEF Deputy Executive Director Jo Bloggs.\n",
        "en",
    )
    assert "Anna Keller" not in found
    (found,) = _found(
        reference_gazetteer,
        "The plan was signed by Jo Bloggs, Chair of the Board of the Aga Khan "
        "Foundation and Her Excellency Ms. Anna Keller, the Executive Director of "
        "UNICEF.\n",
        "en",
    )
    assert not [s for s in found if s.startswith("Her Excellency")]
    (found,) = _found(
        reference_gazetteer,
        "Jo Bloggs, secretary, ERD (Economic Relations Division) and Anna Keller, "
        "resident representative, UNICEF Kenya, signed it.\n",
        "en",
    )
    assert "Anna Keller" not in found


def test_who_told_the_news_joins_no_engagement(reference_gazetteer):
    (kinds,) = _kinds(
        reference_gazetteer,
        "据外交部消息,商务部与世界卫生组织签署了合作谅解备忘录。\n",
        "zh",
    )
    assert ("agreement", "世界卫生组织") in kinds
    assert not [name for _, name in kinds if name == "外交部"]
    (kinds,) = _kinds(
        reference_gazetteer,
        "UNICEF and the Government of Chile signed an agreement, said a press "
        "release from the World Food Programme.\n",
        "en",
    )
    assert ("agreement", "UNICEF") in kinds
    assert not [name for _, name in kinds if "World Food" in name]


def test_money_given_with_its_amount_between_is_funding(reference_gazetteer):
    (kinds,) = _kinds(
        reference_gazetteer,
        "日本与世界卫生组织签署协定,日本向世界卫生组织提供300万美元资金。\n",
        "zh",
    )
    assert ("funding", "世界卫生组织") in kinds


def test_a_chinese_name_spelt_with_yu_for_he_is_the_same_name(reference_gazetteer):
    (found,) = _found(
        reference_gazetteer,
        "外交部与联合国贸易与发展会议签署了合作文件。\n",
        "zh",
    )
    assert "联合国贸易与发展会议" in found


def test_a_ministry_written_in_lower_case_is_a_ministry(reference_gazetteer):
    (found,) = _found(
        reference_gazetteer,
        "ACCRA – The ministry of health and UNICEF have signed a plan for 2026.\n",
        "en",
    )
    assert "ministry of health" in found
    # "ministry" alone, or a ministry's work, is no name.
    (found,) = _found(
        reference_gazetteer, "The ministry welcomed the plan of UNICEF.\n", "en"
    )
    assert not [s for s in found if s.startswith("ministry")]


def test_money_sought_is_not_money_given(reference_gazetteer):
    (kinds,) = _kinds(
        reference_gazetteer,
        "The Ministry of Health deepened its partnership with UNICEF towards "
        "mobilizing multilateral funding for vaccines.\n",
        "en",
    )
    assert ("funding", "UNICEF") not in kinds
    assert ("project", "UNICEF") in kinds


def test_a_country_doing_an_act_told_by_a_noun_or_a_passive_acts(reference_gazetteer):
    (found,) = _found(
        reference_gazetteer,
        "The pledge by Norway was welcomed by UNICEF at the ceremony.\n",
        "en",
    )
    assert "Norway" in found
    # A place after "by" stays a place: "a road by Lake Victoria".
    (found,) = _found(
        reference_gazetteer, "UNICEF opened a clinic near the border by Norway.\n", "en"
    )
    assert "Norway" not in found


def test_a_ministry_named_by_its_portfolio_alone_acting_is_a_ministry(
    reference_gazetteer,
):
    (found,) = _found(
        reference_gazetteer,
        "3月2日,水利部与联合国儿童基金会签署了合作备忘录。\n",
        "zh",
    )
    assert "水利部" in found
    # Everyday words ending in 部 are none.
    (found,) = _found(
        reference_gazetteer, "会后,总部与联合国儿童基金会交换了意见。\n", "zh"
    )
    assert "总部" not in found


def test_a_province_a_party_supports_is_its_government(reference_gazetteer):
    (found,) = _found(
        reference_gazetteer,
        "世界卫生组织将全力支持云南,共同推进卫生合作。\n",
        "zh",
    )
    assert found.get("云南") == "云南省政府"


def test_a_red_cross_society_is_an_organisation(reference_gazetteer):
    (found,) = _found(
        reference_gazetteer,
        "该项目是老挝红十字会与世界卫生组织携手展开的项目。\n",
        "zh",
    )
    assert "老挝红十字会" in found
