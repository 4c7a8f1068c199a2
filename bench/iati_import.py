"""Benchmark: `partnerships import-iati` against a bare lxml streaming parse and iatikit.

Usage:
    python bench/iati_import.py [--mb 50] [--postgres postgres://USER@HOST:PORT/DB]
                                [--database-prefix NAME]
    make bench-iati

Builds an IATI 2.03 file of at least --mb megabytes by repeating the activities
of the real published files of tests/interop/data/real (a copy of
shared/iati/real; 24 activities of 13 publishers, comments removed) under new
identifiers, then measures on that one file, each in a child process of its own
so that peak memory is its own (VmHWM, the resident set's high-water mark):

1. a bare lxml iterparse of the activities, each element cleared once read
   (the best of --repeat runs);
2. iatikit iterating the file's activities, the best of --repeat runs, when
   it is installed: in this environment (the `bench` extra,
   `.venv/bin/pip install -e '.[bench]'`) or in the Python interpreter named
   by --iatikit-python (or $BENCH_IATIKIT_PYTHON), e.g. a virtual environment
   of its own; otherwise the run says plainly that it was not measured;
3. the import with its database writes into a fresh SQLite database, and with
   --postgres into a fresh PostgreSQL database created next to the one named
   (and dropped afterwards), the best of --repeat runs, each into a new copy
   of a migrated database; then the same file again (0 rows written).

Targets (docs/iati.md): the import within 5x the bare parse's time on SQLite
and 8x on PostgreSQL; peak memory under 150 MB whatever the file's size.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
# The real published files (their sources: SOURCES.md in that folder).
REAL = ROOT / "tests/interop/data/real"
MARK = "@@identifier@@"


def build(path: Path, megabytes: float) -> int:
    """Write the file; returns its number of activities.

    Every activity of every file of REAL, as published, is repeated in turn; in
    each copy the `iati-identifier` gets a suffix (`-r0000001`), so every
    activity of the file is a new one.
    """
    from lxml import etree

    parser = etree.XMLParser(remove_comments=True, resolve_entities=False)
    parts = []
    for source in sorted(REAL.glob("*.xml")):
        for activity in etree.parse(str(source), parser).getroot():
            if activity.tag != "iati-activity":
                continue
            element = activity.find("iati-identifier")
            identifier, element.text = escape(element.text.strip()), MARK
            before, after = etree.tostring(activity, encoding="unicode").split(MARK)
            parts.append((before, identifier, after.rstrip()))
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<iati-activities version="2.03" generated-datetime="2024-01-01T00:00:00Z">\n'
    )
    target = int(megabytes * 2**20)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        written = len(head)
        while written < target:
            for before, identifier, after in parts:
                text = f"{before}{identifier}-r{count:07d}{after}\n"
                out.write(text)
                written += len(text.encode())
                count += 1
        out.write("</iati-activities>\n")
    return count


def peak_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_bare(path: Path) -> dict:
    from lxml import etree

    started = time.perf_counter()
    count = 0
    for _, element in etree.iterparse(
        str(path), events=("end",), tag="iati-activity", resolve_entities=False
    ):
        count += 1
        element.clear(keep_tail=False)
        while element.getprevious() is not None:
            del element.getparent()[0]
    return {"activities": count, "seconds": time.perf_counter() - started}


def run_iatikit(path: Path) -> dict:
    from importlib.metadata import version

    import iatikit

    started = time.perf_counter()
    count = sum(1 for _ in iatikit.Dataset(str(path)).activities)
    return {
        "activities": count,
        "seconds": time.perf_counter() - started,
        "version": version("iatikit"),
    }


def iatikit_python(given: str) -> tuple[str | None, str]:
    """The interpreter that has iatikit (this one first, then `given`), or None
    and why not."""
    for python in (sys.executable, given):
        if not python:
            continue
        found = subprocess.run(
            [python, "-c", "import iatikit"], capture_output=True, check=False
        )
        if found.returncode == 0:
            return python, ""
    where = f"here nor in {given}" if given else "in this environment"
    return None, (
        f"iatikit is not installed {where}: NOT MEASURED. Install the bench "
        "extra (.venv/bin/pip install -e '.[bench]') or name an interpreter that "
        "has it (--iatikit-python or BENCH_IATIKIT_PYTHON)."
    )


class DatabaseClock:
    """Wall time spent inside the database's own work during an import: on
    SQLite the statements of `core/bulk_sql` (run through the driver's C
    functions directly) and every commit; on PostgreSQL every commit, where the
    server checks the deferred foreign keys of every row written (COPY itself
    runs beside the importing process, so its share shows as wall time above
    the process's CPU time). A floor for the import: no change to the Python
    takes the database below it."""

    def __init__(self) -> None:
        self.statements = self.commits = 0.0

    def install(self) -> DatabaseClock:
        import sqlite3
        from types import SimpleNamespace

        from django.db import connections

        from partnerships.core import bulk_sql

        connection = connections["default"]

        def timed(call, field):
            def run(*args, **kwargs):
                started = time.perf_counter()
                try:
                    return call(*args, **kwargs)
                finally:
                    spent = time.perf_counter() - started
                    setattr(self, field, getattr(self, field) + spent)

            return run

        if connection.vendor == "sqlite":
            bulk_sql.sqlite3 = SimpleNamespace(
                Cursor=SimpleNamespace(
                    execute=timed(sqlite3.Cursor.execute, "statements"),
                    executemany=timed(sqlite3.Cursor.executemany, "statements"),
                )
            )
        kind = type(connection)
        kind._commit = timed(kind._commit, "commits")
        return self


def run_import(path: Path) -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerships.settings")
    django.setup()
    from partnerships.interop.iati.importer import import_file

    clock = DatabaseClock().install()
    started, cpu = time.perf_counter(), cpu_seconds()
    summary = import_file(path)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    statements, commits = clock.statements, clock.commits
    again, again_cpu = time.perf_counter(), cpu_seconds()
    second = import_file(path)
    again_cpu = cpu_seconds() - again_cpu
    return {
        "activities": summary.read,
        "seconds": seconds,
        "cpu": cpu,
        "database_statements": statements,
        "database_commits": commits,
        "created": summary.created,
        "skipped": len(summary.skipped),
        "rows": summary.writes,
        "again_seconds": time.perf_counter() - again,
        "again_rows": second.writes,
        "again_cpu": again_cpu,
        "again_unchanged": second.unchanged,
    }


RUNNERS = {"bare": run_bare, "iatikit": run_iatikit, "import": run_import}


def cpu_seconds() -> float:
    """This process's CPU time (user and system): what a busy machine's other
    work does not add to, unlike the wall clock."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child(kind: str, path: Path) -> None:
    before = cpu_seconds()
    result = RUNNERS[kind](path)
    result.setdefault("cpu", cpu_seconds() - before)
    result["peak_mib"] = peak_mib()
    print(json.dumps(result))


def measure(
    kind: str,
    path: Path,
    env: dict[str, str] | None = None,
    repeat: int = 1,
    python: str = sys.executable,
) -> dict:
    """The fastest of `repeat` runs, each in a new process (a shared machine's
    noise only ever adds time)."""
    runs = [_once(kind, path, env, python) for _ in range(repeat)]
    return min(runs, key=lambda run: run["seconds"])


def _once(
    kind: str, path: Path, env: dict[str, str] | None, python: str = sys.executable
) -> dict:
    done = subprocess.run(
        [python, __file__, "--child", kind, str(path)],
        env=env or dict(os.environ),
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"the {kind} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def migrate(env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "partnerships", "migrate", "-v0"],
        env=env,
        cwd=ROOT,
        check=True,
    )


def line(label: str, result: dict, bare: dict | None) -> str:
    rate = result["activities"] / result["seconds"]
    ratio = f"{result['seconds'] / bare['seconds']:5.1f}x" if bare else "   1.0x"
    cpu = f"{result['cpu'] / bare['cpu']:5.1f}x" if bare else "   1.0x"
    return (
        f"{label:<24} {result['activities']:>8} {result['seconds']:9.2f} s "
        f"{rate:9.0f}/s  {ratio}  cpu {result['cpu']:7.2f} s {cpu}  "
        f"peak {result['peak_mib']:6.0f} MiB  (load {os.getloadavg()[0]:.1f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=50.0, help="file size (MB)")
    parser.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES_URL", ""))
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of the parses (the best counts)"
    )
    parser.add_argument(
        "--iatikit-python",
        default=os.environ.get("BENCH_IATIKIT_PYTHON", ""),
        help="a Python interpreter that has iatikit, when this one has not",
    )
    parser.add_argument(
        "--database-prefix",
        default=os.environ.get("BENCH_DATABASE_PREFIX", "partnerships_bench_iati"),
        help="the PostgreSQL databases made (and dropped) are named PREFIX_<pid>...",
    )
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench-activities.xml"
        count = build(path, args.mb)
        size = path.stat().st_size / 2**20
        print(f"file: {count} activities, {size:.1f} MiB ({path.name})")
        print(f"machine: {os.cpu_count()} cores, {load()}")
        print(
            f"{'':<24} {'acts':>8} {'time':>11} {'rate':>11}  ratio  "
            "process CPU (ratio)  memory"
        )
        bare = measure("bare", path, repeat=args.repeat)
        print(line("lxml iterparse (bare)", bare, None))
        python, why = iatikit_python(args.iatikit_python)
        if python is None:
            print(f"{'iatikit':<24} {why}")
        else:
            kit = measure("iatikit", path, repeat=args.repeat, python=python)
            print(line(f"iatikit {kit['version']}", kit, bare))
        imported = sqlite(Path(folder), path, args.repeat)
        print(line("import, SQLite", imported, bare))
        print(floor(imported, bare))
        print(again(imported))
        if args.postgres:
            result = postgres(args.postgres, path, args.repeat, args.database_prefix)
            print(line("import, PostgreSQL", result, bare))
            print(floor(result, bare))
            print(again(result))
        print(f"machine: {load()}")


def load() -> str:
    """The load average now: other work on the machine adds to the wall time."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


def floor(result: dict, bare: dict) -> str:
    """The database's own share of the first import, against the bare parse."""
    statements, commits = result["database_statements"], result["database_commits"]
    waited = max(0.0, result["seconds"] - result["cpu"])
    own = statements + commits
    return (
        f"  (the database's own work: statements {statements:.2f} s + commit "
        f"{commits:.2f} s = {own:.2f} s, {own / bare['seconds']:.1f}x the bare parse; "
        f"wall time above the process's CPU {waited:.2f} s)"
    )


def again(result: dict) -> str:
    return (
        f"  (created {result['created']}, skipped {result['skipped']}, "
        f"{result['rows']} rows written; the same file again: "
        f"{result['again_seconds']:.2f} s, cpu {result['again_cpu']:.2f} s "
        f"({result['again_cpu'] / result['cpu']:.0%} of the first), "
        f"{result['again_unchanged']} unchanged, {result['again_rows']} rows written)"
    )


def sqlite(folder: Path, path: Path, repeat: int) -> dict:
    """The best of `repeat` imports, each into a fresh copy of a migrated database."""
    template = folder / "template.sqlite3"
    migrate({**os.environ, "DATABASE_URL": f"sqlite:///{template}"})
    runs = []
    for n in range(repeat):
        database = folder / f"run-{n}.sqlite3"
        shutil.copyfile(template, database)
        runs.append(
            _once(
                "import", path, {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
            )
        )
        database.unlink()
    return min(runs, key=lambda run: run["seconds"])


def postgres(url: str, path: Path, repeat: int, prefix: str) -> dict:
    """The same on PostgreSQL: fresh databases made from a migrated template."""
    import psycopg

    base = url.rsplit("/", 1)[0]
    template = f"{prefix}_{os.getpid()}"
    names = [template] + [f"{template}_{n}" for n in range(repeat)]

    def sql(statement: str) -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(statement)

    sql(f'CREATE DATABASE "{template}"')
    try:
        migrate({**os.environ, "DATABASE_URL": f"{base}/{template}"})
        runs = []
        for name in names[1:]:
            sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
            env = {**os.environ, "DATABASE_URL": f"{base}/{name}"}
            runs.append(_once("import", path, env))
            sql(f'DROP DATABASE "{name}" WITH (FORCE)')
        return min(runs, key=lambda run: run["seconds"])
    finally:
        for name in names:
            sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
