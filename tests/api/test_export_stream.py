"""Engagement exports stream (issue 16, item 5): CSV goes out in pieces, Excel is
written in openpyxl's write-only mode; both follow the list's filters and the
reader's visibility, and hold what the registered exporter's rows hold."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from partnerships.core.actor import ANONYMOUS
from partnerships.core.exporters import exporter

pytestmark = pytest.mark.django_db
URL = "/api/engagements/export/"


def _csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


def test_the_csv_streams_what_the_reader_may_see(records, client_for):
    response = client_for("anonymous").get(URL)
    assert response.status_code == 200 and response.streaming
    rows = _csv_rows(response)
    keys = {row[0] for row in rows[1:]}
    assert "matrix-published" in keys
    assert not keys & {"matrix-unpublished", "matrix-confidential"}
    _, _, whole = exporter("engagements").render(ANONYMOUS)
    assert rows == list(csv.reader(io.StringIO(whole.decode("utf-8-sig"))))


def test_the_export_follows_the_filters(records, client_for):
    rows = _csv_rows(client_for("administrator").get(f"{URL}?q=zebrafinch"))
    assert sorted(row[0] for row in rows[1:]) == sorted(
        f"matrix-{state}"
        for state in ("published", "unpublished", "confidential", "confidential-asia")
    )


def test_the_excel_export_is_written_row_by_row(records, client_for):
    response = client_for("administrator").get(f"{URL}?fmt=xlsx&q=zebrafinch")
    assert response.status_code == 200
    assert response.streaming
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(book["engagements"].iter_rows(values_only=True))
    assert rows[0][0] == "key" and len(rows) == 5


def test_an_unknown_format_is_a_400(client_for):
    assert client_for("anonymous").get(f"{URL}?fmt=pdf").status_code == 400
