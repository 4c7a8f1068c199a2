"""Downloads of the portal's lists: the same query string as the page, as CSV or
Excel (partnerships.portal.downloads)."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from partnerships.accounts.actors import actor_for
from partnerships.portal.downloads import DOWNLOADS, csv_lines, excel_file

EXCEL = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_safe
def download(
    request: HttpRequest, name: str, fmt: str
) -> StreamingHttpResponse | FileResponse:
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
