"""API authentication by personal token: `Authorization: Token <secret>` (or Bearer).

`request.auth` is then the `ApiToken`, so permission classes read its scope from
`request.auth.scope`.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed, PermissionDenied
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request

from partnerships.accounts.models import ApiToken, Scope
from partnerships.accounts.tokens import TokenRefused, token_check

KEYWORDS = (b"token", b"bearer")


class TokenAuthentication(BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        words = get_authorization_header(request).split()
        if not words or words[0].lower() not in KEYWORDS:
            # Another scheme (or none): let the next authentication class try.
            return None
        if len(words) != 2:
            raise AuthenticationFailed(
                _(
                    "Send the token as 'Authorization: Token <secret>', with one "
                    "space and no other words."
                )
            )
        try:
            token = token_check(words[1].decode("ascii"))
        except UnicodeDecodeError:
            raise AuthenticationFailed(_("This API token is unknown.")) from None
        except TokenRefused as exc:
            raise AuthenticationFailed(str(exc)) from None
        if token.scope != Scope.WRITE and request.method not in SAFE_METHODS:
            # The API's permission class checks this too; refusing here as well
            # keeps a view with its own permission_classes from forgetting it.
            raise PermissionDenied(
                _("This API token may only read; make a token with the write scope.")
            )
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return self.keyword


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI schema describes the token (so Swagger UI can send it)."""

    target_class = "partnerships.accounts.authentication.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "pt_<prefix>_<random>",
            "description": (
                "A personal API token, sent as 'Authorization: Token <secret>' or "
                "'Authorization: Bearer <secret>'. A token with the read scope may "
                "only use GET, HEAD and OPTIONS."
            ),
        }
