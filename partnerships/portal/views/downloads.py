"""Downloads of the portal's lists: the same query string as the page, as CSV or
Excel (partnerships.portal.downloads)."""

from __future__ import annotations

from django.conf import settings
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from partnerships.accounts.actors import actor_for
from partnerships.core.exporters import exporter, primed_chunks
from partnerships.portal import browse
from partnerships.portal.downloads import DOWNLOADS, csv_lines, excel_file
from partnerships.registry.visibility import organisations_visible_to

EXCEL = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_safe
def download(
    request: HttpRequest, name: str, fmt: str
) -> StreamingHttpResponse | FileResponse | HttpResponse:
    if name == "engagements" and fmt == "xml":
        return iati_download(request)
    table = DOWNLOADS.get(name)
    if table is None or fmt not in ("csv", "xlsx"):
        raise Http404
    params = {key: value for key, value in request.GET.items() if key != "page"}
    base = request.build_absolute_uri("/").rstrip("/")
    rows = table.rows(actor_for(request.user), params, base)
    filename = f"{name}-{timezone.now():%Y-%m-%d}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(
            csv_lines(table, rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    return FileResponse(
        excel_file(table, rows),
        as_attachment=True,
        filename=filename,
        content_type=EXCEL,
    )


def iati_download(request: HttpRequest) -> StreamingHttpResponse | HttpResponse:
    """The engagement list, with the page's filters, as an IATI 2.03 activity file:
    the registered exporter `iati-activities` (core.exporters), given the engagements
    the reader may see; it applies the reader's visibility again to what hangs off
    them. Streamed once its first piece is written, so that a refusal (nothing the
    reader may see can be held in IATI) is a page, not a broken file."""
    actor = actor_for(request.user)
    params = {key: value for key, value in request.GET.items() if key != "page"}
    reporting = organisations_visible_to(actor).filter(key=settings.IATI_REPORTING_ORG)
    export = exporter("iati-activities")
    chosen = browse.engagements_matching(actor, params)
    if not chosen.exists() or not reporting.exists():
        return render(request, "portal/download_refused.html", status=404)
    pieces = export.chunks(actor, engagements=chosen, reporting_org=reporting[0])
    try:
        primed = primed_chunks(pieces)
    except export.refusals as refusal:
        return render(
            request,
            "portal/download_refused.html",
            {"message": str(refusal)},
            status=404,
        )
    response = StreamingHttpResponse(primed, content_type=export.content_type())
    filename = f"engagements-{timezone.now():%Y-%m-%d}.xml"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
