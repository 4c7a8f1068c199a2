"""Turn the services' errors into HTTP answers with a clear message."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from partnerships.core.errors import NotAllowed, StaleVersion


class PreconditionRequired(APIException):
    status_code = 428
    default_detail = (
        "Send the record's ETag in an If-Match header: changes are only accepted "
        "against the version you read."
    )
    default_code = "precondition_required"


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, StaleVersion):
        response = Response(
            {"detail": str(exc), "current_version": exc.current},
            status=status.HTTP_412_PRECONDITION_FAILED,
        )
        response["ETag"] = f'"v{exc.current}"'
        return response
    if isinstance(exc, NotAllowed):
        return Response({"detail": str(exc)}, status=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, DjangoValidationError):
        detail = (
            exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        )
        return Response(detail, status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)
