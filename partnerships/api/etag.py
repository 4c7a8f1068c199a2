"""ETags carry a record's version; If-Match must name the version a change is based on."""

from __future__ import annotations

import re

from rest_framework.request import Request

from partnerships.api.errors import PreconditionRequired

_TAG = re.compile(r'^\s*(?:W/)?"v(\d+)"\s*$')


def etag_of(version: int) -> str:
    return f'"v{version}"'


def expected_version(request: Request) -> int:
    header = request.headers.get("If-Match", "")
    match = _TAG.match(header)
    if not match:
        raise PreconditionRequired()
    return int(match.group(1))


def not_modified(request: Request, version: int) -> bool:
    return request.headers.get("If-None-Match", "").strip() == etag_of(version)
