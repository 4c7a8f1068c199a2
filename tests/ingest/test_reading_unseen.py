"""Rules of the round on engagements in unseen text (docs/ingest.md, "Engagements
on unseen text (session 9, second round)"), each checked on sentences written for
the test (no sentence of the corpus)."""

from __future__ import annotations

from partnerships.ingest.extraction.engagements import kinds_of
from tests.ingest.conftest import engagements_of


def test_a_meeting_where_a_decision_or_an_agreement_is_made_is_its_occasion(
    reference_gazetteer,
):
    english = (
        "The member states of the Lakeside Council endorsed a plan for UNEP and FAO "
        "on the last day of the meeting.\n"
    )
    kinds = {k for k, _ in engagements_of(reference_gazetteer, english)}
    assert kinds == {"governance"}
    chinese = "联合国环境规划署与联合国粮食及农业组织代表出席合作协议签署仪式。\n"
    kinds = {k for k, _ in engagements_of(reference_gazetteer, chinese, "zh")}
    assert kinds == {"agreement"}


def test_a_meeting_of_other_parties_or_beside_another_act_stays(
    reference_gazetteer,
):
    other = "联合国环境规划署与联合国粮食及农业组织签署了合作协议，世界卫生组织主办了研讨会。\n"
    found = engagements_of(reference_gazetteer, other, "zh")
    assert any(k == "event" and "世界卫生组织" in names for k, names in found)
    training = (
        "UNEP and FAO signed a memorandum of understanding on a housing project "
        "and held a workshop on it.\n"
    )
    kinds = {k for k, _ in engagements_of(reference_gazetteer, training)}
    assert "agreement" in kinds and "project" in kinds


def test_exchanges_told_as_cooperation_are_a_project_in_chinese():
    assert kinds_of("□与□开展合作，加强交流。", []) == [("project", "合作")]
    assert kinds_of("□与□携手，为交流搭建新平台。", []) == [("project", "携手")]
    assert kinds_of("□与□加强交流。", []) == [("coordination", "交流")]
    assert kinds_of("□ and □ discussed the framework of cooperation.", []) == [
        ("coordination", "discussed")
    ]
