"""Benchmark: how fast `partnerships synth` fills an empty database.

Usage: python bench/synth_speed.py [--organisations N] [--engagements M]
           [--postgres postgres://postgres@127.0.0.1:5432/postgres]
Prints wall time, rows per second and peak memory for SQLite (a new file) and, if
given, PostgreSQL (a new database created and dropped on that server).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "partnerships"]


def run(args: list[str], database_url: str) -> str:
    env = {**os.environ, "DATABASE_URL": database_url}
    done = subprocess.run(
        [*CLI, *args], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    )
    return done.stdout


def measure(
    label: str, database_url: str, organisations: int, engagements: int
) -> None:
    run(["migrate", "-v0"], database_url)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    out = run(
        [
            "synth",
            f"--organisations={organisations}",
            f"--engagements={engagements}",
            "--seed=1",
        ],
        database_url,
    )
    elapsed = time.perf_counter() - started
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    rows = sum(int(n) for n in re.findall(r"(\d+) [a-z]+[,.]", out.split(":", 1)[1]))
    print(
        f"{label:10} {organisations:>9} organisations {engagements:>9} engagements "
        f"{rows:>9} rows  {elapsed:7.1f} s  {rows / elapsed:9.0f} rows/s  "
        f"peak RSS {peak / 1024:.0f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organisations", type=int, default=100_000)
    parser.add_argument("--engagements", type=int, default=1_000_000)
    parser.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES_URL", ""))
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{tmp}/bench.sqlite3"
            measure("sqlite", url, args.organisations, args.engagements)
    if args.postgres:
        import psycopg

        name = f"partnerships_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(args.postgres, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        try:
            base = args.postgres.rsplit("/", 1)[0]
            measure(
                "postgresql", f"{base}/{name}", args.organisations, args.engagements
            )
        finally:
            with psycopg.connect(args.postgres, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE "{name}"')


if __name__ == "__main__":
    main()
