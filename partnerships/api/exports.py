"""Engagements as CSV, Excel or IATI, streamed:
`/api/engagements/export/?fmt=csv|xlsx|iati` with the list's filters.

The file is a registered exporter's (`core.exporters`): `engagements` for the
sheets, `iati-activities` for IATI 2.03 XML, given the engagements the reader
may see that match the filters (the exporters apply the reader's visibility
again to what hangs off them). Each is read in chunks from the database and
handed out in pieces: CSV and IATI as they are written, Excel written row by
row in openpyxl's write-only mode to a temporary file that is then sent in
pieces. Memory stays flat however many engagements there are
(bench/export_stream.py measures it).
"""

from __future__ import annotations

from collections.abc import Iterator

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.views import APIView

from partnerships.api.base import ActorMixin
from partnerships.cooperation.filters import EngagementFilter
from partnerships.cooperation.visibility import engagements_visible_to
from partnerships.core.actor import Actor
from partnerships.core.exporters import Chunks, exporter, primed_chunks
from partnerships.registry.visibility import organisations_visible_to

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx", "iati")


class Refused(Exception):
    """Nothing to export: answered with 422 and the sentence."""


def _iati(actor: Actor, chosen: QuerySet) -> tuple[Iterator[bytes], str, str]:
    activities = exporter("iati-activities")
    if not chosen.exists():
        raise Refused(
            _("No engagement you may see matches: there is nothing to export.")
        )
    reporting = organisations_visible_to(actor).filter(key=settings.IATI_REPORTING_ORG)
    if not reporting.exists():
        raise Refused(
            _(
                "IATI files name their reporting organisation, %(key)s, which is "
                "not in the registry."
            )
            % {"key": settings.IATI_REPORTING_ORG}
        )
    pieces = activities.chunks(actor, engagements=chosen, reporting_org=reporting[0])
    try:
        primed = primed_chunks(pieces)
    except activities.refusals as refusal:
        raise Refused(str(refusal)) from refusal
    return primed, activities.content_type(), "engagements.xml"


def _sheet(actor: Actor, chosen: QuerySet, fmt: str) -> tuple[Chunks, str, str]:
    sheet = exporter("engagements")
    pieces = sheet.chunks(actor, queryset=chosen, fmt=fmt)
    return pieces, sheet.content_type(fmt=fmt), sheet.filename(fmt=fmt)


class EngagementExport(ActorMixin, APIView):
    """The engagements the reader may see that match the filters."""

    @extend_schema(
        summary="Engagements as CSV, Excel or IATI 2.03 XML, streamed, with the "
        "list's filters",
        parameters=[OpenApiParameter("fmt", OpenApiTypes.STR, enum=list(FORMATS))],
        responses={
            (200, "text/csv"): OpenApiTypes.BINARY,
            (200, XLSX): OpenApiTypes.BINARY,
            (200, "application/xml"): OpenApiTypes.BINARY,
            (422, "text/plain"): OpenApiTypes.STR,
        },
    )
    def get(self, request: Request) -> HttpResponse:
        fmt = request.query_params.get("fmt", "csv")
        if fmt not in FORMATS:
            return HttpResponse("fmt is csv, xlsx or iati.", status=400)
        visible = engagements_visible_to(self.actor)
        chosen = EngagementFilter(
            request.query_params, queryset=visible, actor=self.actor
        )
        if not chosen.is_valid():
            return HttpResponse(str(chosen.errors), status=400)
        try:
            if fmt == "iati":
                pieces, content_type, filename = _iati(self.actor, chosen.qs)
            else:
                pieces, content_type, filename = _sheet(self.actor, chosen.qs, fmt)
        except Refused as refusal:
            return HttpResponse(
                str(refusal), status=422, content_type="text/plain; charset=utf-8"
            )
        response = StreamingHttpResponse(pieces, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
