"""Who acts: a plain value every layer can take without knowing about users.

`accounts` turns a signed-in user into an `Actor`; loaders and imports act as a
named system actor. The domain apps (registry, cooperation, sources) decide from an
actor alone what it may see and change, so they never import `accounts`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models

PUBLIC = "public"


class Role(models.TextChoices):
    FOCAL_POINT = "focal_point", "partner focal point"
    EDITOR = "editor", "editor"
    ADMINISTRATOR = "administrator", "administrator"


@dataclass(frozen=True)
class Actor:
    """An actor's role, and the organisation, regions and categories it speaks for.

    `system` names a process acting on its own authority (a loader, an import run
    from the command line without `--as`): it acts as an administrator, and its
    name is the reason recorded in the history when no other is given.
    """

    role: str = PUBLIC
    user_id: int | None = None
    organisation_id: int | None = None
    subregions: frozenset[str] = field(default_factory=frozenset)
    categories: frozenset[str] = field(default_factory=frozenset)
    can_write_api: bool = True
    system: str = ""

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMINISTRATOR

    @property
    def is_editor(self) -> bool:
        return self.role == Role.EDITOR

    @property
    def is_focal_point(self) -> bool:
        return self.role == Role.FOCAL_POINT

    @property
    def is_staff_role(self) -> bool:
        return self.role in (Role.ADMINISTRATOR, Role.EDITOR)


ANONYMOUS = Actor()


def system_actor(name: str) -> Actor:
    """A process acting with full rights, recorded under `name` (e.g. "load-demo")."""
    return Actor(role=Role.ADMINISTRATOR, system=name)


def can_create(actor: Actor) -> bool:
    """Only staff create organisations and engagements."""
    return actor.is_staff_role
