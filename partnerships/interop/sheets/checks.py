"""Checks of every row of a workbook, each problem with its sheet, row and column."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from partnerships.accounts.policies import (
    Actor,
    can_create,
    can_edit_engagement,
    can_edit_organisation,
    engagements_visible_to,
    organisations_visible_to,
)
from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    Kind,
    Participation,
    Role,
    Status,
)
from partnerships.cooperation.services import (
    ContributionSpec,
    PlaceSpec,
)
from partnerships.core.dates import FuzzyDate, format_fuzzy, parse_fuzzy
from partnerships.interop.sheets.plan import (
    Change,
    _money_key,
    _parents_first,
)
from partnerships.interop.sheets.template import (
    ENGAGEMENTS,
    NAMES,
    ORGANISATIONS,
    PARTICIPATIONS,
    TITLES,
    Problem,
    Rows,
    read_flags,
    split,
)
from partnerships.reference.models import Country, Currency, Region, SdgTarget, Theme
from partnerships.registry import editing as organisation_editing
from partnerships.registry.categories import Category
from partnerships.registry.models import KEY_PATTERN, Organisation

_URL = URLValidator(schemes=["http", "https"])
_ROLES = ", ".join(Role.values)


def _codes(model: Any) -> set[str]:
    return set(model.objects.values_list("pk", flat=True))


class Checker:
    """Checks every row of a workbook against the database, collecting problems."""

    def __init__(self, rows: Rows, actor: Actor) -> None:
        self.rows, self.actor = rows, actor
        self.problems: list[Problem] = []
        self.new_participations = self.new_contributions = 0
        self.sheet_keys = {
            name: {r["key"] for _, r in rows[name] if r.get("key")}
            for name in (ORGANISATIONS, ENGAGEMENTS)
        }
        self.countries, self.regions = _codes(Country), _codes(Region)
        self.themes, self.targets = _codes(Theme), _codes(SdgTarget)
        self.currencies = _codes(Currency)

    def _at(self, sheet: str, row: int) -> Callable[[str, str], None]:
        def report(column: str, message: str) -> None:
            self.problems.append(Problem(sheet, row, column, message))

        return report

    def _key(self, record: dict[str, str], seen: dict[str, int], err: Any) -> str:
        key = record.get("key", "")
        if not key:
            err("key", "The key is missing; every row needs one.")
        elif not re.match(KEY_PATTERN, key):
            err(
                "key",
                f"The key {key!r} may hold only letters, digits, spaces and "
                ". _ & ( ) -, and must begin with a letter or a digit.",
            )
        elif key in seen:
            err(
                "key",
                f"The key {key} is already used in row {seen[key]}; each "
                "record appears once.",
            )
        else:
            return key
        return ""

    def _parent(
        self, key: str, parent: str, sheet: str, visible: Any, err: Any
    ) -> None:
        if parent == key:
            err("parent", "A record cannot be its own parent.")
        elif parent and parent not in self.sheet_keys[sheet]:
            if not visible.filter(key=parent).exists():
                err("parent", f"There is no {sheet[:-1]} with the key {parent!r}.")

    def _code_list(self, text: str, known: set[str], what: str, err: Any) -> list[str]:
        codes = split(text)
        for code in codes:
            if code not in known:
                err(what, f"{code!r} is not a known code in the column {what}.")
        return sorted(set(codes))

    # --- organisations -----------------------------------------------------------

    def organisations(self) -> list[Change]:
        existing = Organisation.objects.filter(
            key__in=self.sheet_keys[ORGANISATIONS]
        ).select_related("parent")
        by_key = {o.key: o for o in existing}
        visible = organisations_visible_to(self.actor)
        self.visible_orgs = set(visible.values_list("pk", flat=True))
        seen: dict[str, int] = {}
        out = []
        for number, record in self.rows[ORGANISATIONS]:
            err = self._at(ORGANISATIONS, number)
            key = self._key(record, seen, err)
            if key:
                seen[key] = number
                change = self._organisation(key, record, by_key.get(key), visible, err)
                if change:
                    out.append(change)
        return _parents_first(out)

    def _organisation(
        self, key: str, record: dict[str, str], org: Any, visible: Any, err: Any
    ) -> Change | None:
        wanted = {name: record.get(name, "") for name in NAMES}
        if not any(wanted.values()):
            err(
                "name_en",
                "The organisation has no name; give at least one of "
                "name_ar, name_zh, name_en, name_fr, name_ru, name_es.",
            )
        wanted["category"] = category = record.get("category", "")
        if not category:
            err("category", "The category is missing.")
        elif category not in Category.values:
            err(
                "category",
                f"The category {category!r} is unknown; see "
                "docs/data-model.md for the categories.",
            )
        wanted["country"] = country = record.get("country", "").upper()
        if country and country not in self.countries:
            err(
                "country",
                f"The country code {country!r} is not an ISO 3166-1 alpha-2 code.",
            )
        wanted["parent"] = record.get("parent", "")
        self._parent(key, wanted["parent"], ORGANISATIONS, visible, err)
        flags = read_flags(ORGANISATIONS, record, err)
        wanted["website"] = website = record.get("website", "")
        try:
            if website:
                _URL(website)
        except ValidationError:
            err(
                "website",
                f"The website {website!r} is not a web address beginning "
                "with http:// or https://.",
            )
        if org is None:
            if not can_create(self.actor):
                err(
                    "key",
                    f"The organisation {key} does not exist, and only "
                    "editors and administrators may create organisations.",
                )
            return Change(key, None, {k: v for k, v in wanted.items() if v} | flags)
        if org.deleted_at:
            err(
                "key",
                f"The organisation {key} was deleted; an administrator may "
                "restore it before it is imported again.",
            )
            return None
        current = {name: getattr(org, name).strip() for name in NAMES}
        current |= {"category": org.category, "country": org.country_id or ""}
        current["website"] = org.website
        wanted |= flags
        current |= {name: getattr(org, name) for name in flags}
        # A parent the reader may not see was left out of its export: keep it.
        shown = org.parent_id in self.visible_orgs
        current["parent"] = org.parent.key if shown else wanted["parent"] or ""
        changes = {k: v for k, v in wanted.items() if v != current[k]}
        if not changes:
            return None
        if not can_edit_organisation(self.actor, org):
            err("key", f"You may not change the organisation {key}.")
        elif not self.actor.is_staff_role:
            for name in sorted(
                set(changes) - organisation_editing.FOCAL_POINT_EDITABLE
            ):
                err(name, f"You may not change the {name} of an organisation.")
        return Change(key, org, changes)

    # --- engagements -------------------------------------------------------------

    def engagements(self) -> list[Change]:
        existing = Engagement.objects.filter(
            key__in=self.sheet_keys[ENGAGEMENTS]
        ).prefetch_related("places", "themes", "sdg_targets")
        by_key = {e.key: e for e in existing.select_related("parent")}
        visible = engagements_visible_to(self.actor)
        self.visible_engs = set(visible.values_list("pk", flat=True))
        seen: dict[str, int] = {}
        out = []
        for number, record in self.rows[ENGAGEMENTS]:
            err = self._at(ENGAGEMENTS, number)
            key = self._key(record, seen, err)
            if key:
                seen[key] = number
                change = self._engagement(key, record, by_key.get(key), visible, err)
                if change:
                    out.append(change)
        return _parents_first(out)

    def _dates(self, record: dict[str, str], err: Any) -> None:
        found: dict[str, FuzzyDate] = {}
        for name in ("start", "end"):
            if text := record.get(name, ""):
                try:
                    found[name] = parse_fuzzy(text, end=name == "end")
                except ValueError:
                    err(
                        name,
                        f"The {name} {text!r} is not a date of the form YYYY, "
                        "YYYY-MM or YYYY-MM-DD.",
                    )
        if len(found) == 2 and found["end"].value < found["start"].value:
            err(
                "end", f"The end {record['end']} is before the start {record['start']}."
            )

    def _engagement(
        self, key: str, record: dict[str, str], eng: Any, visible: Any, err: Any
    ) -> Change | None:
        wanted: dict[str, Any] = {name: record.get(name, "") for name in TITLES}
        if not any(wanted.values()):
            err(
                "title_en",
                "The engagement has no title; give at least one of "
                "title_ar, title_zh, title_en, title_fr, title_ru, title_es.",
            )
        wanted["kind"] = kind = record.get("kind", "")
        if kind not in Kind.values:
            err(
                "kind",
                f"The kind {kind!r} is unknown; it is one of {', '.join(Kind.values)}."
                if kind
                else "The kind is missing.",
            )
        wanted["status"] = status = record.get("status", "") or Status.UNKNOWN
        if status not in Status.values:
            err(
                "status",
                f"The status {status!r} is unknown; it is one of "
                f"{', '.join(Status.values)}.",
            )
        self._dates(record, err)
        wanted |= {"start": record.get("start", ""), "end": record.get("end", "")}
        wanted["parent"] = record.get("parent", "")
        self._parent(key, wanted["parent"], ENGAGEMENTS, visible, err)
        countries = self._code_list(
            record.get("countries", "").upper(), self.countries, "countries", err
        )
        regions = self._code_list(
            record.get("regions", ""), self.regions, "regions", err
        )
        wanted["themes"] = self._code_list(
            record.get("themes", ""), self.themes, "themes", err
        )
        wanted["sdg_targets"] = self._code_list(
            record.get("sdg_targets", ""), self.targets, "sdg_targets", err
        )
        flags = read_flags(ENGAGEMENTS, record, err)
        places = [PlaceSpec(country=c) for c in countries]
        places += [PlaceSpec(region=r) for r in regions]
        if eng is None:
            if not can_create(self.actor):
                err(
                    "key",
                    f"The engagement {key} does not exist, and only editors "
                    "and administrators may create engagements.",
                )
            new = {k: v for k, v in wanted.items() if v} | flags
            return Change(key, None, new, places)
        if eng.deleted_at:
            err(
                "key",
                f"The engagement {key} was deleted; an administrator may "
                "restore it before it is imported again.",
            )
            return None
        current: dict[str, Any] = {name: getattr(eng, name).strip() for name in TITLES}
        current |= {"kind": eng.kind, "status": eng.status}
        current["start"] = format_fuzzy(eng.start_date, eng.start_precision) or ""
        current["end"] = format_fuzzy(eng.end_date, eng.end_precision) or ""
        shown = eng.parent_id in self.visible_engs
        current["parent"] = eng.parent.key if shown else wanted["parent"] or ""
        current["themes"] = sorted(t.code for t in eng.themes.all())
        current["sdg_targets"] = sorted(t.code for t in eng.sdg_targets.all())
        wanted |= flags
        current |= {name: getattr(eng, name) for name in flags}
        changes = {k: v for k, v in wanted.items() if v != current[k]}
        there = {(p.country_id, p.region_id) for p in eng.places.all()}
        places = [p for p in places if (p.country, p.region) not in there]
        if not changes and not places:
            return None
        if not can_edit_engagement(self.actor, eng):
            err("key", f"You may not change the engagement {key}.")
        return Change(key, eng, changes, places)

    # --- participations ----------------------------------------------------------

    def participations(self) -> dict[tuple[str, str, str], list[ContributionSpec]]:
        rows = self.rows[PARTICIPATIONS]
        orgs = {r.get("organisation", "") for _, r in rows}
        engs = {r.get("engagement", "") for _, r in rows}
        known_orgs = self.sheet_keys[ORGANISATIONS] | set(
            organisations_visible_to(self.actor)
            .filter(key__in=orgs)
            .values_list("key", flat=True)
        )
        self.known_engs = {
            e.key: e for e in engagements_visible_to(self.actor).filter(key__in=engs)
        }
        self.editable: dict[str, bool] = {}
        self.counted: set[tuple[str, str, str]] = set()
        self.there = set(
            Participation.objects.filter(engagement__key__in=engs).values_list(
                "organisation__key", "engagement__key", "role"
            )
        )
        self.money = set(
            Contribution.objects.filter(
                participation__engagement__key__in=engs
            ).values_list(
                "participation__organisation__key",
                "participation__engagement__key",
                "participation__role",
                "amount",
                "currency_id",
                "value_date",
            )
        )
        out: dict[tuple[str, str, str], list[ContributionSpec]] = {}
        seen: dict[tuple[Any, ...], int] = {}
        for number, record in rows:
            err = self._at(PARTICIPATIONS, number)
            org, eng = record.get("organisation", ""), record.get("engagement", "")
            if not org:
                err("organisation", "The organisation key is missing.")
            elif org not in known_orgs:
                err(
                    "organisation",
                    f"There is no organisation with the key {org!r}; "
                    "add it to the organisations sheet or correct the key.",
                )
            if not eng:
                err("engagement", "The engagement key is missing.")
            elif eng not in self.known_engs and eng not in self.sheet_keys[ENGAGEMENTS]:
                err(
                    "engagement",
                    f"There is no engagement with the key {eng!r}; "
                    "add it to the engagements sheet or correct the key.",
                )
            role = record.get("role", "")
            if role not in Role.values:
                err(
                    "role",
                    f"The role {role!r} is unknown; it is one of {_ROLES}."
                    if role
                    else "The role is missing.",
                )
            spec = self._contribution(record, err)
            identity = (org, eng, role, _money_key(spec))
            if identity in seen:
                err("organisation", f"This row repeats row {seen[identity]}.")
                continue
            seen[identity] = number
            money = out.setdefault((org, eng, role), [])
            if spec:
                money.append(spec)
            self._count(org, eng, role, spec, err)
        return out

    def _contribution(
        self, record: dict[str, str], err: Any
    ) -> ContributionSpec | None:
        amount, currency = record.get("amount", ""), record.get("currency", "").upper()
        value_date = record.get("value_date", "")
        if not amount:
            if currency or value_date:
                err("amount", "A currency or value date is given without an amount.")
            return None
        try:
            number = Decimal(amount.replace(",", ""))
        except InvalidOperation:
            number = Decimal(-1)
        if not number.is_finite() or number < 0 or number != round(number, 2):
            err(
                "amount",
                f"The amount {amount!r} is not a number of at least zero "
                "with at most two decimals.",
            )
        if currency not in self.currencies:
            err(
                "currency",
                f"The currency {currency!r} is not an ISO 4217 code."
                if currency
                else "An amount needs its currency.",
            )
        value = None
        if value_date:
            try:
                value = parse_fuzzy(value_date)
            except ValueError:
                err(
                    "value_date",
                    f"The value date {value_date!r} is not a date of "
                    "the form YYYY, YYYY-MM or YYYY-MM-DD.",
                )
        return ContributionSpec(round(number, 2), currency, value)

    def _count(self, org: str, eng: str, role: str, spec: Any, err: Any) -> None:
        new_part = (org, eng, role) not in self.there
        if new_part and (org, eng, role) not in self.counted:
            self.new_participations += 1
            self.counted.add((org, eng, role))
        new_money = bool(spec) and (org, eng, role, *_money_key(spec)) not in self.money
        self.new_contributions += new_money
        engagement = self.known_engs.get(eng)
        if (new_part or new_money) and engagement is not None:
            if eng not in self.editable:
                self.editable[eng] = can_edit_engagement(self.actor, engagement)
            if not self.editable[eng]:
                err(
                    "engagement",
                    f"You may not change who takes part in the engagement {eng}.",
                )
