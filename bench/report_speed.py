"""Benchmark: time to compose and render the periodic report, per format and language.

Usage: python bench/report_speed.py [--scale 50] [--langs zh,en,ar] [--formats md,html,docx,pdf]

Two registries, each in a new temporary SQLite database:
1. the demo data (the seed report, 2017-2018);
2. the demo data plus synthetic organisations and engagements (`partnerships synth`)
   so that the registry holds SCALE times as many of each (default 50).

For each it composes the 2017-2018 report as the public sees it (one stored run: the
snapshot), then renders that run in each language and format, and prints one line
per step: seconds, the size of the output, and how many engagements and paragraphs
the report holds. Not part of the tests; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "partnerships"]


def prepare(var_dir: Path, scale: int) -> None:
    env = {**os.environ, "PARTNERSHIPS_VAR_DIR": str(var_dir)}
    env.pop("DATABASE_URL", None)
    for args in (["migrate", "-v0"], ["load-demo"]):
        subprocess.run(CLI + args, env=env, check=True, capture_output=True, cwd=ROOT)
    if scale > 1:
        orgs, engagements = 228 * (scale - 1), 191 * (scale - 1)
        started = time.perf_counter()
        subprocess.run(
            CLI
            + [
                "synth",
                "--mix",
                "--organisations",
                str(orgs),
                "--engagements",
                str(engagements),
            ],
            env=env,
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        print(
            f"  synth: +{orgs} organisations, +{engagements} engagements "
            f"in {time.perf_counter() - started:.1f} s",
            flush=True,
        )


def measure(var_dir: Path, langs: list[str], formats: list[str]) -> None:
    code = f"""
import time, django
django.setup()
from partnerships.core.actor import ANONYMOUS
from partnerships.reports.compose import compose
from partnerships.reports.demo import seed_report
from partnerships.reports.render import render
from partnerships.reports.services import create_run
started = time.perf_counter()
run = create_run(seed_report(), ANONYMOUS)
composed = compose(run.snapshot)
print(f"  compose (collect + place + store the run): {{time.perf_counter() - started:6.2f}} s"
      f"  {{len(run.snapshot['engagements'])}} engagements, "
      f"{{len(composed.paragraphs())}} paragraphs", flush=True)
for lang in {langs!r}:
    for fmt in {formats!r}:
        started = time.perf_counter()
        data = render(run.snapshot, lang, fmt)
        print(f"  {{lang}} {{fmt:<4}} {{time.perf_counter() - started:6.2f}} s  "
              f"{{len(data) / 1024:8.0f}} KiB", flush=True)
"""
    env = {
        **os.environ,
        "PARTNERSHIPS_VAR_DIR": str(var_dir),
        "DJANGO_SETTINGS_MODULE": "partnerships.settings",
    }
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, "-c", code], env=env, check=True, cwd=ROOT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, default=50)
    parser.add_argument("--langs", default="zh,en,ar")
    parser.add_argument("--formats", default="md,html,docx,pdf")
    args = parser.parse_args()
    langs, formats = args.langs.split(","), args.formats.split(",")
    for scale in (1, args.scale):
        with tempfile.TemporaryDirectory(prefix="report-bench-") as folder:
            print(f"registry x{scale} (SQLite):", flush=True)
            prepare(Path(folder), scale)
            measure(Path(folder), langs, formats)


if __name__ == "__main__":
    main()
