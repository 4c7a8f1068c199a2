"""How far two readers' gold for the same documents agree (docs/ingest.md,
"Agreement between two readers").

Both annotations are `gold.yaml` files in the corpus's format (`corpus.py`), read by
`corpus.gold_from` (names normalised by `gazetteer.normalise`, as the scorer compares
them); the first is the reference. In each paragraph, the second's organisations are
paired one to one with the first's that have the same key or share a name, the
surest pairs first (same key, then the longest shared name), so that a generic name
both list ("We", 秘书处) never matches twice. Then, as `evaluation.py` scores the
extractor:

- organisations per paragraph: precision = the second's organisations paired /
  all the second's; recall = the first's paired / all the first's;
- engagement triples (paragraph, kind, organisation), the second's organisations
  taken as the first's they are paired with (`paragraph_map`);
- the same without the kind, pairs (paragraph, organisation): who takes part in
  something there, whatever each reader called it.

Counts are summed over documents (micro-averaged), per language and pooled.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from partnerships.ingest.corpus import gold_from, load_gold
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
    data = load_gold(path)
    gold, _money = gold_from(data)
    return Annotation(path.parent.name, str(data["lang"]), str(data["part"]), gold)


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


def _ranked(key: str, options: set[str]) -> list[str]:
    """The same key first, then the others in order."""
    return sorted(options, key=lambda option: (option != key, option))


def _strength(key: str, option: str, second: Gold, first: Gold) -> tuple[bool, int]:
    """How surely two organisations are one: the same key, then the longest name
    they share ("KOICA Bangladesh Office" rather than "We")."""
    shared = second.names.get(key, set()) & first.names.get(option, set())
    return key == option, max((len(name) for name in shared), default=0)


def matching(number: int, first: Gold, second: Gold) -> dict[str, str]:
    """One to one, in a paragraph: the second's organisations named there to the
    first's named there (same key or a shared name), the surest pairs first, then
    as many more as can be made; so two of one reader's organisations never both
    match one of the other's (a generic name both list, "We" or 执行局, does not
    count twice)."""
    expected = first.mentions.get(number, set())
    options = {
        key: candidates(key, second, first) & expected
        for key in sorted(second.mentions.get(number, set()))
    }
    pairs = sorted(
        ((key, option) for key, found in options.items() for option in found),
        key=lambda pair: (_strength(*pair, second, first), pair),
        reverse=True,
    )
    owner: dict[str, str] = {}  # the first's key -> the second's
    for key, option in pairs:
        if option not in owner and key not in owner.values():
            owner[option] = key

    def claim(key: str, seen: set[str]) -> bool:
        """Kuhn's augmenting path: take a free option, or one whose owner can move."""
        for option in _ranked(key, options[key]):
            if option not in seen:
                seen.add(option)
                if option not in owner or claim(owner[option], seen):
                    owner[option] = key
                    return True
        return False

    for key in options:
        if key not in owner.values():
            claim(key, set())
    return {key: option for option, key in owner.items()}


def paragraph_map(number: int, first: Gold, second: Gold) -> dict[str, str]:
    """The first's key for each organisation the second has in a paragraph (named
    or taking part): its match there; else a candidate the first has there and no
    other organisation took; else, for one the second does not name there, any
    candidate in the document; else its own key."""
    out = matching(number, first, second)
    taken = set(out.values())
    present = _present(first, number)
    for key in sorted(_present(second, number) - set(out)):
        options = candidates(key, second, first)
        free = _ranked(key, options & present - taken)
        if not free and key not in second.mentions.get(number, set()):
            free = _ranked(key, options)
        out[key] = free[0] if free else key
        taken.add(out[key])
    return out


def _numbers(first: Gold, second: Gold) -> list[int]:
    numbers = set(first.mentions) | set(second.mentions)
    numbers |= {n for n, _kind, _org in first.triples | second.triples}
    return sorted(numbers)


def organisations(first: Gold, second: Gold) -> Score:
    right = sum(len(matching(n, first, second)) for n in _numbers(first, second))
    predicted = sum(len(v) for v in second.mentions.values())
    expected = sum(len(v) for v in first.mentions.values())
    return Score(right, predicted, right, expected)


def mapped_triples(first: Gold, second: Gold) -> set[tuple[int, str, str]]:
    maps = {n: paragraph_map(n, first, second) for n in _numbers(first, second)}
    return {(n, kind, maps[n][org]) for n, kind, org in second.triples}


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
    return sum(scores, Score(0, 0, 0, 0))


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
        pairs_ = matching(number, first, second)
        missed = sorted(first.mentions.get(number, set()) - set(pairs_.values()))
        unmatched = sorted(second.mentions.get(number, set()) - set(pairs_))
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
