"""Read engagements of a curated dataset, with `extend` entries merged in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from partnerships.cooperation.models import KEY_PATTERN, Kind, Role, Status
from partnerships.cooperation.services import (
    ContributionSpec,
    EngagementSpec,
    PlaceSpec,
)
from partnerships.core.dates import parse_fuzzy

_FIELDS = {
    "key",
    "kind",
    "title",
    "summary",
    "start",
    "end",
    "status",
    "places",
    "themes",
    "sdg_targets",
    "parent",
    "participants",
    "evidence",
}
_EXTEND_FIELDS = {
    "extend",
    "participants",
    "evidence",
    "places",
    "themes",
    "sdg_targets",
}


@dataclass
class ParticipantEntry:
    org: str
    role: str
    paragraphs: set[int] = field(default_factory=set)
    contributions: list[ContributionSpec] = field(default_factory=list)


@dataclass
class EngagementEntry:
    spec: EngagementSpec
    origin: str
    quotes: dict[int, list[str]] = field(default_factory=dict)
    participants: dict[tuple[str, str], ParticipantEntry] = field(default_factory=dict)


class EngagementReader:
    def __init__(self, problems: list[str]) -> None:
        self.entries: dict[str, EngagementEntry] = {}
        self.extensions: list[tuple[dict[str, Any], str]] = []
        self.problems = problems

    def add(self, raw: dict[str, Any], where: str) -> None:
        if "extend" in raw:
            self.extensions.append((raw, where))
            return
        key = str(raw.get("key", ""))
        if not re.match(KEY_PATTERN, key):
            self.problems.append(
                f"{where}: engagement key {key!r} is missing or malformed."
            )
            return
        where = f"{where} (engagement {key})"
        if key in self.entries:
            self.problems.append(
                f"{where}: defined again; first in {self.entries[key].origin}."
            )
            return
        if unknown := set(raw) - _FIELDS:
            self.problems.append(f"{where}: unknown field(s) {sorted(unknown)}.")
        spec = EngagementSpec(key=key, kind=str(raw.get("kind", "")))
        self._check_choice(spec.kind, Kind.values, "kind", where)
        spec.status = str(raw.get("status") or Status.UNKNOWN)
        self._check_choice(spec.status, Status.values, "status", where)
        spec.title = {k: str(v).strip() for k, v in (raw.get("title") or {}).items()}
        spec.summary = {
            k: str(v).strip() for k, v in (raw.get("summary") or {}).items()
        }
        if not spec.title:
            self.problems.append(f"{where}: has no title.")
        spec.start = self._date(raw.get("start"), where, end=False)
        spec.end = self._date(raw.get("end"), where, end=True)
        if spec.start and spec.end and spec.end.value < spec.start.value:
            self.problems.append(
                f"{where}: ends ({raw['end']}) before it starts ({raw['start']})."
            )
        spec.parent = raw.get("parent")
        entry = EngagementEntry(spec=spec, origin=where)
        self.entries[key] = entry
        self._add_common(entry, raw, where)

    def merge_extensions(self) -> None:
        for raw, where in self.extensions:
            key = str(raw["extend"])
            where = f"{where} (extend {key})"
            if unknown := set(raw) - _EXTEND_FIELDS:
                self.problems.append(f"{where}: unknown field(s) {sorted(unknown)}.")
            entry = self.entries.get(key)
            if entry is None:
                self.problems.append(f"{where}: no engagement has the key {key!r}.")
                continue
            self._add_common(entry, raw, where)

    def _add_common(
        self, entry: EngagementEntry, raw: dict[str, Any], where: str
    ) -> None:
        spec = entry.spec
        for theme in raw.get("themes") or []:
            if theme not in spec.themes:
                spec.themes.append(str(theme))
        for target in raw.get("sdg_targets") or []:
            if str(target) not in spec.sdg_targets:
                spec.sdg_targets.append(str(target))
        for place in raw.get("places") or []:
            spec.places.append(self._place(place, where))
        cited = self._add_evidence(entry, raw, where)
        if not cited:
            self.problems.append(f"{where}: cites no paragraph (evidence is required).")
        for raw_part in raw.get("participants") or []:
            self._participant(entry, raw_part, cited, where)

    def _add_evidence(
        self, entry: EngagementEntry, raw: dict[str, Any], where: str
    ) -> set[int]:
        """Add the quotes of the entry's evidence; returns the paragraphs cited."""
        cited: set[int] = set()
        for ev in raw.get("evidence") or []:
            try:
                number = int(ev["paragraph"])
            except (KeyError, TypeError, ValueError):
                self.problems.append(
                    f"{where}: evidence {ev!r} has no paragraph number."
                )
                continue
            cited.add(number)
            quote = str(ev.get("quote") or "").strip()
            quotes = entry.quotes.setdefault(number, [])
            if quote and quote not in quotes:
                quotes.append(quote)
        return cited

    def _participant(
        self, entry: EngagementEntry, raw: dict[str, Any], cited: set[int], where: str
    ) -> None:
        org, role = str(raw.get("org", "")), str(raw.get("role", ""))
        self._check_choice(role, Role.values, f"role of {org}", where)
        part = entry.participants.setdefault((org, role), ParticipantEntry(org, role))
        own = {int(p) for p in raw.get("paragraphs") or []}
        part.paragraphs |= own or cited
        for money in raw.get("contributions") or []:
            try:
                amount = Decimal(str(money["amount"]))
            except (KeyError, InvalidOperation):
                self.problems.append(
                    f"{where}: contribution of {org} has no valid amount."
                )
                continue
            value = self._date(money.get("date"), where, end=False)
            spec = ContributionSpec(
                amount=amount, currency=str(money.get("currency", "")), value=value
            )
            if spec not in part.contributions:
                part.contributions.append(spec)

    def _place(self, raw: dict[str, Any], where: str) -> PlaceSpec:
        city = raw.get("city") or {}
        if isinstance(city, str):
            city = {"en": city}
        return PlaceSpec(
            country=raw.get("country"),
            region=str(raw["region"]) if raw.get("region") is not None else None,
            city={k: str(v).strip() for k, v in city.items()},
        )

    def _date(self, value: Any, where: str, *, end: bool):
        if value in (None, ""):
            return None
        try:
            return parse_fuzzy(str(value), end=end)
        except ValueError as exc:
            self.problems.append(f"{where}: {exc}")
            return None

    def _check_choice(
        self, value: str, allowed: list[str], what: str, where: str
    ) -> None:
        if value not in allowed:
            self.problems.append(
                f"{where}: {what} {value!r} is not one of {', '.join(allowed)}."
            )
