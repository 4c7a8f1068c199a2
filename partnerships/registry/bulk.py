"""Organisations written in bulk: the registry services' bulk path.

As in `cooperation/bulk.py`: permission for the whole batch first (only staff
create; an actor changes only organisations it may edit, `organisation_in_charge`
for an editor, its own for a focal point, never a deleted one), then every row
checked with the single-record path's rules (the fields' declarations and
`registry/validation.py`, which `Organisation.clean` calls), then written through
`core/bulk.py` with a history row each. An update raises the version.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db.models import Q
from django.utils.translation import gettext as _

from partnerships.core import bulk
from partnerships.core.actor import Actor, can_create
from partnerships.core.bulk import Row
from partnerships.core.errors import NotAllowed
from partnerships.core.validation import check_rows, values_of
from partnerships.registry.models import Organisation
from partnerships.registry.validation import organisation_errors
from partnerships.registry.visibility import organisation_in_charge

_SHOWN = 10


def may_change_organisations(actor: Actor, ids: Iterable[int]) -> None:
    """Refuse (`NotAllowed`, naming them) organisations the actor may not change."""
    wanted = sorted(set(ids))
    if not wanted:
        return
    found = Organisation.objects.filter(pk__in=wanted)
    deleted = Q(deleted_at__isnull=False)
    if actor.is_admin:
        found = found.filter(deleted)
    elif actor.is_editor:
        found = found.filter(deleted | ~organisation_in_charge(actor))
    elif actor.is_focal_point and actor.organisation_id:
        found = found.filter(deleted | ~Q(pk=actor.organisation_id))
    keys = sorted(found.values_list("key", flat=True))
    if keys:
        more = ""
        if len(keys) > _SHOWN:
            more = _(" and %(count)s more") % {"count": len(keys) - _SHOWN}
        raise NotAllowed(
            _("Organisations not yours to change, or deleted: %(keys)s%(more)s.")
            % {"keys": ", ".join(keys[:_SHOWN]), "more": more}
        )


def organisations_bulk_write(
    *,
    actor: Actor,
    new: Sequence[Row] = (),
    changed: Sequence[Organisation] = (),
    fields: Iterable[str] = (),
    reason: str = "",
) -> None:
    if new and not can_create(actor):
        raise NotAllowed(_("Only editors and administrators add organisations."))
    may_change_organisations(actor, [o.pk for o in changed])
    check_rows(
        Organisation,
        [*new, *map(values_of, changed)],
        organisation_errors,
        label=_("Organisations"),
        name=lambda row: str(row.get("key")),
    )
    bulk.write(
        Organisation,
        new=new,
        changed=changed,
        fields=fields,
        versioned=True,
        actor=actor,
        reason=reason,
    )
