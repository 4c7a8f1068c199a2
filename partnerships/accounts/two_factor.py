"""Optional two-factor sign-in for staff (django-otp), on when STAFF_TWO_FACTOR.

When on, the back office's login asks for a one-time code from the user's device
(a TOTP app: an administrator adds the device in the back office, "TOTP devices",
and shows its QR code), and the back office and the staff pages accept only a
session verified that way — a session opened with a password alone (for example
at the partners' login) does not reach them.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest
from rest_framework.permissions import BasePermission


def required() -> bool:
    return bool(getattr(settings, "STAFF_TWO_FACTOR", False))


def verified(user: Any) -> bool:
    """Whether the user's session may reach staff pages."""
    if not required():
        return True
    check = getattr(user, "is_verified", None)
    return bool(check and check())


class VerifiedStaff(BasePermission):
    """For the token endpoints: staff make tokens only from a verified session,
    so a password alone cannot get a lasting credential."""

    message = "Sign in with your device's code to manage tokens."

    def has_permission(self, request: Any, view: Any) -> bool:
        from partnerships.accounts.actors import actor_for

        return not actor_for(request.user).is_staff_role or verified(request.user)


class TwoFactorAdminSite(admin.AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and verified(request.user)


def install() -> None:
    """Make the project's admin site ask for a verified session (when required)."""
    admin.site.__class__ = TwoFactorAdminSite
