"""Benchmark: how far two readers' gold for the same documents agree.

Usage: python bench/ingest_agreement.py [--first data/ingest/corpus]
           [--second data/ingest/agreement] [--details]

Every document folder of SECOND (a second reader's `gold.yaml`, written by hand by
the rules of docs/ingest.md, "Corpus") is scored against the same folder of FIRST,
the reference, by `partnerships/ingest/agreement.py`: organisations per paragraph,
engagement triples (paragraph, kind, organisation) and the same pairs without the
kind, each as precision / recall / F1 summed over the documents of a language, and
over both. `--details` lists, per document, what each reader has that the other has
not (development documents only). Nothing is run on the texts and nothing is
asserted; the figures are the human ceiling the reader's targets are read against.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerships.settings")

LABELS = {
    "organisations": "organisations",
    "engagements": "engagements (paragraph, kind, organisation)",
    "pairs": "engagements without kind (paragraph, organisation)",
}


def _line(label: str, score) -> str:
    return (
        f"  {label}: P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f} "
        f"({score.right} of the second's {score.predicted} in the first, "
        f"{score.found} of the first's {score.expected} in the second)"
    )


def _details(first_dir: Path, second_dir: Path) -> None:
    from partnerships.ingest.agreement import differences, read_annotation

    for path in sorted(second_dir.glob("*/gold.yaml")):
        first = read_annotation(first_dir / path.parent.name / "gold.yaml")
        if first.part != "dev":
            continue
        diff = differences(first.gold, read_annotation(path).gold)
        print(f"{first.name}:")
        for number, (missed, added) in diff.organisations.items():
            print(f"  {number}: first only {missed}, second only {added}")
        for label, triples in (
            ("first only", diff.first_triples),
            ("second only", diff.second_triples),
        ):
            for number, kind, org in triples:
                print(f"  engagement, {label}: {number} {kind} {org}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--first", type=Path, default=ROOT / "data/ingest/corpus")
    parser.add_argument("--second", type=Path, default=ROOT / "data/ingest/agreement")
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args()

    import django

    django.setup()
    from partnerships.ingest.agreement import compare_folders, totals

    documents = compare_folders(args.first, args.second)
    if args.details:
        _details(args.first, args.second)
    for group, scores in totals(documents).items():
        count = sum(1 for d in documents if group in ("all", d.lang))
        print(f"{group} ({count} documents):")
        for measure, label in LABELS.items():
            print(_line(label, scores[measure]))


if __name__ == "__main__":
    main()
