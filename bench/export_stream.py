"""Benchmark: the streamed exports against the library alone.

Usage: python bench/export_stream.py [--rows 1000000] [--formats csv,xlsx,iati]

For each format it writes ROWS engagements twice to a file, each run in a process
of its own: through the product's streaming path, and with the library alone.

- csv: `core.tables.csv_chunks` (formula-like text made harmless, pieces handed
  out) against `csv.writer` writing the same rows to a file;
- xlsx: `core.tables.xlsx_chunks` (openpyxl write-only workbook with a bold,
  frozen header, typed strings, read back in pieces) against openpyxl's
  write-only workbook with `sheet.append(row)` saved to the file;
- iati: `interop.iati.export.activity_pieces` (the real mapping, `build_activity`,
  through lxml's incremental writer) against lxml's `xmlfile` writing elements
  of the same shape built with `SubElement` from the same engagement objects.

The rows are made on the fly (the 20 columns of the engagements sheet; for IATI
unsaved engagements with a participant, a country and a theme, as the export's
query would prefetch them), so the database is left out: what is measured is the
export's own cost. Printed: wall-clock and CPU seconds and peak resident memory
(the process's `ru_maxrss`) of each, the ratios of the times, and the load
average before and after (on a shared machine the CPU ratio is the fair one).
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerships.settings")

COLUMNS = 20
HEADER = [f"c{n}" for n in range(COLUMNS)]
WHEN = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)


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
            "KE; TZ",
            "",
            "urban-planning",
            "11.1",
            "",
            "yes",
            "no",
            "",
        ][:COLUMNS]


def engagements(count: int) -> Iterator:
    from partnerships.cooperation.models import Engagement, Participation, Place
    from partnerships.registry.models import Identifier, Organisation
    from partnerships.sources.models import SourceDocument  # noqa: F401 - app loaded

    partner = Organisation(pk=1, key="ITDP", name_en="Partner", iati_type_id=21)
    partner._prefetched_objects_cache = {
        "identifiers": [Identifier(scheme="IATI", value="XM-BENCH-1")]
    }
    for number in range(count):
        eng = Engagement(
            pk=number + 1,
            key=f"bench-{number}",
            title_en=f"Title of engagement {number}",
            status="ongoing",
            start_date=dt.date(2019, 3, 1),
            start_precision="month",
            updated_at=WHEN,
        )
        eng._state.fields_cache["published"] = None
        eng._prefetched_objects_cache = {"themes": [], "sdg_targets": []}
        eng.visible_participations = [
            Participation(role="implementer", organisation=partner)
        ]
        for part in eng.visible_participations:
            part.visible_contributions = []
        eng.visible_places = [Place(country_id="KE")]
        eng.visible_money, eng.visible_children, eng.parent_key = [], [], None
        yield eng


def ours(fmt: str, count: int, target: Path) -> None:
    from partnerships.core.tables import Sheet, csv_chunks, xlsx_chunks

    if fmt == "csv":
        pieces = csv_chunks(HEADER, rows(count))
    elif fmt == "xlsx":
        pieces = xlsx_chunks([Sheet("engagements", HEADER, rows(count))])
    else:
        pieces = _iati_pieces(count)
    with target.open("wb") as out:
        for piece in pieces:
            out.write(piece)


def _iati_pieces(count: int) -> Iterator[bytes]:
    from partnerships.interop.iati.activity import Context
    from partnerships.interop.iati.export import activity_pieces
    from partnerships.registry.models import Organisation

    agency = Organisation(pk=2, key="UN-Habitat", name_en="UN-Habitat", iati_type_id=40)
    agency._prefetched_objects_cache = {"identifiers": []}
    ctx = Context(
        reporting_org=agency,
        reporting_ref="XM-DAC-41120",
        generated=WHEN,
        crs_codes=frozenset(),
        on_skip=lambda key, reason: None,
    )
    return activity_pieces(engagements(count), ctx)


def library(fmt: str, count: int, target: Path) -> None:
    if fmt == "csv":
        with target.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(HEADER)
            writer.writerows(rows(count))
    elif fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("engagements")
        sheet.append(HEADER)
        for row in rows(count):
            sheet.append(row)
        book.save(target)
    else:
        _lxml_alone(count, target)


def _lxml_alone(count: int, target: Path) -> None:
    from lxml import etree

    def sub(parent, tag, text=None, **attrs):
        element = etree.SubElement(parent, tag, attrs)
        if text is not None:
            etree.SubElement(element, "narrative").text = text
        return element

    root = {"version": "2.03", "generated-datetime": WHEN.isoformat()}
    with etree.xmlfile(str(target), encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("iati-activities", root):
            for eng in engagements(count):
                activity = etree.Element(
                    "iati-activity", {"last-updated-datetime": WHEN.isoformat()}
                )
                activity.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
                sub(activity, "iati-identifier").text = f"XM-DAC-41120-{eng.key}"
                sub(activity, "reporting-org", "UN-Habitat", type="40")
                sub(activity, "title", eng.title_en)
                sub(activity, "description", eng.title_en, type="1")
                for part in eng.visible_participations:
                    org = part.organisation
                    sub(activity, "participating-org", org.name_en, ref="XM-BENCH-1")
                sub(activity, "activity-status", code="2")
                date = sub(activity, "activity-date", type="2")
                date.set("iso-date", eng.start_date.isoformat())
                sub(date, "narrative").text = "Known to the month only: 2019-03"
                for place in eng.visible_places:
                    sub(activity, "recipient-country", code=place.country_id)
                xf.write(activity, pretty_print=True)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(
    write: Callable[[str, int, Path], None], *args: object
) -> tuple[float, float, float]:
    """Seconds (wall clock and CPU) and peak resident memory (MB) of
    `write(*args)` in a child process. On a machine shared with other work the
    CPU time is the fair figure: the wall clock also counts the waits."""
    read, send = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read)
        began, cpu = time.perf_counter(), _cpu()
        write(*args)
        seconds, cpu = time.perf_counter() - began, _cpu() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        os.write(send, f"{seconds} {cpu} {peak}".encode())
        os._exit(0)
    os.close(send)
    with os.fdopen(read) as answer:
        text = answer.read()
    os.waitpid(child, 0)
    seconds, cpu, peak = text.split()
    return float(seconds), float(cpu), float(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--formats", default="csv,xlsx,iati")
    args = parser.parse_args()
    import django

    django.setup()
    with tempfile.TemporaryDirectory() as folder:
        for fmt in args.formats.split(","):
            target = Path(folder) / f"out.{fmt}"
            load = os.getloadavg()[0]
            base_s, base_cpu, base_mb = measure(library, fmt, args.rows, target)
            size = target.stat().st_size / 2**20
            our_s, our_cpu, our_mb = measure(ours, fmt, args.rows, target)
            print(
                f"{fmt:5} {args.rows:>9} rows"
                f"  library {base_s:7.1f} s ({base_cpu:7.1f} s CPU) {base_mb:4.0f} MB"
                f"  streamed {our_s:7.1f} s ({our_cpu:7.1f} s CPU) {our_mb:4.0f} MB"
                f"  ratio {our_s / base_s:4.2f} (CPU {our_cpu / base_cpu:4.2f})"
                f"  ({size:.0f} MB file by the library; load {load:.1f}"
                f" -> {os.getloadavg()[0]:.1f})",
                flush=True,
            )


if __name__ == "__main__":
    main()
