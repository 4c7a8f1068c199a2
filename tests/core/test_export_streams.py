"""Exports stream (issue 16, item 5): every export of the registry hands out its
file in pieces from a generator, reading its rows as it goes, so that memory does
not grow with the number of records. Structural checks; the figures (time and
peak memory for a million rows) are bench/export_stream.py's."""

from __future__ import annotations

import csv
import inspect
import io
import zipfile

import openpyxl
import pytest
from lxml import etree
from openpyxl import load_workbook

from partnerships.cooperation.models import Engagement
from partnerships.core import tables
from partnerships.core.actor import ANONYMOUS, system_actor
from partnerships.core.exporters import exporter
from partnerships.interop.iati import export as iati_export
from partnerships.registry.models import Organisation

pytestmark = pytest.mark.django_db
ADMIN = system_actor("test")


class Counted:
    """Rows made on demand, counting how many were taken."""

    def __init__(self, count: int) -> None:
        self.count, self.taken = count, 0

    def __iter__(self):
        for number in range(self.count):
            self.taken += 1
            yield [f"row-{number}", "=1+1", number, None, "x" * 40]


def test_csv_hands_out_pieces_before_it_has_read_every_row():
    rows = Counted(20_000)
    pieces = tables.csv_chunks(["key", "formula", "n", "none", "text"], rows)
    assert inspect.isgenerator(pieces)
    first = next(pieces)
    assert 0 < rows.taken < rows.count
    body = (first + b"".join(pieces)).decode("utf-8-sig")
    read = list(csv.reader(io.StringIO(body)))
    assert len(read) == 20_001 and rows.taken == rows.count
    assert read[5] == ["row-4", "'=1+1", "4", "", "x" * 40]


def test_a_workbook_is_written_in_write_only_mode_and_read_back_in_pieces(
    monkeypatch,
):
    made = []
    real = openpyxl.Workbook

    def spy(*args, **kwargs):
        made.append(kwargs.get("write_only"))
        return real(*args, **kwargs)

    # tables imports openpyxl when it writes a workbook: the spy stands in there.
    monkeypatch.setattr(openpyxl, "Workbook", spy)
    monkeypatch.setattr(tables, "file_chunks", _small_pieces(tables.file_chunks))
    rows = Counted(3_000)
    sheet = tables.Sheet("t", ["key", "formula", "n", "none", "text"], rows)
    pieces = tables.xlsx_chunks([sheet])
    assert made == [True]
    body = list(pieces)
    assert len(body) > 1
    book = load_workbook(io.BytesIO(b"".join(body)))
    read = list(book["t"].iter_rows(values_only=True))
    assert len(read) == 3_001
    assert read[1] == ("row-0", "=1+1", 0, None, "x" * 40)
    assert book["t"]["B2"].data_type == "s"


def _small_pieces(file_chunks):
    def small(spool):
        spool.seek(0)
        try:
            while piece := spool.read(4096):
                yield piece
        finally:
            spool.close()

    return small


@pytest.mark.parametrize("name", ["organisations", "engagements", "participations"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_each_sheet_export_is_a_generator_of_its_file(name, fmt):
    sheet = exporter(name)
    pieces = sheet.chunks(ADMIN, fmt=fmt)
    assert inspect.isgenerator(pieces)
    body = b"".join(pieces)
    expected = sheet.rows(ADMIN)
    keys = [row[0] for row in expected]
    if fmt == "csv":
        read = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))[1:]
    else:
        read = list(load_workbook(io.BytesIO(body))[name].iter_rows(values_only=True))
        read = read[1:]
    assert [row[0] for row in read] == keys and keys


def test_the_csv_bundle_streams_its_zip(monkeypatch):
    monkeypatch.setattr(tables, "PIECE", 2048)
    pieces = exporter("csv-bundle").chunks(ADMIN)
    assert inspect.isgenerator(pieces)
    parts = list(pieces)
    assert len([p for p in parts if p]) > 3
    bundle = zipfile.ZipFile(io.BytesIO(b"".join(parts)))
    for name in ("organisations", "engagements", "participations"):
        assert bundle.read(f"{name}.csv") == exporter(name).render(ADMIN)[2]


def test_iati_activities_go_out_a_piece_at_a_time(monkeypatch):
    monkeypatch.setattr(iati_export, "PIECE", 1)
    agency = Organisation.objects.get(key="UN-Habitat")
    pieces = exporter("iati-activities").chunks(ADMIN, reporting_org=agency)
    assert inspect.isgenerator(pieces)
    parts = list(pieces)
    root = etree.fromstring(b"".join(parts))
    activities = len(root.findall("iati-activity"))
    # lxml hands its buffer on as it fills: many pieces, none near the whole.
    assert 1 < activities <= Engagement.objects.count()
    assert len(parts) > 4 and max(map(len, parts)) < sum(map(len, parts)) / 4


def test_iati_organisations_go_out_a_piece_at_a_time(monkeypatch):
    monkeypatch.setattr(iati_export, "PIECE", 1)
    pieces = exporter("iati-organisations").chunks(ADMIN)
    assert inspect.isgenerator(pieces)
    parts = list(pieces)
    root = etree.fromstring(b"".join(parts))
    assert len(root.findall("iati-organisation")) > 1 and len(parts) > 1


def test_the_command_validates_one_activity_at_a_time(tmp_path):
    from partnerships.interop.iati import validate

    agency = Organisation.objects.get(key="UN-Habitat")
    path = tmp_path / "a.xml"
    with path.open("wb") as stream:
        exporter("iati-activities").write(stream, ANONYMOUS, reporting_org=agency)
    assert validate.validate_activities(path) == []
    broken = path.read_bytes().replace(b"<activity-status", b"<activity-statue", 1)
    path.write_bytes(broken)
    errors = validate.validate_activities(path)
    assert errors and all(e.startswith("line ") for e in errors)
