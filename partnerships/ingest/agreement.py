"""How far two readers' gold for the same documents agree (docs/ingest.md,
"Agreement between two readers").

Both annotations are `gold.yaml` files in the corpus's format (`corpus.py`), read by
`corpus.gold_from`; the first is the reference. Each organisation of the second is
mapped to the first's organisation with the same key or one sharing a name after
normalisation (`gazetteer.normalise`, as the scorer compares names), preferring one
the first gold has in the same paragraph. Then, as `evaluation.py` scores the
extractor:

- organisations per paragraph: precision = the second's organisations of a paragraph
  that map to one the first has there / all the second's; recall = the first's
  organisations so matched / all the first's;
- engagement triples (paragraph, kind, organisation);
- the same without the kind, pairs (paragraph, organisation): who takes part in
  something there, whatever each reader called it.

Counts are summed over documents (micro-averaged), per language and pooled.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from partnerships.ingest.corpus import gold_from
from partnerships.ingest.evaluation import Gold, GoldError, Score

MEASURES = ("organisations", "engagements", "pairs")


@dataclass
class Annotation:
    name: str
    lang: str
    part: str
    gold: Gold


def read_annotation(path: Path) -> Annotation:
    """One reader's gold.yaml (a document's folder holds it)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GoldError(f"{path}: cannot be read: {exc}") from exc
    if not isinstance(data, dict) or "lang" not in data:
        raise GoldError(f"{path}: needs lang, part, organisations, engagements.")
    gold, _money = gold_from(data)
    return Annotation(path.parent.name, str(data["lang"]), str(data.get("part")), gold)


def _keys(gold: Gold) -> set[str]:
    return set(gold.names) | {org for _n, _kind, org in gold.triples}


def _present(gold: Gold, number: int) -> set[str]:
    """The organisations a gold has in a paragraph: named there or taking part."""
    return set(gold.mentions.get(number, set())) | {
        org for n, _kind, org in gold.triples if n == number
    }


def candidates(key: str, second: Gold, first: Gold) -> set[str]:
    """The first's organisations a second's organisation may stand for: the same
    key, or a normalised name in both name lists."""
    names = second.names.get(key, set())
    return {k for k in _keys(first) if k == key or names & first.names.get(k, set())}


def mapped(key: str, number: int, second: Gold, first: Gold) -> str:
    """The first's key for a second's organisation in a paragraph; its own key if
    none matches."""
    keys = candidates(key, second, first)
    preferred = keys & _present(first, number)
    return min(preferred or keys) if keys else key


def _paragraph(
    number: int, first: Gold, second: Gold
) -> tuple[int, set[str], list[str]]:
    """In one paragraph: how many of the second's organisations match one the first
    has there, which of the first's they match, and the second's that match none."""
    expected = first.mentions.get(number, set())
    right, credited, unmatched = 0, set(), []
    for key in sorted(second.mentions.get(number, set())):
        if matched := candidates(key, second, first) & expected:
            right += 1
            credited |= matched
        else:
            unmatched.append(key)
    return right, credited, unmatched


def _numbers(first: Gold, second: Gold) -> list[int]:
    return sorted(set(first.mentions) | set(second.mentions))


def organisations(first: Gold, second: Gold) -> Score:
    right = found = 0
    for number in _numbers(first, second):
        matched, credited, _unmatched = _paragraph(number, first, second)
        right, found = right + matched, found + len(credited)
    predicted = sum(len(v) for v in second.mentions.values())
    expected = sum(len(v) for v in first.mentions.values())
    return Score(right, predicted, found, expected)


def mapped_triples(first: Gold, second: Gold) -> set[tuple[int, str, str]]:
    return {
        (number, kind, mapped(org, number, second, first))
        for number, kind, org in second.triples
    }


def _set_score(
    reference: set[tuple[object, ...]], other: set[tuple[object, ...]]
) -> Score:
    both = len(reference & other)
    return Score(both, len(other), both, len(reference))


def pairs(triples: Iterable[tuple[int, str, str]]) -> set[tuple[int, str]]:
    return {(number, org) for number, _kind, org in triples}


@dataclass
class DocumentAgreement:
    name: str
    lang: str
    scores: dict[str, Score]


def compare(first: Annotation, second: Annotation) -> DocumentAgreement:
    """The second reader's gold of a document scored against the first's."""
    if first.lang != second.lang:
        raise GoldError(f"{first.name}: the two annotations differ in language.")
    triples = mapped_triples(first.gold, second.gold)
    return DocumentAgreement(
        first.name,
        first.lang,
        {
            "organisations": organisations(first.gold, second.gold),
            "engagements": _set_score(first.gold.triples, triples),
            "pairs": _set_score(pairs(first.gold.triples), pairs(triples)),
        },
    )


def summed(scores: Iterable[Score]) -> Score:
    total = Score(0, 0, 0, 0)
    for s in scores:
        total = Score(
            total.right + s.right,
            total.predicted + s.predicted,
            total.found + s.found,
            total.expected + s.expected,
        )
    return total


def totals(documents: list[DocumentAgreement]) -> dict[str, dict[str, Score]]:
    """Per language and for all documents ("all"), each measure summed."""
    groups = sorted({d.lang for d in documents}) + ["all"]
    return {
        group: {
            measure: summed(
                d.scores[measure] for d in documents if group in ("all", d.lang)
            )
            for measure in MEASURES
        }
        for group in groups
    }


@dataclass
class Differences:
    """What one reader has in a document that the other has not."""

    # paragraph -> (the first's organisations unmatched, the second's unmatched)
    organisations: dict[int, tuple[list[str], list[str]]] = field(default_factory=dict)
    first_triples: list[tuple[int, str, str]] = field(default_factory=list)
    second_triples: list[tuple[int, str, str]] = field(default_factory=list)


def differences(first: Gold, second: Gold) -> Differences:
    """The second's organisations by their own keys, its triples mapped."""
    out = Differences()
    for number in _numbers(first, second):
        _right, credited, unmatched = _paragraph(number, first, second)
        missed = sorted(first.mentions.get(number, set()) - credited)
        if missed or unmatched:
            out.organisations[number] = (missed, unmatched)
    triples = mapped_triples(first, second)
    out.first_triples = sorted(first.triples - triples)
    out.second_triples = sorted(triples - first.triples)
    return out


def compare_folders(first_dir: Path, second_dir: Path) -> list[DocumentAgreement]:
    """Every document of `second_dir` against the same folder of `first_dir`."""
    folders = sorted(p.parent for p in second_dir.glob("*/gold.yaml"))
    if not folders:
        raise GoldError(f"{second_dir}: no document folder with a gold.yaml.")
    return [
        compare(
            read_annotation(first_dir / folder.name / "gold.yaml"),
            read_annotation(folder / "gold.yaml"),
        )
        for folder in folders
    ]
