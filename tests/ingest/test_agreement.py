"""Agreement between two readers' gold (partnerships/ingest/agreement.py), on small
documents written for the test: each would fail if organisations were matched or
counted otherwise than docs/ingest.md says."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from partnerships.ingest.agreement import (
    Annotation,
    compare,
    compare_folders,
    differences,
    paragraph_map,
    read_annotation,
    totals,
)
from partnerships.ingest.corpus import gold_from
from partnerships.ingest.evaluation import GoldError

FIRST = {
    "lang": "en",
    "part": "dev",
    "paragraphs": ["Japan and UNRWA signed", "The Agency thanked"],
    "organisations": [
        {"key": "GOV-JP", "names": ["Government of Japan", "Japan"], "in": [1, 2]},
        {"key": "UNRWA", "names": ["UNRWA", "the Agency"], "in": [1, 2]},
        {"key": "UNRWA-DER", "names": ["Department of External Relations"], "in": [2]},
    ],
    "engagements": [
        {"kind": "agreement", "in": 1, "with": {"GOV-JP": "signatory", "UNRWA": "s"}},
        {"kind": "funding", "in": 2, "with": {"GOV-JP": "funder", "UNRWA": "r"}},
    ],
}

SECOND = {
    "lang": "en",
    "part": "dev",
    "paragraphs": ["Japan and UNRWA signed", "The Agency thanked"],
    "organisations": [
        # Other key and other first name, one name shared: the same organisation.
        {"key": "JAPAN", "names": ["Japan", "Japanese Government"], "in": [1, 2]},
        {
            "key": "UNRWA",
            "names": ["United Nations Relief and Works Agency"],
            "in": [1],
        },
        {"key": "EMBASSY", "names": ["Embassy of Japan"], "in": [2]},
    ],
    "engagements": [
        {"kind": "agreement", "in": 1, "with": {"JAPAN": "signatory", "UNRWA": "s"}},
        # The kind differs: counts against the triples, not against the pairs.
        {"kind": "project", "in": 2, "with": {"JAPAN": "funder", "EMBASSY": "p"}},
    ],
}


def annotation(data: dict) -> Annotation:
    gold, _money = gold_from(data)
    return Annotation("doc", data["lang"], data["part"], gold)


def test_an_organisation_named_otherwise_but_sharing_one_name_is_matched():
    first, second = annotation(FIRST), annotation(SECOND)
    assert paragraph_map(1, first.gold, second.gold) == {
        "JAPAN": "GOV-JP",
        "UNRWA": "UNRWA",  # by its key
    }
    assert paragraph_map(2, first.gold, second.gold) == {
        "JAPAN": "GOV-JP",
        "EMBASSY": "EMBASSY",  # no match: its own key
    }


def test_organisations_are_counted_per_paragraph():
    score = compare(annotation(FIRST), annotation(SECOND)).scores["organisations"]
    # Second: 1 {JAPAN, UNRWA}, 2 {JAPAN, EMBASSY}: 3 of 4 right.
    # First: 1 {GOV-JP, UNRWA}, 2 {GOV-JP, UNRWA, UNRWA-DER}: 3 of 5 found.
    assert (score.right, score.predicted, score.found, score.expected) == (3, 4, 3, 5)
    assert score.precision == 0.75 and score.recall == 0.6


def test_a_kind_disagreement_counts_in_triples_but_not_in_pairs():
    scores = compare(annotation(FIRST), annotation(SECOND)).scores
    triples, pairs = scores["engagements"], scores["pairs"]
    # First: (1 agreement GOV-JP), (1 agreement UNRWA), (2 funding GOV-JP),
    # (2 funding UNRWA); second, mapped: (1 agreement GOV-JP), (1 agreement UNRWA),
    # (2 project GOV-JP), (2 project EMBASSY).
    assert (triples.right, triples.predicted, triples.expected) == (2, 4, 4)
    # Without the kind, (2, GOV-JP) is shared too.
    assert (pairs.right, pairs.predicted, pairs.expected) == (3, 4, 4)


def test_a_shared_name_prefers_the_organisation_of_the_paragraph():
    first = annotation(
        {
            "lang": "zh",
            "part": "dev",
            "organisations": [
                {"key": "UNDP-EB", "names": ["执行局"], "in": [1]},
                {"key": "WFP-EB", "names": ["执行局"], "in": [2]},
            ],
        }
    )
    second = annotation(
        {
            "lang": "zh",
            "part": "dev",
            "organisations": [{"key": "EB", "names": ["执行局"], "in": [2]}],
            "engagements": [{"kind": "governance", "in": 2, "with": {"EB": "lead"}}],
        }
    )
    assert paragraph_map(2, first.gold, second.gold) == {"EB": "WFP-EB"}
    scores = compare(first, second).scores["organisations"]
    assert (scores.right, scores.found) == (1, 1)


@pytest.mark.parametrize("agency", ["A-AGENCY", "THE-AGENCY"])  # before, after
def test_one_organisation_is_matched_once_in_a_paragraph(agency):
    """Two of the second's organisations sharing a name with one of the first's
    (an office and its agency, both listing "We"): one match, not two, and the
    surer one, whichever key comes first."""
    first = annotation(
        {
            "lang": "en",
            "part": "dev",
            "organisations": [
                {
                    "key": "KOICA-BD",
                    "names": ["KOICA Bangladesh Office", "We"],
                    "in": [2],
                }
            ],
            "engagements": [
                {"kind": "agreement", "in": 2, "with": {"KOICA-BD": "signatory"}}
            ],
        }
    )
    second = annotation(
        {
            "lang": "en",
            "part": "dev",
            "organisations": [
                {"key": agency, "names": ["KOICA", "We"], "in": [2]},
                {"key": "OFFICE", "names": ["KOICA Bangladesh Office"], "in": [2]},
            ],
            "engagements": [
                {"kind": "agreement", "in": 2, "with": {"OFFICE": "signatory"}}
            ],
        }
    )
    assert paragraph_map(2, first.gold, second.gold) == {
        "OFFICE": "KOICA-BD",  # by the longer name, whatever the keys' order
        agency: agency,
    }
    scores = compare(first, second).scores
    organisations = scores["organisations"]
    assert (organisations.right, organisations.predicted) == (1, 2)
    assert organisations.found == 1 and organisations.expected == 1
    assert scores["engagements"].f1 == 1.0


def test_differences_name_what_each_reader_has_alone():
    diff = differences(annotation(FIRST).gold, annotation(SECOND).gold)
    assert diff.organisations == {2: (["UNRWA", "UNRWA-DER"], ["EMBASSY"])}
    assert diff.first_triples == [(2, "funding", "GOV-JP"), (2, "funding", "UNRWA")]
    assert diff.second_triples == [(2, "project", "EMBASSY"), (2, "project", "GOV-JP")]


def test_identical_gold_agrees_fully():
    scores = compare(annotation(FIRST), annotation(FIRST)).scores
    assert all(s.f1 == 1.0 for s in scores.values())


def write(folder: Path, data: dict) -> None:
    folder.mkdir(parents=True)
    (folder / "gold.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")


def test_folders_are_compared_by_document_and_summed_per_language(tmp_path):
    chinese = {**FIRST, "lang": "zh"}
    write(tmp_path / "first" / "en-doc", FIRST)
    write(tmp_path / "first" / "zh-doc", chinese)
    write(tmp_path / "first" / "en-other", FIRST)  # not read: no second annotation
    write(tmp_path / "second" / "en-doc", SECOND)
    write(tmp_path / "second" / "zh-doc", chinese)
    documents = compare_folders(tmp_path / "first", tmp_path / "second")
    assert [d.name for d in documents] == ["en-doc", "zh-doc"]
    summed = totals(documents)
    assert list(summed) == ["en", "zh", "all"]
    assert summed["en"]["organisations"].predicted == 4
    assert summed["zh"]["organisations"].f1 == 1.0
    pooled = summed["all"]["engagements"]
    assert (pooled.right, pooled.predicted, pooled.expected) == (6, 8, 8)


def test_annotations_in_different_languages_are_refused(tmp_path):
    write(tmp_path / "first" / "doc", FIRST)
    write(tmp_path / "second" / "doc", {**SECOND, "lang": "zh"})
    with pytest.raises(GoldError):
        compare_folders(tmp_path / "first", tmp_path / "second")
    with pytest.raises(GoldError):
        read_annotation(tmp_path / "missing" / "gold.yaml")
