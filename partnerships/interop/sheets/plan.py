"""What an import would write: the changes found by the checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from partnerships.cooperation.services import (
    ContributionSpec,
    PlaceSpec,
)
from partnerships.core import limits
from partnerships.interop.sheets.template import (
    Problem,
)

REASON = "import-sheets"


class ImportRefused(Exception):
    """The workbook has problems; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(limits.summarise(problems)))


@dataclass
class Change:
    key: str
    existing: Any  # the model instance, or None for a new record
    changes: dict[str, Any]
    places: list[PlaceSpec] = field(default_factory=list)


@dataclass
class Plan:
    organisations: list[Change] = field(default_factory=list)
    engagements: list[Change] = field(default_factory=list)
    # (organisation key, engagement key, role) -> contributions
    participations: dict[tuple[str, str, str], list[ContributionSpec]] = field(
        default_factory=dict
    )
    new_participations: int = 0
    new_contributions: int = 0

    def summary(self) -> dict[str, int]:
        return {
            "organisations created": sum(
                c.existing is None for c in self.organisations
            ),
            "organisations updated": sum(
                c.existing is not None for c in self.organisations
            ),
            "engagements created": sum(c.existing is None for c in self.engagements),
            "engagements updated": sum(
                c.existing is not None and bool(c.changes) for c in self.engagements
            ),
            "places added": sum(len(c.places) for c in self.engagements),
            "participations added": self.new_participations,
            "contributions added": self.new_contributions,
        }

    @property
    def writes(self) -> int:
        return sum(self.summary().values())


def _parents_first(changes: list[Change]) -> list[Change]:
    """New records whose parent is also new come after that parent."""
    new = {c.key: c for c in changes if c.existing is None}

    def depth(change: Change, seen: frozenset[str] = frozenset()) -> int:
        parent = change.changes.get("parent")
        if parent in new and parent not in seen:
            return 1 + depth(new[parent], seen | {change.key})
        return 0

    return sorted(changes, key=depth)


def _money_key(spec: ContributionSpec | None) -> tuple[Any, ...]:
    if spec is None:
        return ()
    return (spec.amount, spec.currency, spec.value.value if spec.value else None)
