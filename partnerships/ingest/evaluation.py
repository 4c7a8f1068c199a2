"""Score the extractor against hand-curated gold data (docs/ingest.md, "Evaluation").

The gold is a folder in the curated-data format of docs/seed-curation.md:
`organisations.yaml` (each organisation's names, acronyms, short forms, aliases and
the paragraphs that name it) and `engagements/*.yaml` (kind, participants, evidence
paragraphs). Only this module reads it; the extractor never does.

- Organisations, per paragraph: the gold set is the organisations whose `paragraphs`
  list the paragraph. A proposed organisation matches a gold one when one of its
  surface names equals one of the gold organisation's names after normalisation, or
  when the resolver linked it to a registry organisation with the gold key.
  Precision: matching proposals / proposals; recall: gold organisations matched /
  gold organisations.
- Engagements, per paragraph: the triples (paragraph, kind, organisation) of every
  engagement citing the paragraph with each participant told there, against the
  triples of the proposals (organisations mapped to gold keys as above).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from partnerships.ingest.gazetteer import normalise
from partnerships.ingest.pipeline import OrgProposal, ParagraphResult


class GoldError(ValueError):
    pass


@dataclass
class Gold:
    names: dict[str, set[str]] = field(default_factory=dict)  # key -> normalised names
    mentions: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    triples: set[tuple[int, str, str]] = field(default_factory=set)


def _yaml_list(path: Path) -> list[dict[str, Any]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as exc:
        raise GoldError(f"{path}: cannot be read: {exc}") from exc
    if not isinstance(data, list):
        raise GoldError(f"{path}: must be a list of entries.")
    return data


def _names(entry: dict[str, Any]) -> set[str]:
    out: set[str] = set()
    for field_name in ("names", "acronyms", "short_names"):
        out.update(str(v) for v in (entry.get(field_name) or {}).values() if v)
    out.update(str(a["name"]) for a in entry.get("aliases") or [] if a.get("name"))
    return {normalise(n) for n in out}


def read_gold(directory: Path) -> Gold:
    gold = Gold()
    if not (directory / "organisations.yaml").is_file():
        raise GoldError(f"{directory}: no organisations.yaml in this folder.")
    for entry in _yaml_list(directory / "organisations.yaml"):
        key = str(entry["key"])
        gold.names[key] = _names(entry)
        for number in entry.get("paragraphs") or []:
            gold.mentions[int(number)].add(key)
    kinds: dict[str, str] = {}
    for path in sorted((directory / "engagements").glob("*.yaml")):
        for entry in _yaml_list(path):
            key = str(entry.get("key") or entry.get("extend"))
            if entry.get("kind"):
                kinds[key] = str(entry["kind"])
            told = {int(e["paragraph"]) for e in entry.get("evidence") or []}
            for participant in entry.get("participants") or []:
                where = {int(p) for p in participant.get("paragraphs") or []} or told
                for number in where:
                    gold.triples.add((number, key, str(participant["org"])))
    gold.triples = {(n, kinds[k], org) for n, k, org in gold.triples if k in kinds}
    return gold


@dataclass
class Score:
    """Precision over proposals, recall over gold items; for triples, a right
    proposal and a found gold item are the same triple."""

    right: int  # proposals that match the gold
    predicted: int
    found: int  # gold items some proposal matches
    expected: int

    def __add__(self, other: Score) -> Score:
        """Counts summed (micro-averaging over documents)."""
        return Score(
            self.right + other.right,
            self.predicted + other.predicted,
            self.found + other.found,
            self.expected + other.expected,
        )

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, label: str) -> str:
        return (
            f"{label}: precision {self.precision:.3f}, recall {self.recall:.3f}, "
            f"F1 {self.f1:.3f} ({self.right} of {self.predicted} proposed right, "
            f"{self.found} of {self.expected} expected found)"
        )


def gold_keys(proposal: OrgProposal, gold: Gold, candidates: set[str]) -> set[str]:
    """The gold organisations among `candidates` a proposal stands for: by a name
    equal after normalisation, or by the registry key the resolver linked."""
    surfaces = {normalise(s) for s in proposal.surfaces}
    return {
        key
        for key in candidates
        if key == proposal.resolution.key or surfaces & gold.names.get(key, set())
    }


@dataclass
class Evaluation:
    organisations: Score
    engagements: Score
    misses: dict[int, list[str]] = field(default_factory=dict)
    extras: dict[int, list[str]] = field(default_factory=dict)
    mapping: dict[str, str] = field(default_factory=dict)  # identity -> gold key
    triples: set[tuple[int, str, str]] = field(default_factory=set)  # proposed


@dataclass
class _Paragraph:
    right: int = 0
    credited: set[str] = field(default_factory=set)
    mapping: dict[str, str] = field(default_factory=dict)  # identity -> gold key
    triples: set[tuple[int, str, str]] = field(default_factory=set)  # proposed
    extras: list[str] = field(default_factory=list)


def _organisations(result: ParagraphResult, gold: Gold) -> _Paragraph:
    expected = gold.mentions.get(result.paragraph.number, set())
    out = _Paragraph()
    for proposal in result.organisations:
        keys = gold_keys(proposal, gold, expected) or gold_keys(
            proposal, gold, set(gold.names)
        )
        if keys & expected:
            out.right += 1
            out.credited |= keys & expected
        else:
            out.extras.append(proposal.resolution.name)
        out.mapping[proposal.identity] = min(keys) if keys else proposal.identity
    return out


def evaluate(results: list[ParagraphResult], gold: Gold) -> Evaluation:
    right = predicted = found = 0
    triples: set[tuple[int, str, str]] = set()
    evaluation = Evaluation(Score(0, 0, 0, 0), Score(0, 0, 0, 0))
    for result in results:
        number = result.paragraph.number
        scored = _organisations(result, gold)
        right, found = right + scored.right, found + len(scored.credited)
        predicted += len(result.organisations)
        if missed := gold.mentions.get(number, set()) - scored.credited:
            evaluation.misses[number] = sorted(missed)
        if scored.extras:
            evaluation.extras[number] = scored.extras
        evaluation.mapping.update(scored.mapping)
        for engagement in result.engagements:
            for proposal, _role in engagement.participants:
                triples.add(
                    (number, engagement.kind, scored.mapping[proposal.identity])
                )
    expected = sum(len(v) for v in gold.mentions.values())
    evaluation.organisations = Score(right, predicted, found, expected)
    evaluation.triples = triples
    matched = len(triples & gold.triples)
    evaluation.engagements = Score(matched, len(triples), matched, len(gold.triples))
    return evaluation
