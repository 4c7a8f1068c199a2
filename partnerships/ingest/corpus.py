"""The corpus of published documents the reader is measured on (docs/ingest.md, "Corpus").

Each folder of `data/ingest/corpus/` holds `source.txt` and `gold.yaml`: the language,
the part (`dev` to tune on, `test` never tuned on), the first words of every
paragraph a careful reader finds, the organisations with the paragraphs naming them,
and the engagements with their participants, roles and money. This module reads that
gold into the scorer's `Gold` and scores a document, a part or the whole corpus.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from partnerships.ingest.evaluation import (
    Evaluation,
    Gold,
    GoldError,
    Score,
    evaluate,
)
from partnerships.ingest.gazetteer import Gazetteer, normalise
from partnerships.ingest.pipeline import ParagraphResult, extract
from partnerships.sources.paragraphs import Layout, Paragraph, split_report

PARTS = ("dev", "test")


@dataclass
class Document:
    name: str
    lang: str
    part: str
    text: str
    gold: Gold
    paragraphs: list[str]  # the first words of each paragraph, in order
    money: set[tuple[int, Decimal, str, str]] = field(default_factory=set)


def load_gold(path: Path) -> dict[str, Any]:
    """A gold.yaml as data, or GoldError saying what is wrong with it."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GoldError(f"{path}: cannot be read: {exc}") from exc
    if (
        not isinstance(data, dict)
        or data.get("part") not in PARTS
        or data.get("lang") is None
    ):
        raise GoldError(f"{path}: needs lang, part (dev or test), paragraphs.")
    return data


def gold_from(data: dict[str, Any]) -> tuple[Gold, set[tuple[int, Decimal, str, str]]]:
    """The scorer's gold, and the money triples (paragraph, amount, currency, funder)."""
    gold = Gold()
    for entry in data.get("organisations") or []:
        key = str(entry["key"])
        gold.names[key] = {normalise(str(n)) for n in entry.get("names") or []}
        for number in entry.get("in") or []:
            gold.mentions[int(number)].add(key)
    money: set[tuple[int, Decimal, str, str]] = set()
    for entry in data.get("engagements") or []:
        number = int(entry["in"])
        for org in entry.get("with") or {}:
            gold.triples.add((number, str(entry["kind"]), str(org)))
        for amount, currency, funder in entry.get("money") or []:
            money.add((number, Decimal(str(amount)), str(currency), str(funder)))
    return gold, money


def read_document(folder: Path) -> Document:
    data = load_gold(folder / "gold.yaml")
    gold, money = gold_from(data)
    return Document(
        name=folder.name,
        lang=str(data["lang"]),
        part=str(data["part"]),
        text=(folder / "source.txt").read_text(encoding="utf-8"),
        gold=gold,
        paragraphs=[str(p) for p in data.get("paragraphs") or []],
        money=money,
    )


def read_corpus(directory: Path) -> list[Document]:
    folders = sorted(p.parent for p in directory.glob("*/gold.yaml"))
    if not folders:
        raise GoldError(f"{directory}: no document folder with a gold.yaml.")
    return [read_document(folder) for folder in folders]


def layout_matches(layout: Layout, document: Document) -> bool:
    """The reader found the gold's paragraphs, in order, each starting as written."""
    found = [" ".join(p.text.split()) for p in layout.paragraphs]
    wanted = [" ".join(w.split()) for w in document.paragraphs]
    return len(found) == len(wanted) and all(
        text.startswith(words) for text, words in zip(found, wanted, strict=True)
    )


def money_found(
    results: list[ParagraphResult], mapping: dict[str, str]
) -> set[tuple[int, Decimal, str, str]]:
    """Proposed (paragraph, amount, currency, funder) with funders as gold keys."""
    out: set[tuple[int, Decimal, str, str]] = set()
    for result in results:
        for engagement in result.engagements:
            funders = [p for p, role in engagement.participants if role == "funder"]
            for money in engagement.money:
                for funder in funders or [None]:
                    key = mapping.get(funder.identity, "") if funder else "None"
                    out.add(
                        (result.paragraph.number, money.amount, money.currency, key)
                    )
    return out


@dataclass
class DocumentScore:
    document: Document
    paragraphs: int
    layout_ok: bool
    evaluation: Evaluation
    money: tuple[int, int, int]  # right, proposed, expected


def aligned(layout: Layout, document: Document) -> Layout:
    """The layout with its paragraphs numbered as the gold's, found by their first
    words; a paragraph the gold does not start (a paragraph a PDF's line break
    split in two) joins the one before it. So one split does not shift the
    numbers of all the paragraphs after it."""
    starts = [" ".join(w.split()) for w in document.paragraphs]
    out: list[Paragraph] = []
    for paragraph in layout.paragraphs:
        text = " ".join(paragraph.text.split())
        number = next(
            (i for i, words in enumerate(starts, 1) if text.startswith(words)), None
        )
        if number is None and out:
            out[-1] = replace(out[-1], text=f"{out[-1].text} {paragraph.text}")
        else:
            out.append(replace(paragraph, number=number or len(out) + 1))
    return replace(layout, paragraphs=out)


def score_text(document: Document, text: str, gazetteer: Gazetteer) -> DocumentScore:
    layout = split_report(text, document.lang)
    results = extract(aligned(layout, document), gazetteer, document.lang)
    evaluation = evaluate(results, document.gold)
    proposed = money_found(results, evaluation.mapping)
    right = len(proposed & document.money)
    return DocumentScore(
        document,
        len(layout.paragraphs),
        layout_matches(layout, document),
        evaluation,
        (right, len(proposed), len(document.money)),
    )


def score_document(document: Document, gazetteer: Gazetteer) -> DocumentScore:
    return score_text(document, document.text, gazetteer)


@dataclass
class Totals:
    """Counts summed over documents, scored as one (micro-averaged)."""

    documents: int = 0
    paragraphs: int = 0
    layouts: int = 0
    counts: dict[str, list[int]] = field(
        default_factory=lambda: {k: [0, 0, 0, 0] for k in ("orgs", "engs")}
    )
    money: list[int] = field(default_factory=lambda: [0, 0, 0])

    def add(self, score: DocumentScore) -> None:
        self.documents += 1
        self.paragraphs += score.paragraphs
        self.layouts += score.layout_ok
        for key, item in (
            ("orgs", score.evaluation.organisations),
            ("engs", score.evaluation.engagements),
        ):
            for i, value in enumerate(
                (item.right, item.predicted, item.found, item.expected)
            ):
                self.counts[key][i] += value
        self.money = [a + b for a, b in zip(self.money, score.money, strict=True)]

    def score(self, key: str) -> Score:
        return Score(*self.counts[key])


def totals(scores: Iterable[DocumentScore]) -> dict[tuple[str, str], Totals]:
    """Per (part, language)."""
    out: dict[tuple[str, str], Totals] = {}
    for score in scores:
        key = (score.document.part, score.document.lang)
        out.setdefault(key, Totals()).add(score)
    return out


def _line(label: str, total: Totals) -> str:
    orgs, engs = total.score("orgs"), total.score("engs")
    right, proposed, expected = total.money
    return (
        f"{label}: {total.documents} documents, {total.paragraphs} paragraphs "
        f"({total.layouts} documents split as in the gold); organisations "
        f"P {orgs.precision:.3f} R {orgs.recall:.3f} F1 {orgs.f1:.3f}; engagements "
        f"P {engs.precision:.3f} R {engs.recall:.3f} F1 {engs.f1:.3f}; money with "
        f"funder {right} of {proposed} proposed right, {expected} expected"
    )


def details(score: DocumentScore) -> list[str]:
    """What a document's reading missed and added, paragraph by paragraph."""
    evaluation = score.evaluation
    lines = [
        f"{score.document.name}: {score.paragraphs} paragraphs "
        f"(gold {len(score.document.paragraphs)}, "
        f"{'same split' if score.layout_ok else 'split differs'}); "
        f"organisations F1 {evaluation.organisations.f1:.3f}, "
        f"engagements F1 {evaluation.engagements.f1:.3f}"
    ]
    for number in sorted(set(evaluation.misses) | set(evaluation.extras)):
        lines.append(
            f"  {number}: missed {evaluation.misses.get(number, [])} "
            f"added {evaluation.extras.get(number, [])}"
        )
    gold = score.document.gold.triples
    for label, triples in (
        ("engagement missed", gold - evaluation.triples),
        ("engagement added", evaluation.triples - gold),
    ):
        lines += [f"  {label}: {n} {kind} {org}" for n, kind, org in sorted(triples)]
    return lines


def report(
    documents: list[Document], gazetteer: Gazetteer, show: str = ""
) -> list[str]:
    """One line per part and language, and details of the documents of part `show`."""
    scores = [score_document(d, gazetteer) for d in documents]
    lines: list[str] = []
    for score in scores:
        if show and score.document.part == show:
            lines.extend(details(score))
    for (part, lang), total in sorted(totals(scores).items()):
        lines.append(_line(f"{part} {lang}", total))
    return lines
