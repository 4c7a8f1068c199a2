"""The database itself refuses bad organisations, not only the forms."""

import pytest
from django.db import IntegrityError, connection, transaction

from partnerships.registry.models import Identifier, Organisation

pytestmark = pytest.mark.django_db


def _create(**fields):
    values = {"key": "TEST-ORG", "category": "ngo", "name_en": "Test organisation"}
    values.update(fields)
    return Organisation.objects.create(**values)


def test_it_rejects_an_unknown_category():
    with pytest.raises(IntegrityError), transaction.atomic():
        _create(category="club")


def test_it_rejects_an_organisation_without_any_name():
    with pytest.raises(IntegrityError), transaction.atomic():
        _create(name_en="")


def test_it_rejects_a_malformed_key():
    with pytest.raises(IntegrityError), transaction.atomic():
        _create(key="-bad key;")


def test_it_rejects_a_country_code_that_is_not_iso():
    with pytest.raises(IntegrityError), transaction.atomic():
        _create(country_id="QQ")
        # Foreign keys are checked at commit; check them now.
        connection.check_constraints()


def test_it_rejects_a_second_organisation_with_the_same_key():
    _create()
    with pytest.raises(IntegrityError), transaction.atomic():
        _create(name_en="Another")


def test_an_identifier_is_unique_within_its_scheme_only():
    first, second = _create(), _create(key="TEST-ORG-2")
    Identifier.objects.create(organisation=first, scheme="IATI", value="XM-DAC-1")
    Identifier.objects.create(organisation=second, scheme="OTHER", value="XM-DAC-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        Identifier.objects.create(organisation=second, scheme="IATI", value="XM-DAC-1")


def test_it_rejects_an_empty_other_name():
    org = _create()
    with pytest.raises(IntegrityError), transaction.atomic():
        org.other_names.create(kind="acronym", lang="en", value="")


def test_it_rejects_an_other_name_of_unknown_kind_or_language():
    org = _create()
    with pytest.raises(IntegrityError), transaction.atomic():
        org.other_names.create(kind="nickname", lang="en", value="TO")
    with pytest.raises(IntegrityError), transaction.atomic():
        org.other_names.create(kind="acronym", lang="de", value="TO")
