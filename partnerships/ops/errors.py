"""The answer to an error nobody caught. A database that refuses writes (a
read-only replica after a fail-over, a full disk, maintenance) is not a fault
of the request: it gets a 503 with a sentence saying nothing was saved, in the
reader's language (JSON under /api/), instead of a bare 500."""

from __future__ import annotations

import sys

from django.db import InternalError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.defaults import server_error

RETRY_AFTER = "300"  # seconds: a hint to clients and proxies


def is_read_only(error: BaseException | None) -> bool:
    """SQLite: "attempt to write a readonly database"; PostgreSQL: "cannot
    execute INSERT in a read-only transaction"."""
    if not isinstance(error, OperationalError | InternalError):
        return False
    text = str(error).casefold()
    return "readonly" in text or "read-only" in text


def server_error_or_read_only(request: HttpRequest) -> HttpResponse:
    """`handler500`: Django calls it while the error is being handled."""
    if not is_read_only(sys.exc_info()[1]):
        return server_error(request)
    message = _(
        "The registry cannot be changed at the moment: its database accepts no "
        "changes. Nothing was saved. Please try again later."
    )
    headers = {"Retry-After": RETRY_AFTER}
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=503, headers=headers)
    # Rendered without the request: its context processors may need the database.
    page = render_to_string("503.html", {"message": message})
    return HttpResponse(page, status=503, headers=headers)
