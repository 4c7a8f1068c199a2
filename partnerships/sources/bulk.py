"""Passages and evidence written in bulk: the sources services' bulk path.

As in `cooperation/bulk.py`: permission for the whole batch (only staff write
passages and evidence; evidence for an engagement or a participation also needs
the engagement to be one the actor may change, or one created in the same write,
and evidence for an organisation one it may edit), then every row checked with
the fields' declarations and `sources/validation.py`, then written through
`core/bulk.py` with a history row each.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from django.utils.translation import gettext as _

from partnerships.cooperation.bulk import (
    engagements_of_participations,
    may_change_engagements,
)
from partnerships.core import bulk
from partnerships.core.actor import Actor, can_create
from partnerships.core.bulk import Row
from partnerships.core.errors import NotAllowed
from partnerships.core.validation import check_rows, values_of
from partnerships.registry.bulk import may_change_organisations
from partnerships.sources.models import Evidence, Passage
from partnerships.sources.validation import evidence_errors


def _staff(actor: Actor, what: str) -> None:
    if not can_create(actor):
        raise NotAllowed(
            _("%(what)s: only editors and administrators write them.") % {"what": what}
        )


def passages_bulk_write(
    *,
    actor: Actor,
    new: Sequence[Row] = (),
    changed: Sequence[Passage] = (),
    fields: Iterable[str] = (),
    reason: str = "",
) -> None:
    if not (new or changed):
        return
    _staff(actor, _("Passages"))
    check_rows(
        Passage,
        [*new, *map(values_of, changed)],
        lambda row: {},
        label=_("Passages"),
        name=lambda row: f"passage {row.get('number')}",
    )
    bulk.write(
        Passage, new=new, changed=changed, fields=fields, actor=actor, reason=reason
    )


def evidence_bulk_write(
    *,
    actor: Actor,
    new: Sequence[Row] = (),
    changed: Sequence[Evidence] = (),
    fields: Iterable[str] = (),
    created: Collection[int] = (),
    reason: str = "",
) -> None:
    """`created`: engagements made in the same write, which the actor may cite."""
    if not (new or changed):
        return
    _staff(actor, _("Evidence"))
    rows = [*new, *map(values_of, changed)]
    engagements = {r["engagement_id"] for r in rows if r.get("engagement_id")}
    engagements |= engagements_of_participations(
        r["participation_id"] for r in rows if r.get("participation_id")
    )
    may_change_engagements(actor, engagements, created)
    may_change_organisations(
        actor, [r["organisation_id"] for r in rows if r.get("organisation_id")]
    )
    check_rows(
        Evidence,
        rows,
        evidence_errors,
        label=_("Evidence"),
        name=lambda row: f"evidence in passage {row.get('passage_id')}",
    )
    bulk.write(
        Evidence, new=new, changed=changed, fields=fields, actor=actor, reason=reason
    )
