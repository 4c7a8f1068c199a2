"""Turning a Django user into the `Actor` the domain's rules take.

This is the one place that reads users, their profiles and roles for the
permission layer; the rules themselves live with the records they guard
(`registry/visibility.py`, `cooperation/visibility.py`, `sources/visibility.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from partnerships.core.actor import ANONYMOUS, Actor, Role


class UnknownUser(Exception):
    """A user named on a command line does not exist or may not act."""


def actor_for(user: object) -> Actor:
    """The actor a Django user is for the permission layer."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ANONYMOUS
    pk = getattr(user, "pk", None)
    if not getattr(user, "is_active", True):
        return ANONYMOUS
    if getattr(user, "is_superuser", False):
        return Actor(role=Role.ADMINISTRATOR, user_id=pk)
    profile = getattr(user, "profile", None)
    if profile is None:
        return Actor(user_id=pk)
    subregions: set[str] = set()
    for region in profile.regions.all():
        subregions.add(region.code)
        subregions.update(region.subregions.values_list("code", flat=True))
    return Actor(
        role=profile.role,
        user_id=pk,
        organisation_id=profile.organisation_id,
        subregions=frozenset(subregions),
        categories=frozenset(profile.categories or []),
    )


def user_named(username: str) -> Any:
    """The active user called `username`; `UnknownUser` (a sentence to show) if
    there is none or it is inactive. The one resolver of `--as USERNAME`."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise UnknownUser(f"There is no user {username!r}.")
    if not user.is_active:
        raise UnknownUser(f"The user {username!r} is inactive.")
    return user


def actor_named(username: str | None) -> Actor:
    """The actor for a command's `--as USERNAME`; without a name, the public."""
    return actor_for(user_named(username)) if username else ANONYMOUS


def command_actor(username: str | None) -> Actor:
    """`actor_named` for management commands: an unknown user is a CommandError."""
    try:
        return actor_named(username)
    except UnknownUser as error:
        raise CommandError(str(error)) from error


class ActorMiddleware:
    """Sets `request.actor`, so that views and the back office of every app read
    who acts without importing this app."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.actor = SimpleLazyObject(lambda: actor_for(request.user))
        return self.get_response(request)
