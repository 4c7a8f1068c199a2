"""Deciding on applications: the reviewer's decision, automatic accreditation on
a recorded basis, and the lists of such bases imported from CSV.

Accrediting an organisation the registry does not know creates it through the
registry's services (`organisation_create`), as the deciding actor: the reviewer,
or for an automatic accreditation the system actor "accreditation"."""

from __future__ import annotations

import csv
import io
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerships.core.actor import Actor, system_actor
from partnerships.core.errors import NotAllowed
from partnerships.core.languages import interface_language
from partnerships.core.upsert import save_if_changed
from partnerships.core.versioned import audited_save
from partnerships.registry.keys import suffixed_key
from partnerships.registry.models import Organisation
from partnerships.registry.services import organisation_create, organisation_name_add
from partnerships.registry.visibility import organisations_visible_to
from partnerships.stakeholders.models import (
    DECIDED,
    Accreditation,
    Application,
    ApplicationStatus,
    Basis,
    BasisEntry,
)
from partnerships.stakeholders.services import notify
from partnerships.stakeholders.visibility import can_review

AUTOMATIC = "accreditation"


def normalise(name: str) -> str:
    """A name as lists spell it differently: case, accents, punctuation."""
    flat = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", flat.casefold()).split()) or name


def _content_language(application: Application) -> str:
    lang = interface_language(application.language)
    return lang.code if lang else "en"


def _new_key(application: Application) -> str:
    flat = normalise(application.acronym or application.name).upper()
    base = "-".join(flat.split())[:80] if flat.isascii() and flat else ""
    # A random suffix whatever keys are taken: stepping past a taken key would
    # tell the reviewer that a record they may not see holds it.
    return suffixed_key(base or "ORG")


def _organisation(actor: Actor, application: Application, key: str) -> Organisation:
    """The organisation named by `key`, else the one the application names,
    else a new one."""
    if key:
        found = organisations_visible_to(actor).filter(key=key).first()
        if found is None:
            raise ValidationError(_("No organisation has the key %(k)s.") % {"k": key})
        return found
    if application.organisation_id:
        return application.organisation
    lang = _content_language(application)
    org = organisation_create(
        actor=actor,
        key=_new_key(application),
        changes={
            f"name_{lang}": application.name,
            "category": application.category,
            "country": application.country_id,
            "website": application.website,
        },
        reason=f"accredited to {application.session.key}",
    )
    if application.acronym:
        organisation_name_add(
            actor=actor,
            organisation=org,
            kind="acronym",
            lang=lang,
            value=application.acronym,
            reason="acronym given in the application",
        )
    return org


def _grant(actor: Actor, application: Application, reason: str, key: str) -> None:
    org = _organisation(actor, application, key)
    accreditation = Accreditation(
        organisation=org,
        session=application.session,
        application=application,
        group=application.group,
        basis=application.basis,
    )
    audited_save(accreditation, actor=actor, reason=reason)
    application.organisation = org
    application.status = ApplicationStatus.ACCREDITED


def basis_for(application: Application) -> BasisEntry | None:
    # "Name (ACRONYM)" matches a list that has the name alone.
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", application.name)
    names = {normalise(application.name), normalise(bare)}
    if application.acronym:
        names.add(normalise(application.acronym))
    for entry in BasisEntry.objects.filter(normalised__in=names):
        if entry.country_id in (None, application.country_id):
            return entry
    return None


def accredit_on_basis(application: Application) -> bool:
    """Accredit at once an application whose organisation has a recorded basis."""
    entry = basis_for(application)
    if entry is None:
        return False
    application.basis = entry.basis
    application.reason = _("Accredited on the recorded basis: %(basis)s %(ref)s") % {
        "basis": entry.get_basis_display(),
        "ref": entry.reference,
    }
    application.decided_at = timezone.now()
    actor = system_actor(AUTOMATIC)
    _grant(actor, application, application.reason, "")
    audited_save(application, actor=actor, reason=application.reason)
    return True


def application_decide(
    *,
    actor: Actor,
    application: Application,
    accredit: bool,
    reason: str,
    organisation_key: str = "",
) -> Application:
    if not can_review(actor, application):
        raise NotAllowed(_("This application is not in your charge."))
    if application.status in DECIDED:
        raise ValidationError(_("This application has been decided."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for the decision."))
    with transaction.atomic():
        application.reason = reason
        application.decided_at = timezone.now()
        if accredit:
            _grant(actor, application, reason, organisation_key)
        else:
            application.status = ApplicationStatus.REJECTED
        audited_save(application, actor=actor, reason=f"decided: {reason}")
    notify.tell_status(application, reason)
    return application


def _basis_row(number: int, row: dict[str, str]) -> dict[str, object]:
    basis = (row.get("basis") or "").strip()
    name = (row.get("name") or "").strip()
    if basis not in Basis.values or not basis or not name:
        raise ValidationError(
            _("Line %(n)s: give a name and a basis (ecosoc or earlier).")
            % {"n": number}
        )
    return {
        "name": name,
        "normalised": normalise(name),
        "basis": basis,
        "country_id": (row.get("country") or "").strip().upper() or None,
        "reference": (row.get("reference") or "").strip(),
    }


def basis_import(*, actor: Actor, text: str) -> int:
    """Load a CSV list (name, country, basis, reference); a bad line writes
    nothing and is named. Loading the same list twice writes nothing."""
    if not actor.is_staff_role:
        raise NotAllowed(_("Only editors and administrators import lists."))
    rows = [
        _basis_row(n, row)
        for n, row in enumerate(csv.DictReader(io.StringIO(text)), start=2)
    ]
    written = 0
    with transaction.atomic():
        for row in rows:
            lookup = {"normalised": row.pop("normalised"), "basis": row.pop("basis")}
            _entry, changed = save_if_changed(
                BasisEntry, lookup=lookup, values=row, actor=actor, reason="imported"
            )
            written += changed
    return written
