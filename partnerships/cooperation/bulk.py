"""Engagements and what hangs off them, written in bulk: the services' bulk path.

For imports and generators that write thousands of rows at once
(`interop/iati/chunk.py`, `demo/synth.py`). Each function takes the rows to
create (`Row` dicts of column values) and the instances to update (their new
values already set, `fields` naming what changed), and

1. checks permission for the whole batch in one query: only staff create; an
   actor changes, or adds to, only engagements it may edit (administrators all,
   editors those in their charge, `engagement_in_charge`) and never a deleted one,
   so an import cannot take over a record by naming its key;
2. validates every row with the single-record path's rules (the fields' own
   declarations and `cooperation/validation.py`, which the models' `clean` calls);
3. writes through `core/bulk.py`, each row with its history row (the actor's user,
   the reason or the system actor's name).

A refusal (`NotAllowed`, `ValidationError`) names the records and writes nothing
of the batch; the caller's transaction decides what else is rolled back.
Engagements created earlier in the same write (an import, in its transaction) are
the actor's to fill and update: the caller passes their keys, as
`engagements_bulk_write` gave them, in `created`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    MoneyLine,
    Participation,
    Place,
    PublishedActivity,
)
from partnerships.cooperation.validation import (
    contribution_errors,
    engagement_errors,
    money_line_errors,
    place_errors,
)
from partnerships.cooperation.visibility import engagement_in_charge
from partnerships.core import bulk
from partnerships.core.actor import Actor, can_create
from partnerships.core.bulk import Row
from partnerships.core.errors import NotAllowed
from partnerships.core.validation import check_rows, values_of

THEMES = Engagement._meta.get_field("themes")
TARGETS = Engagement._meta.get_field("sdg_targets")
_SHOWN = 10
_LOOKUP = 500  # keys per `IN (...)` query


def may_change_engagements(
    actor: Actor, ids: Iterable[int], created: Collection[int] = ()
) -> None:
    """Refuse (`NotAllowed`, naming them) engagements the actor may not change:
    deleted ones for everybody, and those outside an editor's charge."""
    wanted = sorted(set(ids) - set(created))
    if not wanted:
        return
    blocked: list[tuple[str, Any]] = []
    for start in range(0, len(wanted), _LOOKUP):
        found = Engagement.objects.filter(pk__in=wanted[start : start + _LOOKUP])
        if actor.is_admin:
            found = found.filter(deleted_at__isnull=False)
        elif actor.is_editor:
            found = found.filter(
                Q(deleted_at__isnull=False) | ~engagement_in_charge(actor)
            )
        blocked += found.values_list("key", "deleted_at")
    if blocked:
        raise NotAllowed(_refusal(sorted(blocked)))


def _refusal(blocked: Sequence[tuple[str, Any]]) -> str:
    deleted = [key for key, when in blocked if when is not None]
    others = [key for key, when in blocked if when is None]
    parts = []
    if others:
        keys = _keys(others)
        parts.append(_("Engagements not yours to change: %(keys)s") % {"keys": keys})
    if deleted:
        parts.append(_("Engagements deleted: %(keys)s") % {"keys": _keys(deleted)})
    return "; ".join(parts) + "."


def _keys(keys: Sequence[str]) -> str:
    more = ""
    if len(keys) > _SHOWN:
        more = _(" and %(count)s more") % {"count": len(keys) - _SHOWN}
    return ", ".join(keys[:_SHOWN]) + more


def _may_create(actor: Actor, rows: Sequence[Any], what: str) -> None:
    """`what`: the rows' name, translated (a heading: "Places")."""
    if rows and not can_create(actor):
        raise NotAllowed(
            _("%(what)s: only editors and administrators add them.") % {"what": what}
        )


def engagements_bulk_write(
    *,
    actor: Actor,
    new: Sequence[Row] = (),
    changed: Sequence[Engagement] = (),
    fields: Iterable[str] = (),
    themes: Mapping[str, Collection[str]] | None = None,
    sdg_targets: Mapping[str, Collection[str]] | None = None,
    created: Collection[int] = (),
    reason: str = "",
    children: Mapping[str, dict | None] | None = None,
) -> None:
    """Create `new`, update `changed` (version raised) and set the themes and SDG
    targets given per key (an engagement not named keeps its own).

    `children` (per key) is what this change does to the engagement's places and
    money lines, recorded in its history row (`cooperation/children.py`): an
    engagement whose lines alone change is passed in `changed` with no field."""
    _may_create(actor, new, _("Engagements"))
    may_change_engagements(actor, [e.pk for e in changed], created)
    check_rows(
        Engagement,
        [*new, *map(values_of, changed)],
        engagement_errors,
        label=_("Engagements"),
        name=lambda row: str(row.get("key")),
    )
    created, updated = bulk.write(
        Engagement,
        new=new,
        changed=changed,
        fields=fields,
        versioned=True,
        actor=actor,
        reason=reason,
        **_children_values(children, new, changed),
    )
    owners = {row["key"]: row["id"] for row in new}
    owners |= {e.key: e.pk for e in changed}
    for relation, given in ((THEMES, themes or {}), (TARGETS, sdg_targets or {})):
        before = bulk.links(relation, [e.pk for e in changed]) if changed else {}
        wanted = {
            pk: set(given[key]) if key in given else set(before.get(pk, {}))
            for key, pk in owners.items()
        }
        rows = bulk.set_links(relation, wanted, before)
        bulk.m2m_snapshot(created + updated, list(owners.values()), relation, rows)


def _children_values(
    children: Mapping[str, dict | None] | None,
    new: Sequence[Row],
    changed: Sequence[Engagement],
) -> dict[str, list[dict]]:
    if children is None:
        return {}
    return {
        "history_new": [{"history_children": children.get(r["key"])} for r in new],
        "history_changed": [{"history_children": children.get(e.key)} for e in changed],
    }


def engagement_links(ids: Iterable[int]) -> tuple[dict, dict]:
    """The themes and SDG targets the engagements hold now, per engagement."""
    ids = list(ids)
    return bulk.links(THEMES, ids), bulk.links(TARGETS, ids)


def places_bulk_write(
    *,
    actor: Actor,
    new: Sequence[Row] = (),
    changed: Sequence[Place] = (),
    fields: Iterable[str] = (),
    created: Collection[int] = (),
    reason: str = "",
    in_engagement_history: bool = False,
) -> None:
    """`in_engagement_history`: no history row per place; the caller records the
    change in the engagement's history row (`engagements_bulk_write(children=)`)."""
    _may_create(actor, new, _("Places"))
    may_change_engagements(
        actor,
        [r["engagement_id"] for r in new] + [p.engagement_id for p in changed],
        created,
    )
    check_rows(
        Place,
        [*new, *map(values_of, changed)],
        place_errors,
        label=_("Places"),
        name=lambda row: f"place {row.get('country_id') or row.get('region_id')}",
    )
    bulk.write(
        Place,
        new=new,
        changed=changed,
        fields=fields,
        actor=actor,
        reason=reason,
        history=not in_engagement_history,
    )


def participations_bulk_write(
    *,
    actor: Actor,
    new: Sequence[Row] = (),
    created: Collection[int] = (),
    reason: str = "",
) -> None:
    """Add participations (they have nothing to update but their role, which is
    part of what makes them one)."""
    _may_create(actor, new, _("Participations"))
    may_change_engagements(actor, [r["engagement_id"] for r in new], created)
    check_rows(
        Participation,
        new,
        lambda row: {},
        label=_("Participations"),
        name=lambda row: f"{row.get('role')} {row.get('organisation_id')}",
    )
    bulk.create(Participation, new, actor=actor, reason=reason)


def engagements_of_participations(ids: Iterable[int]) -> set[int]:
    wanted = sorted(set(ids))
    out: set[int] = set()
    for start in range(0, len(wanted), _LOOKUP):
        out.update(
            Participation.objects.filter(
                pk__in=wanted[start : start + _LOOKUP]
            ).values_list("engagement_id", flat=True)
        )
    return out


def contributions_bulk_write(
    *,
    actor: Actor,
    new: Sequence[Row] = (),
    changed: Sequence[Contribution] = (),
    fields: Iterable[str] = (),
    created: Collection[int] = (),
    reason: str = "",
) -> None:
    _may_create(actor, new, _("Contributions"))
    participations = [r["participation_id"] for r in new]
    participations += [c.participation_id for c in changed]
    may_change_engagements(
        actor, engagements_of_participations(participations), created
    )
    check_rows(
        Contribution,
        [*new, *map(values_of, changed)],
        contribution_errors,
        label=_("Contributions"),
        name=lambda row: f"{row.get('currency_id')} {row.get('amount')}",
    )
    bulk.write(
        Contribution,
        new=new,
        changed=changed,
        fields=fields,
        actor=actor,
        reason=reason,
    )


def money_lines_bulk_write(
    *,
    actor: Actor,
    new: Sequence[Row] = (),
    changed: Sequence[MoneyLine] = (),
    fields: Iterable[str] = (),
    removed: Sequence[MoneyLine] = (),
    created: Collection[int] = (),
    reason: str = "",
    in_engagement_history: bool = False,
) -> None:
    """Add, update and remove an engagement's money lines (an import writing
    what its file now says: a line the file no longer holds is removed).
    `in_engagement_history` as for `places_bulk_write`."""
    _may_create(actor, new, _("Money lines"))
    touched = [r["engagement_id"] for r in new]
    touched += [line.engagement_id for line in [*changed, *removed]]
    may_change_engagements(actor, touched, created)
    check_rows(
        MoneyLine,
        [*new, *map(values_of, changed)],
        money_line_errors,
        label=_("Money lines"),
        name=lambda row: f"{row.get('kind')} {row.get('position')}",
    )
    if in_engagement_history:
        bulk.delete(MoneyLine, [line.pk for line in removed])
    for line in [] if in_engagement_history else removed:
        # Rare (a changed file); one at a time so each removal has its history row.
        line._change_reason = reason or actor.system
        line.delete()
    bulk.write(
        MoneyLine,
        new=new,
        changed=changed,
        fields=fields,
        actor=actor,
        reason=reason,
        history=not in_engagement_history,
    )


def published_bulk_write(
    *,
    actor: Actor,
    new: Sequence[Row] = (),
    changed: Sequence[PublishedActivity] = (),
    fields: Iterable[str] = (),
    created: Collection[int] = (),
    reason: str = "",
) -> None:
    """Keep what an imported activity carried beyond the registry's model."""
    _may_create(actor, new, _("Published activities"))
    touched = [r["engagement_id"] for r in new] + [p.engagement_id for p in changed]
    may_change_engagements(actor, touched, created)
    check_rows(
        PublishedActivity,
        [*new, *map(values_of, changed)],
        lambda row: {},
        label=_("Published activities"),
        name=lambda row: str(row.get("identifier")),
    )
    bulk.write(
        PublishedActivity,
        new=new,
        changed=changed,
        fields=fields,
        actor=actor,
        reason=reason,
    )
