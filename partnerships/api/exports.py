"""Engagements as CSV or Excel, streamed: `/api/engagements/export/?fmt=csv|xlsx`
with the list's filters.

The rows are the registered `engagements` exporter's (`core.exporters`), read in
chunks from the database; CSV goes out as it is written (a
`StreamingHttpResponse`), Excel is written by openpyxl in write-only mode to a
temporary file that is then sent. Memory stays flat however many engagements
there are (bench/export_stream.py measures it).
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterable, Iterator
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from openpyxl import Workbook
from rest_framework.request import Request
from rest_framework.views import APIView

from partnerships.api.base import ActorMixin
from partnerships.api.renderers import _safe
from partnerships.cooperation.filters import EngagementFilter
from partnerships.cooperation.visibility import engagements_visible_to
from partnerships.core.actor import ANONYMOUS
from partnerships.core.exporters import exporter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHUNK_ROWS = 500


def _text(value: Any) -> Any:
    if value is None:
        return ""
    return _safe(value) if isinstance(value, str) else value


def csv_chunks(header: list[str], rows: Iterable[list[Any]]) -> Iterator[bytes]:
    """UTF-8 CSV (with a byte-order mark for Excel) in pieces of CHUNK_ROWS rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    out.write("\ufeff")
    writer.writerow(header)
    for number, row in enumerate(rows, start=1):
        writer.writerow([_text(value) for value in row])
        if number % CHUNK_ROWS == 0:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
    yield out.getvalue().encode("utf-8")


def xlsx_file(header: list[str], rows: Iterable[list[Any]]) -> Any:
    """A temporary file holding the workbook, written row by row."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("engagements")
    sheet.append(header)
    for row in rows:
        sheet.append([_text(value) for value in row])
    spool = tempfile.TemporaryFile()
    book.save(spool)
    spool.seek(0)
    return spool


class EngagementExport(ActorMixin, APIView):
    """The engagements the reader may see that match the filters."""

    @extend_schema(
        summary="Engagements as CSV (streamed) or Excel, with the list's filters",
        parameters=[OpenApiParameter("fmt", OpenApiTypes.STR, enum=["csv", "xlsx"])],
        responses={
            (200, "text/csv"): OpenApiTypes.BINARY,
            (200, XLSX): OpenApiTypes.BINARY,
        },
    )
    def get(self, request: Request) -> HttpResponse:
        fmt = request.query_params.get("fmt", "csv")
        if fmt not in ("csv", "xlsx"):
            return HttpResponse("fmt is csv or xlsx.", status=400)
        visible = engagements_visible_to(self.actor)
        chosen = EngagementFilter(
            request.query_params, queryset=visible, actor=self.actor
        )
        if not chosen.is_valid():
            return HttpResponse(str(chosen.errors), status=400)
        sheet = exporter("engagements")
        rows = sheet.rows(self.actor, chosen.qs)
        header = _header()
        if fmt == "xlsx":
            # The rows are written in write-only mode; the finished (compressed)
            # file is sent whole, so no handle outlives the request.
            with xlsx_file(header, rows) as spool:
                response = HttpResponse(spool.read(), content_type=XLSX)
            response["Content-Disposition"] = 'attachment; filename="engagements.xlsx"'
            return response
        response = StreamingHttpResponse(
            csv_chunks(header, rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="engagements.csv"'
        return response


def _header() -> list[str]:
    """The engagements exporter's own header: its CSV of no rows."""
    buffer = io.BytesIO()
    exporter("engagements").write(
        buffer, ANONYMOUS, queryset=engagements_visible_to(ANONYMOUS).none()
    )
    first = buffer.getvalue().decode("utf-8-sig").splitlines()[0]
    return next(csv.reader([first]))
