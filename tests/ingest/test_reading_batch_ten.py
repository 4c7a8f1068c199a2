"""Rules of the tenth batch's round (docs/ingest.md, "Tenth batch (session 11)"):
fewer proposals that are no organisation or no engagement of the paragraph. Each is
checked on sentences written for the test (no sentence of the corpus or the seed)."""

from __future__ import annotations

from tests.ingest.reading import found as _found
from tests.ingest.reading import kinds as _kinds
from tests.ingest.reading import names as _names


def test_a_text_signed_is_no_party_nor_its_short_form_later(reference_gazetteer):
    text = (
        "The Country Programme Document (CPD) 2026-2030 was signed by the "
        "Ministry of Water and UNICEF.\n\n"
        "UNICEF will support the Ministry of Water under the new CPD.\n\n"
        "The National Housing Policy was adopted by the Ministry of Water.\n"
    )
    signed, later, adopted = _found(reference_gazetteer, text, "en")
    assert set(signed) == {"Ministry of Water", "UNICEF"}
    assert "CPD" not in later
    assert "National Housing Policy" not in adopted
    # "Programme" in the name of the text is no project told.
    (kinds, *_) = _kinds(reference_gazetteer, text, "en")
    assert {kind for kind, _ in kinds} == {"agreement"}


def test_a_project_document_signed_is_an_agreement(reference_gazetteer):
    (kinds,) = _kinds(
        reference_gazetteer,
        "The government and UNDP signed a project document on water.\n",
        "en",
    )
    assert {kind for kind, _ in kinds} == {"agreement"}


def test_an_english_name_ends_before_a_title_and_a_person(reference_gazetteer):
    (found,) = _found(
        reference_gazetteer,
        "Finance Division Secretary Maria Lopez and UNICEF signed the plan, and "
        "the Ministry of Water Deputy Minister Ana Ruiz was present.\n",
        "en",
    )
    assert "Finance Division" in found
    assert "Ministry of Water" in found
    assert not any("Lopez" in name or "Ruiz" in name for name in found)


def test_a_chinese_place_after_a_place_told_as_a_place_is_one(reference_gazetteer):
    (found,) = _found(
        reference_gazetteer, "儿童基金会与秘鲁卫生部在巴西圣保罗签署了协议。\n", "zh"
    )
    assert not any("圣保罗" in name for name in found)


def test_a_chinese_kind_of_actor_of_a_country_is_no_organisation(
    reference_gazetteer,
):
    text = "工发组织帮助巴西企业参与工业园建设,并与巴西金融机构签署了协议。\n"
    assert _names(reference_gazetteer, text, "zh") == {"工发组织"}


def test_a_chinese_platform_named_by_no_proper_name_is_none(reference_gazetteer):
    text = "环境署为发展中国家提供了广阔平台和合作机会。\n"
    assert _names(reference_gazetteer, text, "zh") == {"环境署"}


def test_a_latin_name_in_brackets_after_a_chinese_name_is_a_person(
    reference_gazetteer,
):
    text = "儿童基金会驻华代表桑明(Amara Tolle)与希拉·鲁伊斯(Sheila Ruiz-Kent)出席。\n"
    assert _names(reference_gazetteer, text, "zh") == {"儿童基金会"}


def test_a_date_ends_an_english_name(reference_gazetteer):
    text = "The Kenya Urban Forum on Wednesday welcomed UNDP.\n"
    assert "Kenya Urban Forum" in _names(reference_gazetteer, text, "en")


def test_un_before_a_job_title_names_no_organisation(reference_gazetteer):
    text = (
        "UN Assistant Secretary-General Ana Ruiz and the UN Resident Coordinator "
        "met UNDP.\n"
    )
    assert _names(reference_gazetteer, text, "en") == {"UNDP"}


def _kinds_told(gazetteer, text, lang):
    """The kinds of the engagements of a one-paragraph text."""
    (kinds,) = _kinds(gazetteer, text, lang)
    return {kind for kind, _ in kinds}


def test_an_agreement_told_by_what_it_says_is_no_new_agreement(reference_gazetteer):
    zh = "该备忘录规定,儿童基金会与秘鲁卫生部将共同实施供水项目。\n"
    assert _kinds_told(reference_gazetteer, zh, "zh") == {"project"}
    zh = (
        "在促进企业合作方面,《谅解备忘录》规定:儿童基金会和秘鲁卫生部共同组织"
        "市场调研,帮助企业寻找机会。\n"
    )
    assert _kinds_told(reference_gazetteer, zh, "zh") == {"project"}
    en = "The MoU outlines how UNICEF and the Ministry of Water will run the project.\n"
    assert "agreement" not in _kinds_told(reference_gazetteer, en, "en")


def test_a_text_referred_back_to_or_an_own_network_is_no_kind(reference_gazetteer):
    text = "该文件旨在加强儿童基金会与秘鲁卫生部之间的合作。\n"
    assert _kinds_told(reference_gazetteer, text, "zh") == {"project"}
    text = "儿童基金会利用其全球网络,支持秘鲁卫生部开展工作。\n"
    assert "network" not in _kinds_told(reference_gazetteer, text, "zh")


def test_an_organisation_within_an_event_name_is_none(reference_gazetteer):
    text = "第五届中国—欧盟城市合作洽谈会期间,工发组织与秘鲁卫生部签署了协议。\n"
    assert "欧盟" not in _names(reference_gazetteer, text, "zh")


def test_the_body_a_sentence_sets_up_is_no_party_of_it(reference_gazetteer):
    text = "环境署将携手秘鲁卫生部建立安第斯环境合作中心,推动技术转移。\n"
    (kinds,) = _kinds(reference_gazetteer, text, "zh")
    assert {name for _, name in kinds} == {"环境署", "秘鲁卫生部"}
    text = (
        "UNEP and the Ministry of Water agreed to establish the Andes Water Centre.\n"
    )
    (kinds,) = _kinds(reference_gazetteer, text, "en")
    assert {name for _, name in kinds} == {"UNEP", "Ministry of Water"}


def test_where_an_act_took_place_is_no_party_of_it(reference_gazetteer):
    text = (
        "UNEP and the Ministry of Water signed the agreement at the Kenya School of "
        "Government (KSG) in Nairobi.\n"
    )
    (kinds,) = _kinds(reference_gazetteer, text, "en")
    assert {name for _, name in kinds} == {"UNEP", "Ministry of Water"}


def test_a_chinese_body_ends_before_its_deputy_heads_title(reference_gazetteer):
    text = "秘鲁教育部副部长兼国家委员会主任与教科文组织总干事签署了协议。\n"
    assert "秘鲁教育部" in _names(reference_gazetteer, text, "zh")


def test_a_latin_word_naming_a_programme_in_chinese_is_no_organisation(
    reference_gazetteer,
):
    text = "北京QRTX项目与秘鲁卫生部签署了协议,儿童基金会将支持北京QRTX项目。\n"
    names = _names(reference_gazetteer, text, "zh")
    assert "QRTX" not in names
    assert not any(name.startswith("北京") for name in names)
