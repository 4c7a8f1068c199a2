"""The inverse of mapping.py: IATI codes and organisations read back into the registry.

Built from the export's tables (mapping.py, registry.categories.IATI_TYPE) so the
two directions cannot drift apart; the choices where the export's maps are not
one-to-one are documented in docs/iati.md ("Import").
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache

from django.db import transaction

from partnerships.cooperation.models import Role, Status
from partnerships.core.actor import Actor
from partnerships.core.dates import FuzzyDate, Precision
from partnerships.core.languages import UN_LANGUAGES
from partnerships.interop.iati import mapping as m
from partnerships.interop.iati.codelists import active_codes
from partnerships.interop.iati.elements import IATI_SCHEME
from partnerships.interop.iati.near import Proposals
from partnerships.interop.iati.reader import OrgRef, Record
from partnerships.registry.categories import IATI_TYPE, Category
from partnerships.registry.models import KEY_PATTERN, Identifier, Organisation
from partnerships.registry.resolve import find_organisation
from partnerships.registry.resolve import is_identifier as _is_identifier
from partnerships.registry.services import OrganisationSpec, organisation_upsert

ENGAGEMENT_KEY_MAX = 120
_KEY = re.compile(KEY_PATTERN)

# IATI OrganisationRole -> engagement role (the brief's inverse of mapping.ROLE_CODES:
# Extending, which the export never writes, reads as the organiser).
ROLES = {"1": Role.FUNDER, "2": Role.LEAD, "3": Role.ORGANISER, "4": Role.IMPLEMENTER}
# ActivityStatus -> status: the inverse of STATUS_CODES, plus 3 Finalisation (the
# work is done, the accounts are not closed) as completed and 6 Suspended as unknown.
STATUSES = {code: status for status, code in m.STATUS_CODES.items()} | {
    "3": Status.COMPLETED,
    "6": Status.UNKNOWN,
}
# DAC sector -> theme. Several themes share 43031; the broadest one comes back.
SECTOR_THEMES = {code: theme for theme, code in reversed(m.THEME_SECTORS.items())}
ORGANISATION_KEY_MAX = 100
# OrganisationType -> category: the inverse of registry.categories.IATI_TYPE, with
# a choice where several categories share a type, and the types no category has
# by default (the organisation keeps the type itself as its override).
CATEGORY_BY_TYPE: dict[str, str] = {code: cat for cat, code in IATI_TYPE.items()} | {
    "10": Category.NATIONAL_GOVERNMENT,
    "21": Category.NGO,
    "22": Category.NGO,
    "23": Category.NGO,
    "24": Category.NGO,
    "30": Category.OTHER,
    "40": Category.INTERGOVERNMENTAL,
    "71": Category.PRIVATE_SECTOR,
    "72": Category.PRIVATE_SECTOR,
    "73": Category.PRIVATE_SECTOR,
    "90": Category.OTHER,
}

# Asked of every ref of every line (a file names a few hundred refs at most);
# the agencies' codelists it reads are loaded once per process anyway.
is_identifier = lru_cache(maxsize=4096)(_is_identifier)


def safe_key(text: str, max_length: int) -> str:
    """`text` when it is a valid key, else a slug of it plus a short hash."""
    text = text.strip()
    if _KEY.match(text) and len(text) <= max_length:
        return text
    digest = hashlib.sha256(text.encode()).hexdigest()[:8]
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-._")[: max_length - 9]
    return f"{slug}-{digest}" if slug else f"iati-{digest}"


def fuzzy(value: tuple[str, str] | None, *, end: bool) -> FuzzyDate | None:
    if not value or not value[0]:
        return None
    day = dt.date.fromisoformat(value[0][:10])
    if value[1] == Precision.YEAR:
        return FuzzyDate(
            dt.date(day.year, 12, 31) if end else dt.date(day.year, 1, 1), value[1]
        )
    if value[1] == Precision.MONTH:
        return FuzzyDate(day, value[1])  # written as stored: first or last day
    return FuzzyDate(day, Precision.DAY)


def file_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def passage_text(record: Record, notes: list[str]) -> str:
    """What the registry cannot hold, kept where a reader of the evidence sees it."""
    parts = [f"iati-activity at line {record.line}: {record.identifier}."]
    if record.reporting and record.reporting.label:
        parts.append(f"Reporting org: {record.reporting.label}.")
    if notes:
        parts.append("Not mapped: " + ", ".join(notes) + ".")
    return " ".join(parts)


class OrganisationResolver:
    """An organisation named in a file: by its IATI identifier, then by exact
    name in any language, else created (and remembered for the rest of the file)."""

    def __init__(
        self, reason: str, actor: Actor, proposals: Proposals | None = None
    ) -> None:
        self.reason = reason
        self.actor = actor
        # Names without a usable ref that are near a registry name are proposed
        # for review (near.py); `where` is the activity being read.
        self.proposals = proposals
        self.where = ""
        self.cache: dict[str, Organisation] = {}
        # Tokens the registry did not hold when asked; forgotten whenever an
        # organisation is created or given an identifier (it may be one of them).
        self.missing: set[str] = set()
        self.created = 0
        self.matched = 0
        self.writes = 0
        self.types = frozenset(active_codes("OrganisationType"))

    def prefetch(self, refs: Iterable[OrgRef]) -> None:
        """Find in one query the organisations known by these IATI identifiers
        (the first step of `resolve`, for a whole chunk of activities)."""
        wanted = {
            ref.ref
            for ref in refs
            if is_identifier(ref.ref) and ref.ref not in self.cache
        }
        if not wanted:
            return
        known = Identifier.objects.filter(scheme=IATI_SCHEME, value__in=wanted)
        for identifier in known.select_related("organisation"):
            self.cache[identifier.value] = identifier.organisation

    def forget(self) -> None:
        # After a rolled-back activity, what it created is gone.
        self.cache.clear()
        self.missing.clear()

    def known(self, ref: OrgRef | None) -> Organisation | None:
        """The organisation `ref` names when the registry holds it; none created
        (a provider or receiver of money is kept as written otherwise)."""
        if ref is None or not ref.label:
            return None
        token = _token(ref)
        if token not in self.cache:
            if token in self.missing:
                return None
            with transaction.atomic():
                found = self._find(ref)
            if found is None:
                self.missing.add(token)
                self._propose(ref, None)
                return None
            self.cache[token] = found
        return self.cache[token]

    def resolve(self, ref: OrgRef) -> Organisation:
        token = _token(ref)
        if token not in self.cache:
            # A savepoint: an organisation the registry refuses leaves nothing.
            with transaction.atomic():
                found = self._find(ref)
                if found is not None:
                    self.matched += 1
                else:
                    found = self._create(ref)
                    self._propose(ref, found.pk)
                self.cache[token] = found
        return self.cache[token]

    def _propose(self, ref: OrgRef, created: int | None) -> None:
        if self.proposals is None or is_identifier(ref.ref):
            return
        names = dict(ref.names) or {"en": ref.ref}
        self.proposals.propose(names, ref.ref, self.where, created)

    def _find(self, ref: OrgRef) -> Organisation | None:
        usable = is_identifier(ref.ref)
        names = [*ref.names.values()] or ([] if usable else [ref.ref])
        found = find_organisation(ref=ref.ref if usable else "", names=names)
        if found is not None:
            if found.how == "name" and usable:
                org = found.organisation
                self._upsert(_spec_of(org, ref.ref), org.parent)
            return found.organisation
        key = safe_key(_key_text(ref), ORGANISATION_KEY_MAX)
        # The same derived key is the same organisation (same @ref or same name).
        return Organisation.objects.filter(key=key).first()

    def _create(self, ref: OrgRef) -> Organisation:
        category = CATEGORY_BY_TYPE.get(ref.type, Category.OTHER)
        override = ref.type if ref.type in self.types else None
        usable = is_identifier(ref.ref)
        spec = OrganisationSpec(
            key=safe_key(_key_text(ref), ORGANISATION_KEY_MAX),
            category=category,
            names={k: v[:300] for k, v in ref.names.items()} or {"en": ref.ref[:300]},
            iati_type=None if override == IATI_TYPE[category] else override,
            identifiers={(IATI_SCHEME, ref.ref)} if usable else set(),
        )
        org = self._upsert(spec, None)
        self.created += 1
        if self.proposals is not None:
            self.proposals.made(org.pk, [spec.key, *spec.names.values()])
        return org

    def _upsert(
        self, spec: OrganisationSpec, parent: Organisation | None
    ) -> Organisation:
        # A party the file names outside the importer's charge is created
        # unpublished, for an editor in charge or an administrator to publish.
        org, written = organisation_upsert(
            actor=self.actor,
            spec=spec,
            parent=parent,
            reason=self.reason,
            propose=True,
        )
        self.writes += written
        if written:
            self.missing.clear()
        return org


def _token(ref: OrgRef) -> str:
    """What one organisation is remembered by for the rest of the file: its
    identifier, else its name (two NGOs sharing a generic ref stay two)."""
    if is_identifier(ref.ref):
        return ref.ref
    return f"name:{_key_text(ref)}"


def _key_text(ref: OrgRef) -> str:
    if is_identifier(ref.ref):
        return ref.ref
    return next(iter(ref.names.values()), "") or ref.ref


def _spec_of(org: Organisation, ref: str) -> OrganisationSpec:
    """The organisation as it is, plus an IATI identifier: nothing else changes."""
    return OrganisationSpec(
        key=org.key,
        category=org.category,
        names={lang: getattr(org, f"name_{lang}") for lang in UN_LANGUAGES},
        country=org.country_id,
        iati_type=org.iati_type_id,
        website=org.website,
        identifiers={(IATI_SCHEME, ref)},
        is_synthetic=org.is_synthetic,
    )
