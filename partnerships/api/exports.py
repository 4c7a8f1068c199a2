"""Engagements as CSV or Excel, streamed: `/api/engagements/export/?fmt=csv|xlsx`
with the list's filters.

The file is the registered `engagements` exporter's (`core.exporters`), read in
chunks from the database and handed out in pieces: CSV as it is written, Excel
written row by row in openpyxl's write-only mode to a temporary file that is then
sent in pieces and closed when the response ends. Memory stays flat however many
engagements there are (bench/export_stream.py measures it).
"""

from __future__ import annotations

from django.http import HttpResponse, StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.views import APIView

from partnerships.api.base import ActorMixin
from partnerships.cooperation.filters import EngagementFilter
from partnerships.cooperation.visibility import engagements_visible_to
from partnerships.core.exporters import exporter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class EngagementExport(ActorMixin, APIView):
    """The engagements the reader may see that match the filters."""

    @extend_schema(
        summary="Engagements as CSV or Excel, streamed, with the list's filters",
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
        response = StreamingHttpResponse(
            sheet.chunks(self.actor, queryset=chosen.qs, fmt=fmt),
            content_type=sheet.content_type(fmt=fmt),
        )
        filename = sheet.filename(fmt=fmt)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
