"""Benchmark: the streamed engagement export against the library alone.

Usage: python bench/export_stream.py [--rows 1000000] [--formats csv,xlsx]

For each format it writes ROWS engagement-shaped rows (the 20 columns of the
engagements sheet, made up on the fly) twice: through the API's streaming writers
(`partnerships.api.exports.csv_chunks` and `xlsx_file`, which escape formula-like
text and, for CSV, hand out pieces) and with the library alone (`csv.writer` on a
file, openpyxl's write-only workbook). It prints seconds and the peak of Python
memory (tracemalloc) for each, and the ratio of the times. The rows come from a
generator in both cases, so the database is left out: what is measured is the
export's own cost. Not part of the tests; nothing is asserted.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerships.settings")

COLUMNS = 20


def rows(count: int) -> Iterator[list]:
    for number in range(count):
        yield [
            f"bench-{number}",
            "project",
            "ongoing",
            f"Title of engagement {number}",
            *[""] * 5,
            "2019-03",
            "2021",
            "",
            "KE|TZ",
            "",
            "urban-planning",
            "11.1",
            "",
            "yes",
            "no",
            "",
        ][:COLUMNS]


def measure(write: Callable[[], None]) -> tuple[float, float]:
    tracemalloc.start()
    began = time.perf_counter()
    write()
    seconds = time.perf_counter() - began
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, peak


def ours(fmt: str, count: int, target: Path) -> Callable[[], None]:
    from partnerships.api.exports import csv_chunks, xlsx_file

    header = [f"c{n}" for n in range(COLUMNS)]

    def write() -> None:
        with target.open("wb") as out:
            if fmt == "csv":
                for piece in csv_chunks(header, rows(count)):
                    out.write(piece)
            else:
                with xlsx_file(header, rows(count)) as spool:
                    while piece := spool.read(2**20):
                        out.write(piece)

    return write


def library(fmt: str, count: int, target: Path) -> Callable[[], None]:
    from openpyxl import Workbook

    header = [f"c{n}" for n in range(COLUMNS)]

    def write() -> None:
        if fmt == "csv":
            with target.open("w", encoding="utf-8", newline="") as out:
                writer = csv.writer(out)
                writer.writerow(header)
                writer.writerows(rows(count))
        else:
            book = Workbook(write_only=True)
            sheet = book.create_sheet("engagements")
            sheet.append(header)
            for row in rows(count):
                sheet.append(row)
            book.save(target)

    return write


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--formats", default="csv,xlsx")
    args = parser.parse_args()
    import django

    django.setup()
    with tempfile.TemporaryDirectory() as folder:
        for fmt in args.formats.split(","):
            target = Path(folder) / f"out.{fmt}"
            base_s, base_mb = measure(library(fmt, args.rows, target))
            our_s, our_mb = measure(ours(fmt, args.rows, target))
            print(
                f"{fmt:5} {args.rows:>9} rows  library {base_s:7.1f} s {base_mb:6.1f} MB"
                f"  streamed {our_s:7.1f} s {our_mb:6.1f} MB  ratio {our_s / base_s:4.2f}"
            )


if __name__ == "__main__":
    main()
