"""Request-level access for the API; record-level rules live in each domain app's visibility module."""

from __future__ import annotations

from rest_framework.permissions import SAFE_METHODS, BasePermission

from partnerships.accounts.models import Scope


class ScopedAccess(BasePermission):
    """Anyone may read (what they see is filtered by the permission layer); writing
    needs a login, and a token with the `write` scope when a token is used."""

    message = "Writing needs a signed-in user or an API token with the write scope."

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        if not (request.user and request.user.is_authenticated):
            return False
        token = request.auth
        scope = getattr(token, "scope", None)
        return scope is None or scope == Scope.WRITE
