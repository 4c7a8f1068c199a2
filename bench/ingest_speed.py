"""Benchmark: time to read the seed report, and a document ten times longer.

Usage: python bench/ingest_speed.py [--times 10]

In a new temporary SQLite database holding only the reference data (`migrate`), it
runs what `partnerships ingest FILE --lang zh` runs, each step timed:

1. building the gazetteer and the segmenter (reference data and registry names);
2. the seed (data/sources/HSP-HA-1-2-Add.2/original.zh.txt): split, extract, store
   the document, its passages and the candidates;
3. a document TIMES as long: the seed's paragraphs repeated, renumbered.

Target (docs/ingest.md): under 5 s for the seed. Not part of the tests; nothing is
asserted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "partnerships"]

CODE = """
import time, django
django.setup()
from pathlib import Path
from partnerships.ingest.gazetteer import build_gazetteer
from partnerships.sources.paragraphs import split_report
from partnerships.ingest.pipeline import Extractor, extract
from partnerships.ingest.services import ingest_text

seed = Path({seed!r}).read_text(encoding="utf-8")
started = time.perf_counter()
gazetteer = build_gazetteer()
Extractor(gazetteer, "zh")
print(f"  gazetteer and segmenter:         {{time.perf_counter() - started:6.2f}} s", flush=True)


def longer(text, times):
    head, body = text.split("\\n## 一、", 1)
    paragraphs = split_report(text, "zh").paragraphs
    lines, number = [head, "## 一、 引言"], 0
    for _ in range(times):
        for p in paragraphs:
            number += 1
            lines.append(f"{{number}}. {{p.text}}")
    return "\\n\\n".join(lines)


for label, text, symbol in (
    ("seed", seed, "BENCH/SEED"),
    ("seed x{times}", longer(seed, {times}), "BENCH/SEED-X{times}"),
):
    started = time.perf_counter()
    layout = split_report(text, "zh")
    split = time.perf_counter() - started
    results = extract(layout, gazetteer, "zh")
    extracted = time.perf_counter() - started - split
    started = time.perf_counter()
    run = ingest_text(text=text, lang="zh", file_name="bench.txt", symbol=symbol,
                      gazetteer=gazetteer)
    total = time.perf_counter() - started
    print(f"  {{label:<14}} {{len(layout.paragraphs):5}} paragraphs, {{len(text):7}} characters: "
          f"split {{split:5.2f}} s, extract {{extracted:5.2f}} s, "
          f"ingest (split + extract + store) {{total:5.2f}} s, "
          f"{{run.stats['organisations']}} organisation and "
          f"{{run.stats['engagements']}} engagement candidates", flush=True)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--times", type=int, default=10)
    args = parser.parse_args()
    seed = ROOT / "data" / "sources" / "HSP-HA-1-2-Add.2" / "original.zh.txt"
    with tempfile.TemporaryDirectory(prefix="ingest-bench-") as folder:
        env = {
            **os.environ,
            "PARTNERSHIPS_VAR_DIR": folder,
            "DJANGO_SETTINGS_MODULE": "partnerships.settings",
        }
        env.pop("DATABASE_URL", None)
        subprocess.run(CLI + ["migrate", "-v0"], env=env, check=True, cwd=ROOT)
        print("registry holding only the reference data (SQLite):", flush=True)
        code = CODE.format(seed=str(seed), times=args.times)
        subprocess.run([sys.executable, "-c", code], env=env, check=True, cwd=ROOT)


if __name__ == "__main__":
    main()
