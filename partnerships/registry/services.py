"""Every write to the registry of organisations: permission, validation, version
check and audit in one place.

Staff pages, the back office, the API, imports, the review queue and the loaders
all call these; nothing else writes the registry's models (a test checks it). A
write always names its actor (`core.actor`): a user's, or a system actor for
loaders and commands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from partnerships.core.actor import Actor, can_create
from partnerships.core.errors import NotAllowed
from partnerships.core.languages import UN_LANGUAGES
from partnerships.core.upsert import Lifecycle, save_if_changed, set_stamps
from partnerships.core.versioned import (
    audited_save,
    versioned_restore,
    versioned_soft_delete,
    versioned_update,
)
from partnerships.registry.models import Identifier, Organisation, OrganisationName
from partnerships.registry.visibility import can_edit_organisation, in_charge_of_new

NAMES = {f"name_{lang}" for lang in UN_LANGUAGES}
# A focal point keeps its organisation's profile; its category and publication are
# staff decisions.
FOCAL_POINT_EDITABLE = NAMES | {"website", "country"}
STAFF_EDITABLE = FOCAL_POINT_EDITABLE | {"category", "parent", "is_published"}


def _apply(org: Organisation, changes: dict[str, Any], allowed: set[str]) -> None:
    if refused := set(changes) - allowed:
        raise ValidationError(
            {name: _("You cannot change this field.") for name in refused}
        )
    for name, value in changes.items():
        if name == "parent":
            org.parent = _parent(value)
        elif name == "country":
            # A code (API, staff pages) or a Country (the back office's form).
            org.country_id = getattr(value, "pk", value) or None
        else:
            setattr(org, name, value)


def _parent(value: Organisation | str | None) -> Organisation | None:
    """The parent named by key (API, staff pages) or given as an instance (the
    back office's form)."""
    if not value or isinstance(value, Organisation):
        return value or None
    parent = Organisation.objects.filter(key=value).first()
    if parent is None:
        raise ValidationError(
            {"parent": _("No organisation has the key %(key)s.") % {"key": value}}
        )
    return parent


def _allowed(actor: Actor) -> set[str]:
    return STAFF_EDITABLE if actor.is_staff_role else FOCAL_POINT_EDITABLE


def organisation_create(
    *,
    actor: Actor,
    key: str,
    changes: dict[str, Any],
    reason: str = "",
    propose: bool = False,
) -> Organisation:
    """A new organisation. An editor creates one only in its charge (its
    categories, or based in its regions: docs/security.md, "Editors create
    organisations only in their charge"). Outside it, a record the editor
    types is refused; one a source names (`propose`: a report's candidate, an
    IATI file's party) is created unpublished, proposed to an editor in charge
    or an administrator, who publishes it."""
    if not can_create(actor):
        raise NotAllowed(_("Only editors and administrators create organisations."))
    org = Organisation(key=key)
    _apply(org, changes, STAFF_EDITABLE)
    if not in_charge_of_new(actor, category=org.category, country=org.country_id):
        if not propose:
            raise NotAllowed(outside_charge())
        org.is_published = False
    audited_save(org, actor=actor, reason=reason or "created")
    return org


def outside_charge() -> str:
    """The refusal of a new organisation outside the actor's charge."""
    return _(
        "You may create only organisations in your charge: of your categories, "
        "or based in a country of your regions."
    )


def organisation_update(
    *,
    actor: Actor,
    organisation: Organisation,
    expected_version: int,
    changes: dict[str, Any],
    reason: str = "",
) -> Organisation:
    if not can_edit_organisation(actor, organisation):
        raise NotAllowed(_("You may not change this organisation."))
    return versioned_update(
        Organisation,
        pk=organisation.pk,
        expected_version=expected_version,
        apply=lambda org: _apply(org, changes, _allowed(actor)),
        actor=actor,
        reason=reason,
    )


def organisation_delete(
    *, actor: Actor, organisation: Organisation, expected_version: int, reason: str = ""
) -> Organisation:
    if not actor.is_staff_role or not can_edit_organisation(actor, organisation):
        raise NotAllowed(_("You may not delete this organisation."))
    return versioned_soft_delete(
        organisation,
        expected_version=expected_version,
        actor=actor,
        reason=reason,
    )


def organisation_restore(
    *, actor: Actor, organisation: Organisation, reason: str = ""
) -> Organisation:
    if not actor.is_admin:
        raise NotAllowed(_("Only administrators restore deleted records."))
    return versioned_restore(organisation, actor=actor, reason=reason)


def organisation_name_add(
    *,
    actor: Actor,
    organisation: Organisation,
    kind: str,
    lang: str,
    value: str,
    reason: str = "",
) -> tuple[OrganisationName, bool]:
    """Give an organisation another name (acronym, short form, alias) unless it
    has it already; returns (name, added). Any editor may: a name only adds a way
    to find the organisation (a reviewer meets them in reports of every region),
    changes nothing else of it, and is audited."""
    if not (actor.is_staff_role or can_edit_organisation(actor, organisation)):
        raise NotAllowed(
            _("You may not change the organisation %(key)s.")
            % {"key": organisation.key}
        )
    return save_if_changed(
        OrganisationName,
        lookup={
            "organisation": organisation,
            "kind": kind,
            "lang": lang,
            "value": value,
        },
        values={},
        actor=actor,
        reason=reason or "name added",
    )


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


def _columns(spec: OrganisationSpec, parent: Organisation | None) -> dict[str, object]:
    """The organisation's own columns as `spec` gives them."""
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
    # A name the spec lacks is kept: it may come from a terminology import or an edit.
    for lang, name in spec.names.items():
        values[f"name_{lang}"] = name
    return values


def organisation_upsert(
    *,
    actor: Actor,
    spec: OrganisationSpec,
    parent: Organisation | None,
    reason: str = "",
    propose: bool = False,
) -> tuple[Organisation, bool]:
    """Create or update an organisation with its other names and identifiers.
    A new one outside an editor's charge is refused, or created unpublished
    with `propose` (as `organisation_create`).

    Names and identifiers listed in `spec` are added if missing; others are kept,
    since they may come from another source or a user's edit. Staff may add an
    organisation this way; an existing one is changed only by an actor who may
    change it (an administrator, a loader, an editor in charge).
    """
    found = Organisation.objects.filter(key=spec.key).first()
    if not can_create(actor) or (
        found is not None and not can_edit_organisation(actor, found)
    ):
        raise NotAllowed(
            _("You may not change the organisation %(key)s.") % {"key": spec.key}
        )
    values = _columns(spec, parent)
    if found is None and not in_charge_of_new(
        actor, category=spec.category, country=spec.country
    ):
        if not propose:
            raise NotAllowed(outside_charge())
        values["is_published"] = False
    org, written = save_if_changed(
        Organisation,
        lookup={"key": spec.key},
        values=values,
        actor=actor,
        reason=reason,
    )
    for kind, lang, value in sorted(spec.other_names()):
        _row, added = save_if_changed(
            OrganisationName,
            lookup={"organisation": org, "kind": kind, "lang": lang, "value": value},
            values={},
            actor=actor,
            reason=reason,
        )
        written |= added
    for scheme, value in sorted(spec.identifiers):
        _row, added = save_if_changed(
            Identifier,
            lookup={"scheme": scheme, "value": value},
            values={"organisation": org},
            actor=actor,
            reason=reason,
        )
        written |= added
    if spec.lifecycle:
        written |= set_stamps(org, spec.lifecycle.stamps())
    return org, written
