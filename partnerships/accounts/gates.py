"""The one gate of the staff pages: signed in, and an editor or administrator.

Every staff page (the portal's `/staff/`, the report, the reading of reports, the
IATI upload) is behind it; the services behind those pages check each record
again, so the gate only keeps others from the pages themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from partnerships.accounts import two_factor
from partnerships.accounts.actors import actor_for
from partnerships.core.actor import Actor

View = Callable[..., HttpResponse]


def staff_required(view: View) -> View:
    """Signed-in editors and administrators; others are sent to sign in (when
    anonymous) or refused with 403."""

    @login_required(login_url="login")
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not two_factor.verified(request.user):
            return redirect_to_login(request.get_full_path(), "login")
        actor = actor_for(request.user)
        if not actor.is_staff_role:
            raise PermissionDenied(_("Only editors and administrators may do this."))
        request.actor = actor
        return view(request, *args, **kwargs)

    return wrapped


def staff_actor(request: HttpRequest) -> Actor:
    """The actor of a request that passed `staff_required`."""
    return request.actor
