"""Sessions of the governing body that stakeholders apply to."""

from __future__ import annotations

from django.utils.translation import gettext as _

from partnerships.core.actor import Actor
from partnerships.core.errors import NotAllowed
from partnerships.core.upsert import save_if_changed
from partnerships.stakeholders.models import Session

SESSION_FIELDS = {"title", "body", "starts_on", "applications_close", "is_open"}


def session_upsert(
    *, actor: Actor, key: str, values: dict[str, object], reason: str = ""
) -> tuple[Session, bool]:
    if not actor.is_staff_role:
        raise NotAllowed(_("Only editors and administrators open sessions."))
    if refused := set(values) - SESSION_FIELDS:
        raise NotAllowed(_("Unknown fields: %(f)s") % {"f": ", ".join(sorted(refused))})
    return save_if_changed(
        Session, lookup={"key": key}, values=values, actor=actor, reason=reason
    )
