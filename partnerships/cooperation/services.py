"""Writes to engagements, places, participations and contributions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    Participation,
    Place,
    Status,
)
from partnerships.core.dates import FuzzyDate
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


def engagement_upsert(
    *, spec: EngagementSpec, parent: Engagement | None, reason: str = ""
) -> tuple[Engagement, bool]:
    values = {**spec.columns(), "parent": parent}
    engagement, written = save_if_changed(
        Engagement, lookup={"key": spec.key}, values=values, reason=reason
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
        written |= place_ensure(engagement=engagement, spec=place, reason=reason)
    if spec.lifecycle:
        written |= set_stamps(engagement, spec.lifecycle.stamps())
    return engagement, written


def place_ensure(*, engagement: Engagement, spec: PlaceSpec, reason: str = "") -> bool:
    values = {f"city_{lang}": spec.city.get(lang, "") for lang in UN_LANGUAGES}
    # A place is the same place when its country or region and English city match.
    lookup = {
        "engagement": engagement,
        "country_id": spec.country,
        "region_id": spec.region,
        "city_en": values["city_en"],
    }
    _, written = save_if_changed(Place, lookup=lookup, values=values, reason=reason)
    return written


def participation_ensure(
    *,
    engagement: Engagement,
    organisation: Organisation,
    role: str,
    reason: str = "",
    created_at: dt.datetime | None = None,
) -> tuple[Participation, bool]:
    """The participation, created if missing; `created_at` is kept when given."""
    participation, written = save_if_changed(
        Participation,
        lookup={"engagement": engagement, "organisation": organisation, "role": role},
        values={},
        reason=reason,
    )
    written |= set_stamps(participation, {"created_at": created_at})
    return participation, written


def contribution_ensure(
    *, participation: Participation, spec: ContributionSpec, reason: str = ""
) -> tuple[Contribution, bool]:
    return save_if_changed(
        Contribution,
        lookup={
            "participation": participation,
            "amount": spec.amount,
            "currency_id": spec.currency,
            "value_date": spec.value.value if spec.value else None,
        },
        values={"value_precision": spec.value.precision if spec.value else ""},
        reason=reason,
    )
