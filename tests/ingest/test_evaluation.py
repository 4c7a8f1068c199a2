"""The extractor against the hand-curated gold of the seed, and the scorer itself.

On the seed the floors are its scores after the sixth round's Chinese rules, rounded
down (organisation F1 0.866 and engagement F1 0.629 measured); on the fictional English
document the issue's thresholds (0.85, 0.6). The gazetteer is built from the
reference data alone (docs/ingest.md).
"""

from __future__ import annotations

import pytest

from partnerships.ingest.evaluation import Gold, evaluate, read_gold
from partnerships.ingest.gazetteer import normalise, reference_entries
from partnerships.ingest.pipeline import (
    EngagementProposal,
    OrgProposal,
    ParagraphResult,
    extract,
)
from partnerships.ingest.resolve import Resolution
from partnerships.sources.paragraphs import Paragraph, split_report
from tests.ingest.conftest import ENGLISH_DIR, ENGLISH_TEXT, SEED_DIR, SEED_TEXT

# 0.8632 / 0.634 with the gates calibrated on first runs (session 12), which leave out
# two right names of the seed (a state enterprise and a fund told there as partners):
# engagements the new figure less 0.001; organisations at the floor, which
# the new figure still meets, not below it.
ORGANISATION_F1 = 0.863
ENGAGEMENT_F1 = 0.633
THRESHOLDS = (0.85, 0.6)


@pytest.fixture(scope="module")
def seed_scores(reference_gazetteer):
    layout = split_report(SEED_TEXT.read_text(encoding="utf-8"), "zh")
    results = extract(layout, reference_gazetteer, "zh")
    return evaluate(results, read_gold(SEED_DIR))


def test_on_the_seed_organisation_f1_meets_the_threshold(seed_scores):
    assert seed_scores.organisations.f1 >= ORGANISATION_F1, (
        seed_scores.organisations.line("organisations")
    )


def test_on_the_seed_engagement_f1_meets_the_threshold(seed_scores):
    assert seed_scores.engagements.f1 >= ENGAGEMENT_F1, seed_scores.engagements.line(
        "engagements"
    )


def test_on_the_english_test_document_both_scores_meet_the_thresholds(
    reference_gazetteer,
):
    layout = split_report(ENGLISH_TEXT.read_text(encoding="utf-8"), "en")
    scores = evaluate(
        extract(layout, reference_gazetteer, "en"), read_gold(ENGLISH_DIR)
    )
    assert scores.organisations.f1 >= THRESHOLDS[0]
    assert scores.engagements.f1 >= THRESHOLDS[1]


def test_the_evaluation_gazetteer_knows_no_seed_organisation_outside_the_reference():
    gold = read_gold(SEED_DIR)
    reference = {normalise(e.name) for e in reference_entries()}
    reference_keys = {e.key for e in reference_entries()}
    leaked = {
        key: names & reference
        for key, names in gold.names.items()
        if key not in reference_keys and names & reference
    }
    assert leaked == {}


def _result(number: int, names: list[str], kind: str = "project") -> ParagraphResult:
    orgs = [OrgProposal(Resolution("", n, 0.6, "new")) for n in names]
    engagement = EngagementProposal(kind, "", 0, 1, [(o, "partner") for o in orgs])
    return ParagraphResult(
        Paragraph(number, "text"), orgs, [engagement], [], [], [], []
    )


def test_the_scorer_counts_per_paragraph_by_name_or_alias():
    gold = Gold(
        names={"A": {normalise("Alpha Fund"), "af"}, "B": {normalise("Beta Bank")}},
    )
    gold.mentions.update({1: {"A", "B"}, 2: {"A"}})
    gold.triples = {(1, "project", "A"), (1, "project", "B"), (2, "event", "A")}
    results = [
        _result(1, ["AF", "Gamma Group"]),  # A by its acronym; Gamma is wrong
        _result(2, ["Alpha Fund"], kind="project"),  # right name, wrong kind
    ]
    scores = evaluate(results, gold)
    assert (scores.organisations.precision, scores.organisations.recall) == (
        pytest.approx(2 / 3),
        pytest.approx(2 / 3),
    )
    assert scores.engagements.right == 1
    assert scores.engagements.predicted == 3
    assert scores.engagements.expected == 3
    assert scores.misses == {1: ["B"]}
