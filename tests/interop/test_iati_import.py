"""`partnerships import-iati` reads IATI files idempotently into the registry:
the official examples, a dry run, a changed activity."""

import datetime as dt
from decimal import Decimal

import pytest

from partnerships.cooperation.models import (
    Engagement,
    Role,
)
from partnerships.interop.iati.importer import import_file
from partnerships.interop.iati.inverse import safe_key
from partnerships.registry.models import Identifier, Organisation
from partnerships.sources.models import Passage
from tests.interop.iati_import_helpers import (
    EXAMPLE,
    ORG_EXAMPLE,
    command,
    counts,
)

pytestmark = pytest.mark.django_db


def test_the_official_example_imports_with_the_counts_of_the_file():
    before = counts()
    summary = import_file(EXAMPLE)
    after = counts()
    # The file: 1 activity, 3 participating-orgs (roles 1, 2, 3), recipient
    # countries AF and AG, regions 489 (vocabulary 1) and A1 (vocabulary 99, not
    # imported), no DAC 5-digit sector (vocabularies 2 and 99), 1 budget and 1
    # transaction (Incoming Funds from BB-BBB-123456789).
    assert (summary.read, summary.created, summary.skipped) == (1, 1, [])
    assert summary.organisations_created == 3
    engagement = Engagement.objects.get(key="AA-AAA-123456789-ABC123")
    assert engagement.kind == "project" and engagement.status == "ongoing"
    assert engagement.title_en == "Activity title"
    assert engagement.title_fr == "Titre de l'activité"
    assert engagement.title_es == "Título de la actividad"
    assert engagement.summary_en.startswith("General activity description")
    assert engagement.start_date == dt.date(2012, 4, 28)  # actual beats planned
    assert engagement.end_date == dt.date(2015, 12, 31)
    # The example's refs (AA-AAA-..., BB-BBB-...) have no registration agency's
    # prefix: placeholders, kept as attributes, never identities (docs/iati.md).
    roles = {(p.organisation.name_en, p.role) for p in engagement.participations.all()}
    assert roles == {
        ("Name of Agency B", Role.FUNDER),
        ("Name of Agency C", Role.LEAD),
        ("Name of Agency A", Role.ORGANISER),
    }
    assert not Identifier.objects.filter(value__startswith="AA-AAA").exists()
    places = set(engagement.places.values_list("country_id", "region_id"))
    assert places == {("AF", None), ("AG", None), (None, "489")}
    assert engagement.themes.count() == 0
    # Each budget, planned disbursement and transaction as what it is.
    money = list(
        engagement.money.values_list(
            "kind", "type_code", "amount", "currency_id", "value_date", "provider_ref"
        )
    )
    assert money == [
        ("budget", "1", Decimal("3000.00"), "EUR", dt.date(2014, 1, 1), ""),
        (
            "planned-disbursement",
            "1",
            Decimal("3000.00"),
            "EUR",
            dt.date(2014, 1, 1),
            "BB-BBB-123456789",
        ),
        (
            "planned-disbursement",
            "1",
            Decimal("3000.00"),
            "EUR",
            dt.date(2014, 1, 1),
            "",
        ),
        (
            "transaction",
            "1",
            Decimal("1000.00"),
            "EUR",
            dt.date(2012, 1, 1),
            "BB-BBB-123456789",
        ),
    ]
    transaction = engagement.money.get(kind="transaction")
    # The provider is kept as published; a placeholder ref names no organisation.
    assert (transaction.provider_ref, transaction.provider) == (
        "BB-BBB-123456789",
        None,
    )
    assert transaction.provider_activity == "BB-BBB-123456789-1234AA"
    assert after["Engagement"] - before["Engagement"] == 1
    assert after["Participation"] - before["Participation"] == 3
    assert after["Place"] - before["Place"] == 3
    assert after["MoneyLine"] - before["MoneyLine"] == 4
    assert after["Organisation"] - before["Organisation"] == 3
    passage = Passage.objects.get(document__symbol=f"IATI:{EXAMPLE.name}", number=1)
    assert passage.chapter_title == "AA-AAA-123456789-ABC123"
    assert "line 8" in passage.text and "sector 2/111" in passage.text
    assert passage.evidence.filter(engagement=engagement).count() == 1
    assert passage.evidence.filter(participation__isnull=False).count() == 3
    assert engagement.history.first().history_change_reason == "import-iati"


def test_importing_the_same_file_twice_writes_nothing_the_second_time():
    import_file(EXAMPLE)
    between = counts()
    summary = import_file(EXAMPLE)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 1)
    assert summary.writes == 0
    assert counts() == between


def test_a_dry_run_changes_nothing():
    before = counts()
    printed = command(EXAMPLE, "--dry-run")
    assert "read 1, created 1" in printed and "Dry run" in printed
    assert counts() == before


def test_an_identifier_that_is_no_key_becomes_a_stable_slug():
    assert safe_key("XM-DAC-41120-p034", 120) == "XM-DAC-41120-p034"
    odd = safe_key("XM:DAC/41120+p034", 120)
    assert odd.startswith("XM-DAC-41120-p034-") and odd == safe_key(
        "XM:DAC/41120+p034", 120
    )
    assert len(safe_key("A" * 300, 120)) <= 120


def test_the_official_organisation_file_imports_the_organisation_with_its_id():
    summary = import_file(ORG_EXAMPLE)
    assert (summary.read, summary.created, summary.skipped) == (1, 1, [])
    # AA-AAA- is the example's placeholder, not a registration agency's prefix:
    # the organisation is found by its name, and the ref is no identity.
    org = Organisation.objects.get(name_en="Organisation name")
    assert org.name_fr == "Nom de l'organisme"
    assert not Identifier.objects.filter(value="AA-AAA-123456789").exists()
    assert org.category == "intergovernmental"  # type 40
    assert org.mentions.count() == 1
    assert import_file(ORG_EXAMPLE).writes == 0


def test_a_changed_activity_is_updated_in_place_with_its_history(tmp_path):
    import_file(EXAMPLE)
    engagement = Engagement.objects.get(key="AA-AAA-123456789-ABC123")
    text = EXAMPLE.read_text(encoding="utf-8")
    changed = tmp_path / EXAMPLE.name
    changed.write_text(
        text.replace("Activity title", "Activity title, revised").replace(
            'code="AG"', 'code="KE"'
        ),
        encoding="utf-8",
    )
    summary = import_file(changed)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 0)
    engagement.refresh_from_db()
    assert engagement.title_en == "Activity title, revised"
    assert engagement.version == 2
    assert [h.history_type for h in engagement.history.all()] == ["~", "+"]
    assert {"AF", "AG", "KE"} <= set(
        engagement.places.values_list("country_id", flat=True)
    )
    assert import_file(changed).writes == 0
