"""Load an engagement's money lines and what its IATI activity carried beyond the
registry's model (`money` and `published` of a version-3 dump), through the
cooperation app's bulk services; a line or record equal to what the database holds
is not written again."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from partnerships.cooperation.bulk import money_lines_bulk_write, published_bulk_write
from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    MoneyLine,
    PublishedActivity,
)
from partnerships.core.actor import Actor
from partnerships.core.bulk import Row
from partnerships.registry.models import Organisation
from partnerships.sources.services import parse_date

# Contributions of an engagement by (organisation key, role), in the dump's order.
Contributions = dict[tuple[str, str], list[Contribution]]


def line_values(
    raw: dict[str, Any],
    orgs: dict[str, Organisation],
    contributions: Contributions,
) -> dict[str, Any]:
    """The column values of one dumped money line."""
    values: dict[str, Any] = {
        "position": int(raw["position"]),
        "kind": raw["kind"],
        "type_code": raw.get("type") or "",
        "status": raw.get("status") or "",
        "amount": Decimal(raw["amount"]),
        "currency_id": raw["currency"],
        "is_repeat": bool(raw.get("is_repeat")),
        "extras": raw.get("extras") or {},
        "contribution_id": None,
    }
    for name in ("period_start", "period_end", "date", "value_date"):
        values[name] = parse_date(raw.get(name))
    for side in ("provider", "receiver"):
        found = raw.get(side) or {}
        key = found.get("organisation")
        values[f"{side}_id"] = orgs[key].pk if key else None
        for part in ("ref", "name", "activity"):
            values[f"{side}_{part}"] = found.get(part) or ""
    if ref := raw.get("contribution"):
        listed = contributions[(ref["organisation"], ref["role"])]
        values["contribution_id"] = listed[int(ref["index"])].pk
    return values


def load_money(
    *,
    actor: Actor,
    engagement: Engagement,
    lines: list[dict[str, Any]],
    orgs: dict[str, Organisation],
    contributions: Contributions,
    created: bool,
    reason: str,
) -> int:
    """Make the engagement's lines those of the dump; returns the rows written.
    `created`: the engagement is new in this load (it may then be one deleted in
    the dump, whose lines are restored with it)."""
    held = {line.position: line for line in engagement.money.all()}
    new, changed, fields = [], [], set()
    for raw in lines:
        values = line_values(raw, orgs, contributions)
        line = held.pop(values["position"], None)
        if line is None:
            new.append(Row(engagement_id=engagement.pk, **values))
            continue
        differ = {n for n, v in values.items() if getattr(line, n) != v}
        if differ:
            for name in differ:
                setattr(line, name, values[name])
            changed.append(line)
            fields |= differ
    removed: list[MoneyLine] = list(held.values())
    if new or changed or removed:
        money_lines_bulk_write(
            actor=actor,
            new=new,
            changed=changed,
            fields=sorted(fields),
            removed=removed,
            created=[engagement.pk] if created else [],
            reason=reason,
        )
    return len(new) + len(changed) + len(removed)


def load_published(
    *,
    actor: Actor,
    engagement: Engagement,
    raw: dict[str, Any] | None,
    created: bool,
    reason: str,
) -> int:
    """Keep the activity's published identifier and elements; returns rows written."""
    if raw is None:
        return 0
    values = {"identifier": raw["identifier"], "elements": raw.get("elements") or []}
    other = (
        PublishedActivity.objects.filter(identifier=values["identifier"])
        .exclude(engagement=engagement)
        .values_list("engagement__key", flat=True)
        .first()
    )
    if other is not None:
        # One identifier names one activity: an IATI import finds it by it.
        raise ValidationError(
            _(
                "The IATI identifier %(identifier)s is already kept with the "
                "engagement %(key)s."
            )
            % {"identifier": values["identifier"], "key": other}
        )
    try:
        kept = engagement.published
    except PublishedActivity.DoesNotExist:
        row = Row(engagement_id=engagement.pk, **values)
        done = [engagement.pk] if created else []
        published_bulk_write(actor=actor, new=[row], created=done, reason=reason)
        return 1
    if all(getattr(kept, name) == value for name, value in values.items()):
        return 0
    for name, value in values.items():
        setattr(kept, name, value)
    published_bulk_write(
        actor=actor, changed=[kept], fields=tuple(values), reason=reason
    )
    return 1
