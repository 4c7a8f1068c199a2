"""Rules added when ten more published documents were read (docs/ingest.md,
"Corpus", second development batch): each checked on a sentence of its own."""

from __future__ import annotations

from partnerships.ingest.extraction.engagements import kinds_of, sentences
from partnerships.ingest.extraction.facts import find_money, place_gazetteer
from partnerships.ingest.extraction.organisations import OrganisationFinder
from partnerships.ingest.pipeline import extract
from partnerships.sources.paragraphs import split_report


def _texts(gazetteer, lang, text):
    finder = OrganisationFinder(gazetteer, lang, place_gazetteer())
    return [m.text for m in finder.find(text)]


def _kinds(text):
    return [kind for kind, _ in kinds_of(text, [])]


def test_a_name_ends_before_a_possessive_and_an_adjective(reference_gazetteer):
    found = _texts(
        reference_gazetteer,
        "en",
        "The Cities Network’s role is to brief the Council on Urban Futures "
        "for the Geneva-based organizations.",
    )
    assert "Cities Network" in found
    assert "Council on Urban Futures" in found


def test_a_name_and_an_acronym_joined_by_and_are_two(reference_gazetteer):
    found = _texts(
        reference_gazetteer,
        "en",
        "It was signed between the Lakeside Municipal Water Centre and UN-Habitat.",
    )
    assert "Lakeside Municipal Water Centre" in found
    assert "UN-Habitat" in found


def test_a_state_named_by_its_governor_is_a_party(reference_gazetteer):
    found = _texts(
        reference_gazetteer,
        "en",
        "UN-Habitat met Kogi State Deputy Governor Mr. Yomi Awoniyi in Nairobi.",
    )
    assert "Kogi State" in found


def test_a_city_delegation_acts_for_its_government(reference_gazetteer):
    found = _texts(
        reference_gazetteer,
        "en",
        "During the Assembly, the Wuhan delegation presented its public spaces.",
    )
    assert "Wuhan" in found
    place = _texts(reference_gazetteer, "en", "Projects in Wuhan were presented.")
    assert "Wuhan" not in place


def test_the_un_before_a_common_noun_is_a_frame(reference_gazetteer):
    assert "UN" not in _texts(
        reference_gazetteer, "en", "UN-Habitat is the UN program for cities."
    )
    assert "UN Global Compact" in _texts(
        reference_gazetteer, "en", "Partners include the UN Global Compact."
    )


def test_a_platform_in_quotation_marks_is_no_organisation(reference_gazetteer):
    found = _texts(
        reference_gazetteer,
        "en",
        "It works through the “City Partnerships” platform of its network.",
    )
    assert "City Partnerships" not in found


def test_the_agencys_own_funds_are_no_organisations(reference_gazetteer):
    english = _texts(
        reference_gazetteer,
        "en",
        "Contributions to the United Nations Habitat and Human Settlements "
        "Foundation and to the Technical Cooperation Trust Fund rose.",
    )
    assert not any(t.endswith(("Foundation", "Trust Fund")) for t in english)
    chinese = _texts(reference_gazetteer, "zh", "这些捐助款进入人居署基金会。")
    assert "人居署基金会" not in chinese


def test_chinese_generic_bodies_editions_and_prepositions(reference_gazetteer):
    found = _texts(
        reference_gazetteer,
        "zh",
        "大会是人居署治理体系中的最高决策机构。活动暨首届大会开幕，"
        "用于实施经理事会批准的工作方案。",
    )
    assert "最高决策机构" not in found
    assert "暨首届" not in found
    assert "经理事会" not in found


def test_hosting_and_attending_are_events_and_a_speech_is_no_publication():
    assert _kinds("活动由住房和城乡建设部与联合国人居署共同主办。")[0] == "event"
    assert _kinds("部长出席第二届联合国人居大会。")[0] == "event"
    assert "publication" not in _kinds("执行主任发表视频致辞，并作工作报告。")
    assert "publication" in _kinds("人居署发布了一份报告。")
    assert _kinds("The platform was endorsed by the Council.")[0] == "governance"
    # 与会员国: "with the Member States", no 与会 ("attending").
    assert "event" not in _kinds("并与会员国密切协商。")


def test_places_listed_after_in_and_a_city_named_as_a_place(reference_gazetteer):
    found = _texts(
        reference_gazetteer,
        "en",
        "The projects are in Afghanistan, Iraq, Myanmar and South Sudan. Stations "
        "will serve residents in the Tanzanian city of Mwanza.",
    )
    assert not {"Myanmar", "South Sudan", "Mwanza"} & set(found)


def test_a_donor_in_quoted_speech_and_by_its_ambassador(reference_gazetteer):
    found = _texts(
        reference_gazetteer,
        "en",
        "He said: “It is with trust that Japan decided to finance these projects.”",
    )
    assert "Japan" in found
    assert "Japanese Ambassador" in _texts(
        reference_gazetteer, "en", "In his meeting, the Japanese Ambassador said so."
    )


def test_local_governments_named_by_their_head_or_as_municipalities(
    reference_gazetteer,
):
    found = _texts(
        reference_gazetteer,
        "en",
        "The Governor of Ninewa thanked them. It will benefit both Mosul and Sinjar "
        "municipalities.",
    )
    assert {"Ninewa", "Mosul", "Sinjar"} <= set(found)


def test_agreeing_meeting_and_launching_a_project():
    assert _kinds("□ and the □ have agreed to increase cooperation.")[0] == "agreement"
    assert _kinds("□ met with □ in Baghdad.")[0] == "event"
    assert _kinds("□ and □ officially launched the Resilience project.") == [
        ("project")
    ]
    # Two organisations as the subject of one verb cooperate.
    assert _kinds("□ and the □ also confirmed plans to build stations.") == ["project"]
    assert _kinds("会议在内罗毕召开。")[0] == "event"


def test_money_converted_in_brackets_is_told_once():
    found = find_money(
        "The value of the aid is 813 million yen (approximately $5.5 million)."
    )
    assert [(m.amount, m.currency) for m in found] == [(813_000_000, "JPY")]
    two = find_money("USD 3 million in 2019 (and USD 2 million in 2020).")
    assert len(two) == 2


def test_money_stays_with_the_engagement_that_names_its_funder(reference_gazetteer):
    layout = split_report(
        "With the contribution of USD 50 million from the Government of Japan, "
        "UN-Habitat will implement projects in Asia.\n",
        "en",
    )
    result = extract(layout, reference_gazetteer, "en")[0]
    with_money = [e for e in result.engagements if e.money]
    assert with_money
    assert all(any(r == "funder" for _, r in e.participants) for e in with_money)


def test_a_partner_of_a_subject_left_out_works_with_the_one_named_before(
    reference_gazetteer,
):
    layout = split_report(
        "1. 人居署将人权纳入其业务。这包括与联合国开发计划署合作促进落实。\n", "zh"
    )
    result = extract(layout, reference_gazetteer, "zh")[0]
    parties = [
        sorted(p.resolution.name for p, _ in e.participants) for e in result.engagements
    ]
    assert any(len(names) == 2 and "人居署" in names[0] + names[1] for names in parties)
    alone = extract(
        split_report("1. 这包括与联合国开发计划署合作。\n", "zh"),
        reference_gazetteer,
        "zh",
    )
    assert alone[0].engagements == []


def test_cities_listed_before_one_that_receives_an_award_receive_it(
    reference_gazetteer,
):
    found = _texts(
        reference_gazetteer, "zh", "已有唐山、杭州、厦门等3个城市获得这一殊荣。"
    )
    assert {"唐山", "杭州", "厦门"} <= set(found)
    assert "杭州" not in _texts(reference_gazetteer, "zh", "会议在杭州举行。")
    assert "coordination" not in _kinds("中国自1990年参与“联合国人居奖”评选以来。")


def test_a_title_before_a_name_ends_no_sentence():
    text = (
        "UN-Habitat Mr. Oyebanji with Kogi State Deputy Governor Mr. Awoniyi signed it."
    )
    assert len(sentences(text, "en")) == 1
    assert len(sentences("It was signed. Then it was read.", "en")) == 2


def test_a_government_named_by_its_people_is_proposed_under_its_country(
    reference_gazetteer,
):
    layout = split_report(
        "1. A Syrian delegation discussed cooperation with UN-Habitat.\n", "en"
    )
    names = [
        p.resolution.name
        for p in extract(layout, reference_gazetteer, "en")[0].organisations
    ]
    assert "Government of Syria" in names
