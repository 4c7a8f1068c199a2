"""Chinese reading rules of the sixth round (docs/ingest.md, "Chinese"): events and
titles told apart from organisations, back-references, clauses. Each is checked on
sentences written for the test (none is a sentence of the corpus or the seed)."""

from __future__ import annotations

from partnerships.ingest.extraction.zh_kinds import (
    zh_event_or_publication,
    zh_title_of_event,
)
from partnerships.ingest.pipeline import extract
from partnerships.sources.paragraphs import split_report


def _proposals(gazetteer, text):
    """Per paragraph, {surface: proposed name} of every organisation."""
    results = extract(split_report(text, "zh"), gazetteer, "zh")
    return [
        {m.text: p.resolution.name for p in r.organisations for m in p.mentions}
        for r in results
    ]


def test_a_conference_with_a_year_or_an_edition_is_an_event():
    for name in ("2019国际海洋(厦门)大会", "人居III大会", "第三届城市发展全球大会"):
        assert zh_event_or_publication(name), name
    assert zh_event_or_publication("世界城市报告")
    # An assembly that is a body carries no such mark.
    for name in ("合作伙伴大会", "全国人民代表大会", "人居署普遍会员制大会"):
        assert not zh_event_or_publication(name), name


def test_no_organisation_is_proposed_for_a_dated_conference(reference_gazetteer):
    (found,) = _proposals(
        reference_gazetteer,
        "开发署将出席2019国际海洋(厦门)大会并与厦门市政府签署合作备忘录。",
    )
    assert not any("大会" in surface for surface in found)
    assert "厦门市政府" in found


def test_the_secretary_general_of_a_conference_is_not_the_uns():
    text = "人居署执行主任兼人居III大会秘书长出席了会议。"
    start = text.index("秘书长")
    assert zh_title_of_event(text, start, start + 3)
    plain = "秘书长出席了会议。"
    assert not zh_title_of_event(plain, 0, 3)


def test_this_centre_and_our_province_name_what_was_named_before(
    reference_gazetteer,
):
    first, second = _proposals(
        reference_gazetteer,
        "近日，河北省政府与清华大学共同成立了雄安规划设计中心。\n\n"
        "该中心将为我省培养规划人才，河北省政府将提供场地。",
    )
    assert first["雄安规划设计中心"] == "雄安规划设计中心"
    assert second["该中心"] == "雄安规划设计中心"
    # 我省 is the province's government named in the paragraph before.
    assert second["我省"] == second["河北省政府"]


def test_we_is_the_organisation_of_the_one_speaking(reference_gazetteer):
    (found,) = _proposals(
        reference_gazetteer,
        "联合国儿童基金会驻华代表处主任李明表示，我们愿与地方政府一道推进这项工作。",
    )
    assert found["我们"] == found["联合国儿童基金会驻华代表处"]
    # With no speaker named, "we" names nobody.
    (nobody,) = _proposals(reference_gazetteer, "我们将继续推进这项工作。")
    assert "我们" not in nobody


def test_a_province_acting_or_named_by_its_governor_is_its_government(
    reference_gazetteer,
):
    (found,) = _proposals(
        reference_gazetteer,
        "海南省省长李四表示，海南将与联合国开发计划署加强合作。",
    )
    assert found["海南省"] == "海南省政府"
    assert found["海南"] == "海南省政府"
    # A province that is only a place is none.
    (place,) = _proposals(reference_gazetteer, "联合国开发计划署在海南开展了三个项目。")
    assert "海南" not in place


def _engaged(gazetteer, text):
    results = extract(split_report(text, "zh"), gazetteer, "zh")
    return {
        e.kind: sorted(p.resolution.name for p, _ in e.participants)
        for r in results
        for e in r.engagements
    }


def test_a_cue_word_engages_the_organisations_of_its_clause(reference_gazetteer):
    found = _engaged(
        reference_gazetteer,
        "经过协商，联合国开发计划署与联合国儿童基金会签署了合作协议，"
        "世界卫生组织主办了研讨会。",
    )
    # The agreement is the two signatories'; the organisation of the next clause,
    # which tells its own event, is not one of them.
    assert found["agreement"] == ["联合国儿童基金会", "联合国开发计划署"]
    assert "世界卫生组织" in found["event"]
    # A clause that names no organisation carries the sentence's subject.
    carried = _engaged(
        reference_gazetteer,
        "联合国开发计划署与联合国儿童基金会、世界卫生组织举行会谈，并发布了联合报告。",
    )
    assert len(carried["publication"]) == 3


def test_a_local_commission_office_or_station_before_its_heads_title(
    reference_gazetteer,
):
    (found,) = _proposals(
        reference_gazetteer,
        "市住建委主任王五、市外事办副主任以及市广播电视台相关负责人参加了会见。",
    )
    assert {"市住建委", "市外事办", "市广播电视台"} <= set(found)
    (plain,) = _proposals(
        reference_gazetteer, "他在市广播电视台工作了十年，后来调到了别的单位。"
    )
    assert "市广播电视台" not in plain


def test_chinas_central_bodies_are_known_by_their_short_names(reference_gazetteer):
    (results,) = extract(
        split_report("国务院和全国妇联与联合国儿童基金会举行了会谈。", "zh"),
        reference_gazetteer,
        "zh",
    )
    keys = {m.text: p.resolution.key for p in results.organisations for m in p.mentions}
    assert keys["国务院"] == "CN-STATE-COUNCIL"
    assert keys["全国妇联"] == "CN-ACWF"


def test_on_behalf_of_and_a_headquarters_are_no_part_of_a_name(reference_gazetteer):
    (found,) = _proposals(
        reference_gazetteer,
        "秘书处代表执行理事会出席了在联合国总部举行的会议，代表中国政府签署了协议。",
    )
    assert not any(s.startswith("代表") or s.endswith("总部") for s in found)
    assert "秘书处代表执行理事会" not in found
    assert "中国政府" in found


def test_a_discussion_meeting_or_a_visit_is_an_event(reference_gazetteer):
    for verb in ("座谈交流", "会晤", "拜访"):
        found = _engaged(
            reference_gazetteer,
            f"河北省政府代表团与联合国儿童基金会驻华办事处进行了{verb}，"
            "双方介绍了各自的工作。",
        )
        assert "event" in found, verb


def test_cities_in_a_list_of_winners_and_as_subjects_act(reference_gazetteer):
    first, second = _proposals(
        reference_gazetteer,
        "本届奖项揭晓，日本大阪、中国杭州、肯尼亚内罗毕3座城市获此奖项。\n\n"
        "肯尼亚内罗毕通过社区参与改善了非正规住区的环境。",
    )
    assert {"大阪", "杭州", "内罗毕"} <= set(first)
    assert not {"日本", "中国", "肯尼亚"} & set(first)  # where the city is
    assert "内罗毕" in second
    # A city that is only a place is none.
    (place,) = _proposals(
        reference_gazetteer, "会议在肯尼亚内罗毕的联合国人居署总部举行了三天。"
    )
    assert "内罗毕" not in place


def test_the_body_whose_meeting_was_told_before_hosts_the_one_attended(
    reference_gazetteer,
):
    results = extract(
        split_report(
            "3月5日，联合国儿童基金会执行局年会在纽约举行。河北省政府和清华大学"
            "派代表出席了会议。",
            "zh",
        ),
        reference_gazetteer,
        "zh",
    )
    (event,) = [e for r in results for e in r.engagements if e.kind == "event"]
    roles = {p.resolution.name: role for p, role in event.participants}
    assert len(roles) == 3
    assert "host" in roles.values()
