"""Writes to the registry of organisations."""

from __future__ import annotations

from dataclasses import dataclass, field

from partnerships.core.languages import UN_LANGUAGES
from partnerships.core.upsert import Lifecycle, save_if_changed, set_stamps
from partnerships.registry.models import Identifier, Organisation, OrganisationName


@dataclass
class OrganisationSpec:
    key: str
    category: str
    names: dict[str, str] = field(default_factory=dict)
    acronyms: dict[str, set[str]] = field(default_factory=dict)
    short_names: dict[str, set[str]] = field(default_factory=dict)
    aliases: set[tuple[str, str, str]] = field(
        default_factory=set
    )  # (kind, lang, value)
    country: str | None = None
    parent: str | None = None
    iati_type: str | None = None
    website: str = ""
    identifiers: set[tuple[str, str]] = field(default_factory=set)
    is_synthetic: bool = False
    # None: as the row has it (a new row: the model's default).
    is_published: bool | None = None
    lifecycle: Lifecycle | None = None

    def other_names(self) -> set[tuple[str, str, str]]:
        out = set(self.aliases)
        for lang, values in self.acronyms.items():
            out |= {("acronym", lang, v) for v in values}
        for lang, values in self.short_names.items():
            out |= {("short", lang, v) for v in values}
        return out


def organisation_upsert(
    *, spec: OrganisationSpec, parent: Organisation | None, reason: str = ""
) -> tuple[Organisation, bool]:
    """Create or update an organisation with its other names and identifiers.

    Names and identifiers listed in `spec` are added if missing; others are kept,
    since they may come from another source or a user's edit.
    """
    values: dict[str, object] = {
        "category": spec.category,
        "country_id": spec.country,
        "parent": parent,
        "iati_type_id": spec.iati_type,
        "website": spec.website,
        "is_synthetic": spec.is_synthetic,
    }
    if spec.is_published is not None:
        values["is_published"] = spec.is_published
    if spec.lifecycle:
        values.update(spec.lifecycle.columns())
    for lang in UN_LANGUAGES:
        values[f"name_{lang}"] = spec.names.get(lang, "")
    org, written = save_if_changed(
        Organisation, lookup={"key": spec.key}, values=values, reason=reason
    )
    for kind, lang, value in sorted(spec.other_names()):
        _, added = save_if_changed(
            OrganisationName,
            lookup={"organisation": org, "kind": kind, "lang": lang, "value": value},
            values={},
            reason=reason,
        )
        written |= added
    for scheme, value in sorted(spec.identifiers):
        _, added = save_if_changed(
            Identifier,
            lookup={"scheme": scheme, "value": value},
            values={"organisation": org},
            reason=reason,
        )
        written |= added
    if spec.lifecycle:
        written |= set_stamps(org, spec.lifecycle.stamps())
    return org, written
