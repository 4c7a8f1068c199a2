"""Rules of the round on engagements in unseen text (docs/ingest.md, "Engagements
on unseen text (session 9, second round)"), each checked on sentences written for
the test (no sentence of the corpus)."""

from __future__ import annotations

from partnerships.ingest.extraction.engagements import kinds_of, without_occasion
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


def test_a_meeting_stays_an_engagement_beside_another_act_or_alone():
    meeting, signing = ("event", "meeting"), ("agreement", "signed")
    resolution, project = ("governance", "resolution"), ("project", "project")
    assert without_occasion([signing, meeting]) == [signing]
    assert without_occasion([resolution, meeting]) == [resolution]
    assert without_occasion([meeting]) == [meeting]
    assert without_occasion([project, meeting]) == [project, meeting]
    three = [signing, meeting, project]  # a training, an MoU and a project
    assert without_occasion(three) == three


def test_exchanges_told_as_cooperation_are_a_project_in_chinese():
    assert kinds_of("□与□开展合作，加强交流。", []) == [("project", "合作")]
    assert kinds_of("□与□携手，为交流搭建新平台。", []) == [("project", "携手")]
    assert kinds_of("□与□加强交流。", []) == [("coordination", "交流")]
    assert kinds_of("□ and □ discussed the framework of cooperation.", []) == [
        ("coordination", "discussed")
    ]
