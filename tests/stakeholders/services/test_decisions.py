"""Automatic accreditation on a recorded basis, and the CSV lists of bases."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError

from partnerships.core.errors import NotAllowed
from partnerships.registry.models import Organisation
from partnerships.stakeholders.models import Accreditation, BasisEntry
from partnerships.stakeholders.services.applications import application_submit
from partnerships.stakeholders.services.decisions import basis_import, normalise
from tests.factories import TESTER, organisation

LIST = (
    "name,country,basis,reference\n"
    "Habitat International Coalition,,ecosoc,ECOSOC special status 1987\n"
    "Slum Dwellers Network of Nairobi,KE,earlier,HSP/HA/1 accredited\n"
)


def _submit(session, **values):
    base = {
        "name": "Habitat International Coalition",
        "country": "MX",
        "category": "ngo",
        "group": "ngo",
        "description": "A network for the right to housing.",
        "contact_name": "A. Person",
        "contact_email": "person@hic.example.org",
    }
    return application_submit(
        session=session,
        values={**base, **values},
        uploads=[],
        language="fr",
        status_url=lambda token: f"https://example.org/{token}",
    )[0]


def test_importing_a_list_twice_writes_nothing_the_second_time(db):
    assert basis_import(actor=TESTER, text=LIST) == 2
    assert basis_import(actor=TESTER, text=LIST) == 0
    entry = BasisEntry.objects.get(basis="earlier")
    assert (entry.normalised, entry.country_id) == (
        "slum dwellers network of nairobi",
        "KE",
    )


def test_a_bad_line_is_named_and_nothing_is_written(db):
    bad = LIST + "Someone,,honorary,\n"
    with pytest.raises(ValidationError, match="Line 4"):
        basis_import(actor=TESTER, text=bad)
    assert not BasisEntry.objects.exists()


def test_only_staff_import_lists(cast):
    from partnerships.accounts.actors import actor_for

    with pytest.raises(NotAllowed):
        basis_import(actor=actor_for(cast["focal-point"]), text=LIST)


def test_an_organisation_with_ecosoc_status_is_accredited_at_once(session):
    basis_import(actor=TESTER, text=LIST)
    application = _submit(session, name="Habitat International Coalition (HIC)")
    assert application.status == "accredited"
    assert application.basis == "ecosoc"
    org = Organisation.objects.get(pk=application.organisation_id)
    # The applicant wrote in French: the name goes into the French column.
    assert org.name_fr == "Habitat International Coalition (HIC)"
    assert org.history.first().history_change_reason == "accredited to ha-9"
    assert Accreditation.objects.get(organisation=org).basis == "ecosoc"


def test_a_basis_for_another_country_does_not_count(session):
    basis_import(actor=TESTER, text=LIST)
    application = _submit(session, name="Slum Dwellers Network of Nairobi")
    assert application.status == "submitted"
    assert not Accreditation.objects.exists()


def test_an_accreditation_joins_an_organisation_the_registry_knows(
    session, client, cast
):
    from django.urls import reverse

    known = organisation(key="HIC", en="Habitat International Coalition")
    application = _submit(session, name="HIC network")
    client.force_login(cast["administrator"])
    client.post(
        reverse("stakeholders:act", args=[application.pk, "decide"]),
        {
            "decide-accredit": "yes",
            "decide-reason": "Known partner.",
            "decide-organisation_key": "HIC",
        },
    )
    assert Accreditation.objects.get().organisation == known
    assert Organisation.objects.filter(name_en__startswith="HIC network").count() == 0


def test_names_are_compared_without_case_accents_or_punctuation():
    assert normalise("Fédération  des Villes, Unies!") == "federation des villes unies"


def test_a_new_key_does_not_depend_on_the_keys_others_hold(session):
    # Stepping past a taken key ("HIC", then "HIC-2") would tell the reviewer
    # that some record, perhaps one they may not see, holds "HIC".
    organisation(key="HABITAT-INTERNATIONAL-COALITION", en="Hidden one")
    basis_import(actor=TESTER, text=LIST)
    application = _submit(session)
    key = Organisation.objects.get(pk=application.organisation_id).key
    assert re.fullmatch(r"HABITAT-INTERNATIONAL-COALITION-[2-9A-Z]{4}", key), key
