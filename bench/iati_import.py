"""Benchmark: `partnerships import-iati` on large synthetic files; memory stays flat.

Usage: python bench/iati_import.py [--sizes 2000 20000]
For each N, writes a synthetic IATI 2.03 file of N activities, migrates a new
SQLite database and imports the file in a child process, then prints the file
size, wall time, activities per second and the child's peak RSS
(resource.getrusage). The reader frees each activity once imported, so peak RSS
should barely move between N and 10 N.
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
ORGS = 50
COUNTRIES = ("KE", "BR", "IN", "EG", "MX", "PH", "ZA", "ID")
SECTORS = ("43031", "16030", "43060", "15112", "11110")

ACTIVITY = """ <iati-activity xml:lang="en" default-currency="USD">
  <iati-identifier>XM-BENCH-{n:07d}</iati-identifier>
  <reporting-org ref="XM-BENCH" type="40"><narrative>Bench publisher</narrative></reporting-org>
  <title><narrative>Synthetic activity {n}</narrative><narrative xml:lang="fr">Activité {n}</narrative></title>
  <description type="1"><narrative>A synthetic activity for the import benchmark, number {n}.</narrative></description>
  <participating-org ref="XM-BENCH-ORG-{a}" role="1" type="10"><narrative>Funder {a}</narrative></participating-org>
  <participating-org ref="XM-BENCH-ORG-{b}" role="4" type="21"><narrative>Implementer {b}</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date iso-date="2020-01-{day:02d}" type="2"/>
  <activity-date iso-date="2024-12-31" type="3"/>
  <recipient-country code="{country}"/>
  <sector vocabulary="1" code="{sector}"/>
  <transaction>
   <transaction-type code="11"/>
   <transaction-date iso-date="2020-02-01"/>
   <value currency="USD" value-date="2020-02-01">{amount}</value>
   <provider-org ref="XM-BENCH-ORG-{a}" type="10"><narrative>Funder {a}</narrative></provider-org>
  </transaction>
 </iati-activity>
"""


def write_file(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write('<iati-activities version="2.03">\n')
        for n in range(count):
            out.write(
                ACTIVITY.format(
                    n=n,
                    a=n % ORGS,
                    b=(n * 7 + 3) % ORGS,
                    day=n % 28 + 1,
                    country=COUNTRIES[n % len(COUNTRIES)],
                    sector=SECTORS[n % len(SECTORS)],
                    amount=1000 + n,
                )
            )
        out.write("</iati-activities>\n")


def child(path: Path) -> None:
    """Run inside a fresh process: import the file, print time and peak RSS."""
    import resource

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerships.settings")
    django.setup()
    from partnerships.interop.iati.importer import import_file

    started = time.perf_counter()
    summary = import_file(path)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{summary.read} {summary.created} {len(summary.skipped)} {elapsed} {peak}")


def measure(count: int, folder: Path) -> None:
    path = folder / f"bench-{count}.xml"
    write_file(path, count)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder / f'db-{count}.sqlite3'}"}
    cli = [sys.executable, "-m", "partnerships"]
    subprocess.run([*cli, "migrate", "-v0"], env=env, cwd=ROOT, check=True)
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(path)],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    read, created, skipped, elapsed, peak = done.stdout.split()
    print(
        f"N={count:>7}  file {path.stat().st_size / 2**20:7.1f} MiB  read {read} "
        f"created {created} skipped {skipped}  {float(elapsed):7.1f} s  "
        f"{int(read) / float(elapsed):6.0f} activities/s  "
        f"peak RSS {int(peak) / 1024:.0f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory() as folder:
        for count in args.sizes:
            measure(count, Path(folder))


if __name__ == "__main__":
    main()
