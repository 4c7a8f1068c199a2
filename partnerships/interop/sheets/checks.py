"""Checks of every row of a workbook against the database and the reader's
permissions, each problem with its sheet, row and column. The checks of a row's
values on their own are in `fields`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from partnerships.cooperation.models import Contribution, Engagement, Participation
from partnerships.cooperation.services import ContributionSpec, PlaceSpec
from partnerships.cooperation.visibility import (
    can_edit_engagement,
    engagements_visible_to,
)
from partnerships.core.actor import Actor, can_create
from partnerships.core.dates import format_fuzzy
from partnerships.interop.sheets.fields import (
    check_category,
    check_contribution,
    check_dates,
    check_key,
    check_kind,
    check_role,
    check_status,
    check_website,
)
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
from partnerships.registry import services as organisation_services
from partnerships.registry.models import Organisation
from partnerships.registry.resolve import find_organisation
from partnerships.registry.services import outside_charge
from partnerships.registry.visibility import (
    can_edit_organisation,
    in_charge_of_new,
    organisations_visible_to,
)


def _codes(model: Any) -> set[str]:
    return set(model.objects.values_list("pk", flat=True))


def _deleted(kind: str, key: str, actor: Actor) -> str:
    """Only who may see deleted records learns that this one was deleted."""
    if not actor.is_admin:
        return f"You may not change the {kind} {key}."
    return (
        f"The {kind} {key} was deleted; an administrator may "
        "restore it before it is imported again."
    )


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
            key = check_key(record, seen, err)
            if key:
                seen[key] = number
                change = self._organisation(key, record, by_key.get(key), visible, err)
                if change:
                    out.append(change)
        return _parents_first(out)

    def _organisation(
        self, key: str, record: dict[str, str], org: Any, visible: Any, err: Any
    ) -> Change | None:
        wanted = self._organisation_values(key, record, visible, err)
        flags = read_flags(ORGANISATIONS, record, err)
        if org is None:
            if not can_create(self.actor):
                err(
                    "key",
                    f"The organisation {key} does not exist, and only "
                    "editors and administrators may create organisations.",
                )
            elif not in_charge_of_new(
                self.actor, category=wanted["category"], country=wanted["country"]
            ):
                err("key", f"{key}: {outside_charge()}")
            self._known_by_name(key, wanted, visible, err)
            return Change(key, None, {k: v for k, v in wanted.items() if v} | flags)
        if org.deleted_at:
            err("key", _deleted("organisation", key, self.actor))
            return None
        changes = self._organisation_changes(org, wanted, flags)
        if not changes:
            return None
        if not can_edit_organisation(self.actor, org):
            err("key", f"You may not change the organisation {key}.")
        elif not self.actor.is_staff_role:
            for name in sorted(
                set(changes) - organisation_services.FOCAL_POINT_EDITABLE
            ):
                err(name, f"You may not change the {name} of an organisation.")
        return Change(key, org, changes)

    def _known_by_name(
        self, key: str, wanted: dict[str, str], visible: Any, err: Any
    ) -> None:
        """A new row naming an organisation the reader can see under another key
        would make a duplicate: refused, naming the key to use instead."""
        names = [wanted[name] for name in NAMES if wanted.get(name)]
        found = find_organisation(ref="", names=names)
        if found and visible.filter(pk=found.organisation.pk).exists():
            known = found.organisation
            err(
                "key",
                f"{key} is new, but an organisation named {found.matched!r} is "
                f"already in the registry as {known.key}: use that key to change "
                "it, or give the new organisation a name of its own.",
            )

    def _organisation_values(
        self, key: str, record: dict[str, str], visible: Any, err: Any
    ) -> dict[str, str]:
        """The values the row asks for, each checked."""
        wanted = {name: record.get(name, "") for name in NAMES}
        if not any(wanted.values()):
            err(
                "name_en",
                "The organisation has no name; give at least one of "
                "name_ar, name_zh, name_en, name_fr, name_ru, name_es.",
            )
        wanted["category"] = check_category(record, err)
        wanted["country"] = country = record.get("country", "").upper()
        if country and country not in self.countries:
            err(
                "country",
                f"The country code {country!r} is not an ISO 3166-1 alpha-2 code.",
            )
        wanted["parent"] = record.get("parent", "")
        self._parent(key, wanted["parent"], ORGANISATIONS, visible, err)
        wanted["website"] = check_website(record, err)
        return wanted

    def _organisation_changes(
        self, org: Organisation, wanted: dict[str, Any], flags: dict[str, bool]
    ) -> dict[str, Any]:
        wanted = wanted | flags
        current: dict[str, Any] = {name: getattr(org, name).strip() for name in NAMES}
        current |= {name: getattr(org, name) for name in flags}
        current |= {"category": org.category, "country": org.country_id or ""}
        current["website"] = org.website
        # A parent the reader may not see was left out of its export: keep it.
        shown = org.parent_id in self.visible_orgs
        current["parent"] = org.parent.key if shown else wanted["parent"] or ""
        return {k: v for k, v in wanted.items() if v != current[k]}

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
            key = check_key(record, seen, err)
            if key:
                seen[key] = number
                change = self._engagement(key, record, by_key.get(key), visible, err)
                if change:
                    out.append(change)
        return _parents_first(out)

    def _engagement(
        self, key: str, record: dict[str, str], eng: Any, visible: Any, err: Any
    ) -> Change | None:
        wanted, places = self._engagement_values(key, record, visible, err)
        flags = read_flags(ENGAGEMENTS, record, err)
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
            err("key", _deleted("engagement", key, self.actor))
            return None
        changes = self._engagement_changes(eng, wanted | flags)
        there = {(p.country_id, p.region_id) for p in eng.places.all()}
        places = [p for p in places if (p.country, p.region) not in there]
        if not changes and not places:
            return None
        if not can_edit_engagement(self.actor, eng):
            err("key", f"You may not change the engagement {key}.")
        return Change(key, eng, changes, places)

    def _engagement_values(
        self, key: str, record: dict[str, str], visible: Any, err: Any
    ) -> tuple[dict[str, Any], list[PlaceSpec]]:
        """The values and the places the row asks for, each checked."""
        wanted: dict[str, Any] = {name: record.get(name, "") for name in TITLES}
        if not any(wanted.values()):
            err(
                "title_en",
                "The engagement has no title; give at least one of "
                "title_ar, title_zh, title_en, title_fr, title_ru, title_es.",
            )
        wanted["kind"] = check_kind(record, err)
        wanted["status"] = check_status(record, err)
        check_dates(record, err)
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
        places = [PlaceSpec(country=c) for c in countries]
        places += [PlaceSpec(region=r) for r in regions]
        return wanted, places

    def _engagement_changes(
        self, eng: Engagement, wanted: dict[str, Any]
    ) -> dict[str, Any]:
        current: dict[str, Any] = {name: getattr(eng, name).strip() for name in TITLES}
        current |= {"kind": eng.kind, "status": eng.status}
        current["start"] = format_fuzzy(eng.start_date, eng.start_precision) or ""
        current["end"] = format_fuzzy(eng.end_date, eng.end_precision) or ""
        shown = eng.parent_id in self.visible_engs
        current["parent"] = eng.parent.key if shown else wanted["parent"] or ""
        current["themes"] = sorted(t.code for t in eng.themes.all())
        current["sdg_targets"] = sorted(t.code for t in eng.sdg_targets.all())
        current |= {"is_published": eng.is_published}
        current |= {"is_confidential": eng.is_confidential}
        return {k: v for k, v in wanted.items() if v != current[k]}

    # --- participations ----------------------------------------------------------

    def participations(self) -> dict[tuple[str, str, str], list[ContributionSpec]]:
        rows = self.rows[PARTICIPATIONS]
        known_orgs = self._load_participations(rows)
        out: dict[tuple[str, str, str], list[ContributionSpec]] = {}
        seen: dict[tuple[Any, ...], int] = {}
        for number, record in rows:
            err = self._at(PARTICIPATIONS, number)
            org, eng = record.get("organisation", ""), record.get("engagement", "")
            self._participants(org, eng, known_orgs, err)
            role = check_role(record, err)
            spec = check_contribution(record, self.currencies, err)
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

    def _load_participations(self, rows: list[tuple[int, dict[str, str]]]) -> set[str]:
        """Read what the participations sheet is checked against: the engagements
        the reader sees, the participations and money already there. Returns the
        keys of the organisations the sheet may name."""
        orgs = {r.get("organisation", "") for _, r in rows}
        engs = {r.get("engagement", "") for _, r in rows}
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
        return self.sheet_keys[ORGANISATIONS] | set(
            organisations_visible_to(self.actor)
            .filter(key__in=orgs)
            .values_list("key", flat=True)
        )

    def _participants(self, org: str, eng: str, known_orgs: set[str], err: Any) -> None:
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
