"""Rules of the seventh batch's round (docs/ingest.md, "Seventh batch (session 9)"),
each checked on sentences written for the test (no sentence of the corpus)."""

from __future__ import annotations

from decimal import Decimal

from partnerships.ingest.pipeline import extract
from partnerships.sources.paragraphs import split_report
from tests.ingest.conftest import engagements_of


def _texts(text: str, lang: str = "en") -> list[str]:
    return [p.text for p in split_report(text, lang).paragraphs]


def test_a_short_caption_ending_in_a_short_form_in_brackets_is_no_paragraph():
    text = (
        "Lakeside news\n\n"
        "The Director with the Secretary of the Lakeside Basin Commission (LBC)\n\n"
        "Ostend, 2 May 2019 – The Lakeside Trust and the Commission signed a plan.\n\n"
        "The plan runs for three years and covers every harbour of the basin.\n"
    )
    assert [t[:12] for t in _texts(text)] == ["Ostend, 2 Ma", "The plan run"]


def test_a_sentence_in_brackets_or_a_source_after_a_sentence_still_ends_a_block():
    text = (
        "The Trust opened two offices this year. (Reported by the Lakeside Post.)\n\n"
        "The Trust and the port met. (LP)\n"
    )
    assert len(_texts(text)) == 2


def test_a_long_line_ending_no_sentence_runs_on_into_a_line_in_lower_case():
    first = (
        "The plan will grow under the new agreement, with priority areas for more "
        "work including the Lakeside institutes and colleges offering harbour training for"
    )
    assert len(first) > 150
    text = (
        f"The Lakeside Trust signed a plan with the port on Monday.\n{first}\n"
        "small towns, as well as repairs of the quays.\nThe port said it was glad of the plan and its quays.\n"
    )
    texts = _texts(text)
    assert len(texts) == 3
    assert texts[1].endswith(
        "harbour training for small towns, as well as repairs of the quays."
    )


def test_money_given_to_the_one_named_after_it_takes_its_funder_from_before(
    reference_gazetteer,
):
    text = (
        "The Lakeside Foundation today announced a $4 million package of grants. "
        "The largest grant—$3 million to the World Food Programme (WFP)—will feed "
        "children in the basin.\n"
    )
    results = extract(split_report(text, "en"), reference_gazetteer, "en")
    funding = [e for r in results for e in r.engagements if e.kind == "funding"]
    largest = next(e for e in funding if e.money[0].amount == Decimal(3000000))
    roles = {p.resolution.name: role for p, role in largest.participants}
    assert roles["Lakeside Foundation"] == "funder"
    assert roles["World Food Programme"] != "funder"


def _names(gazetteer, text: str, lang: str = "en") -> list[str]:
    results = extract(split_report(text, lang), gazetteer, lang)
    return sorted({o.resolution.name for r in results for o in r.organisations})


def test_a_name_starts_after_an_adjective_and_after_words_before_to(
    reference_gazetteer,
):
    text = (
        "The Ostend-based Lakeside Harbour Foundation signed a plan with the port "
        "on Monday. Gifts to Lakeside Relief Services rose by a third this year.\n"
    )
    names = _names(reference_gazetteer, text)
    assert "Lakeside Harbour Foundation" in names
    assert "Lakeside Relief Services" in names
    assert not any(n.startswith(("Ostend-based", "Gifts")) for n in names)


def test_a_persons_title_with_what_it_is_for_is_no_name(reference_gazetteer):
    text = (
        "The plan was signed by Jan Peeters, LHF Programme Leader for Ports and "
        "Quays, and by the Lakeside Port Authority.\n"
    )
    names = _names(reference_gazetteer, text)
    assert "Lakeside Port Authority" in names
    assert not any("Leader" in n for n in names)


def test_an_item_inside_a_list_going_on_to_and_is_named_like_the_last(
    reference_gazetteer,
):
    text = (
        "Grants to the Lakeside Relief Services, Harbour Hope, and Quay Kitchens "
        "total $2 million this year, the Lakeside Harbour Foundation said.\n"
    )
    names = _names(reference_gazetteer, text)
    assert {"Harbour Hope", "Quay Kitchens"} <= set(names)


def test_a_person_after_a_title_before_and_a_title_is_no_list_item(
    reference_gazetteer,
):
    text = (
        "The plan was signed by the Executive Director of the Lakeside Harbour "
        "Foundation, Jan Peeters and Director of the Lakeside Port Authority.\n"
    )
    assert "Jan Peeters" not in _names(reference_gazetteer, text)


def test_a_person_named_with_a_short_name_and_a_title_is_no_list_item(
    reference_gazetteer,
):
    text = (
        "The plan was signed by the Lakeside Harbour Foundation and Jan Peeters, "
        "LPA Partnership Leader for the quays, on Monday morning in Ostend.\n"
    )
    assert "Jan Peeters" not in _names(reference_gazetteer, text)


def test_a_ministrys_department_ends_a_name_before_and(reference_gazetteer):
    text = "商务部国际经贸关系司和联合国开发计划署驻华代表处共同发布了一份关于河流治理的报告。"
    names = _names(reference_gazetteer, text, "zh")
    assert "商务部国际经贸关系司" in names
    assert not any("和" in n for n in names)


def test_a_news_sites_byline_and_a_source_in_brackets_name_no_organisation(
    reference_gazetteer,
):
    text = (
        "湖滨日报-湖滨网3月2日讯 湖滨市政府与联合国开发计划署签署了合作协议。"
        "双方将在湖滨开展低碳项目。(港城社-HCN)\n"
    )
    names = _names(reference_gazetteer, text, "zh")
    assert not any(n in ("湖滨网", "HCN") or "日报" in n for n in names)


def test_representatives_and_a_kind_of_actor_are_no_names(reference_gazetteer):
    text = (
        "湖滨红十字会领导代表与联合国儿童基金会驻湖滨办事处代表共同签署了合作协议,"
        "为多级政府和清洁能源企业提供依据。\n"
    )
    names = _names(reference_gazetteer, text, "zh")
    assert not any(n.startswith("代表") for n in names)
    assert "多级政府" not in names and "清洁能源企业" not in names


def test_a_headquarters_official_attends_for_the_organisation(reference_gazetteer):
    text = "湖滨市政府市长王明,世界粮食计划署总部高级司长李华出席签约仪式。\n"
    results = extract(split_report(text, "zh"), reference_gazetteer, "zh")
    events = [e for r in results for e in r.engagements if e.kind == "event"]
    assert any(
        "世界粮食计划署" in {p.resolution.name for p, _ in e.participants}
        for e in events
    )
    place = "湖滨市政府与联合国人居署在人居署总部举行会谈。\n"
    results = extract(split_report(place, "zh"), reference_gazetteer, "zh")
    assert all(len(e.participants) == 2 for r in results for e in r.engagements)


def test_an_organisations_own_members_tell_no_network(reference_gazetteer):
    text = (
        "The Lakeside Chamber of Commerce and UNICEF will work together; the "
        "Chamber will mobilise its members' financial support for UNICEF.\n"
    )
    kinds = {kind for kind, _ in engagements_of(reference_gazetteer, text)}
    assert "network" not in kinds
    assert "Lakeside Chamber of Commerce" in _names(reference_gazetteer, text)
