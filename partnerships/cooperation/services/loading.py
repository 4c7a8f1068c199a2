"""Create-or-update of engagements and what hangs off them, for the loaders
(curated data, dumps, spreadsheets): idempotent, each write audited with its actor.

A whole engagement is loaded only by an administrator or a system actor; what hangs
off an engagement only by an actor who may change that engagement.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    Participation,
    Place,
    Status,
)
from partnerships.cooperation.visibility import can_fill_in
from partnerships.core.actor import Actor
from partnerships.core.dates import FuzzyDate
from partnerships.core.errors import NotAllowed
from partnerships.core.languages import UN_LANGUAGES
from partnerships.core.upsert import Lifecycle, save_if_changed, set_stamps
from partnerships.registry.models import Organisation


@dataclass
class PlaceSpec:
    country: str | None = None
    region: str | None = None
    city: dict[str, str] = field(default_factory=dict)


@dataclass
class ContributionSpec:
    amount: Decimal
    currency: str
    value: FuzzyDate | None = None


@dataclass
class EngagementSpec:
    key: str
    kind: str
    title: dict[str, str] = field(default_factory=dict)
    summary: dict[str, str] = field(default_factory=dict)
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    status: str = Status.UNKNOWN
    parent: str | None = None
    themes: list[str] = field(default_factory=list)
    sdg_targets: list[str] = field(default_factory=list)
    places: list[PlaceSpec] = field(default_factory=list)
    is_synthetic: bool = False
    # None: as the row has it (a new row: the model's default).
    is_published: bool | None = None
    is_confidential: bool | None = None
    lifecycle: Lifecycle | None = None

    def columns(self) -> dict[str, object]:
        """The engagement's own columns (all but its key and parent)."""
        values: dict[str, object] = {
            "kind": self.kind,
            "status": self.status,
            "start_date": self.start.value if self.start else None,
            "start_precision": self.start.precision if self.start else "",
            "end_date": self.end.value if self.end else None,
            "end_precision": self.end.precision if self.end else "",
            "is_synthetic": self.is_synthetic,
        }
        for name in ("is_published", "is_confidential"):
            if getattr(self, name) is not None:
                values[name] = getattr(self, name)
        if self.lifecycle:
            values.update(self.lifecycle.columns())
        for lang in UN_LANGUAGES:
            values[f"title_{lang}"] = self.title.get(lang, "")
            values[f"summary_{lang}"] = self.summary.get(lang, "")
        return values


def _check(actor: Actor, engagement: Engagement) -> None:
    if not can_fill_in(actor, engagement):
        raise NotAllowed(
            _("You may not change the engagement %(key)s.") % {"key": engagement.key}
        )


def engagement_upsert(
    *,
    actor: Actor,
    spec: EngagementSpec,
    parent: Engagement | None,
    reason: str = "",
) -> tuple[Engagement, bool]:
    if not actor.is_admin:
        raise NotAllowed(_("Only administrators load engagements in bulk."))
    values = {**spec.columns(), "parent": parent}
    engagement, written = save_if_changed(
        Engagement, lookup={"key": spec.key}, values=values, actor=actor, reason=reason
    )
    if set(engagement.themes.values_list("code", flat=True)) != set(spec.themes):
        engagement.themes.set(spec.themes)
        written = True
    if set(engagement.sdg_targets.values_list("code", flat=True)) != set(
        spec.sdg_targets
    ):
        engagement.sdg_targets.set(spec.sdg_targets)
        written = True
    for place in spec.places:
        written |= place_ensure(
            actor=actor, engagement=engagement, spec=place, reason=reason
        )
    if spec.lifecycle:
        written |= set_stamps(engagement, spec.lifecycle.stamps())
    return engagement, written


def place_ensure(
    *, actor: Actor, engagement: Engagement, spec: PlaceSpec, reason: str = ""
) -> bool:
    _check(actor, engagement)
    values = {f"city_{lang}": spec.city.get(lang, "") for lang in UN_LANGUAGES}
    # A place is the same place when its country or region and English city match.
    lookup = {
        "engagement": engagement,
        "country_id": spec.country,
        "region_id": spec.region,
        "city_en": values["city_en"],
    }
    _row, written = save_if_changed(
        Place, lookup=lookup, values=values, actor=actor, reason=reason
    )
    return written


def participation_ensure(
    *,
    actor: Actor,
    engagement: Engagement,
    organisation: Organisation,
    role: str,
    reason: str = "",
    created_at: dt.datetime | None = None,
) -> tuple[Participation, bool]:
    """The participation, created if missing; `created_at` is kept when given."""
    _check(actor, engagement)
    participation, written = save_if_changed(
        Participation,
        lookup={"engagement": engagement, "organisation": organisation, "role": role},
        values={},
        actor=actor,
        reason=reason,
    )
    written |= set_stamps(participation, {"created_at": created_at})
    return participation, written


def contribution_ensure(
    *,
    actor: Actor,
    participation: Participation,
    spec: ContributionSpec,
    reason: str = "",
) -> tuple[Contribution, bool]:
    _check(actor, participation.engagement)
    return save_if_changed(
        Contribution,
        lookup={
            "participation": participation,
            "amount": spec.amount,
            "currency_id": spec.currency,
            "value_date": spec.value.value if spec.value else None,
        },
        values={"value_precision": spec.value.precision if spec.value else ""},
        actor=actor,
        reason=reason,
    )
