"""Registry to IATI to registry: organisations, roles, places, sectors and money
come back, and every row written in bulk has its history."""

import datetime as dt
from decimal import Decimal

import pytest
from lxml import etree

from partnerships.accounts.models import Profile
from partnerships.accounts.models import Role as UserRole
from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    MoneyLine,
)
from partnerships.core.actor import ANONYMOUS
from partnerships.interop.iati.export import activities_xml
from partnerships.interop.iati.importer import import_file
from partnerships.interop.iati.mapping import ROLE_CODES, THEME_SECTORS
from partnerships.registry.models import Organisation
from partnerships.sources.models import Evidence
from tests.interop.iati_import_helpers import (
    EXAMPLE,
)

pytestmark = pytest.mark.django_db


def _round_trip_engagements():
    pledge = Engagement.objects.get(key="p040-ec-psup-pledge")
    pledge.start_date, pledge.start_precision = dt.date(2018, 2, 7), "day"
    pledge.save()
    Contribution.objects.filter(participation__engagement=pledge).update(
        value_date=dt.date(2018, 2, 7), value_precision="day"
    )
    return Engagement.objects.filter(start_date__isnull=False)


def _iati_roles(engagement):
    return {
        (p.organisation_id, ROLE_CODES[p.role])
        for p in engagement.participations.all()
        if p.role in ROLE_CODES
    }


def _sectors(engagement):
    return {
        THEME_SECTORS[code]
        for code in engagement.themes.values_list("code", flat=True)
        if code in THEME_SECTORS
    }


def test_iati_to_registry_to_iati_keeps_orgs_roles_places_sectors_and_money(tmp_path):
    engagements = _round_trip_engagements()
    data = activities_xml(
        engagements=engagements,
        actor=ANONYMOUS,
        reporting_org=Organisation.objects.get(key="UN-Habitat"),
        generated=dt.datetime(2019, 3, 6, 12, 0, tzinfo=dt.UTC),
    )
    path = tmp_path / "un-habitat.xml"
    path.write_bytes(data)
    identifiers = etree.fromstring(data).xpath("iati-activity/iati-identifier/text()")
    assert len(identifiers) > 10
    summary = import_file(path)
    assert summary.skipped == [] and summary.created == len(identifiers)
    assert summary.organisations_created == 0  # every one found by @ref or name
    for identifier in identifiers:
        original = Engagement.objects.get(key=identifier.removeprefix("XM-DAC-41120-"))
        imported = Engagement.objects.get(key=identifier)
        assert _iati_roles(imported) == _iati_roles(original), identifier
        for field in ("country_id", "region_id"):
            assert set(imported.places.values_list(field, flat=True)) == set(
                original.places.values_list(field, flat=True)
            ), identifier
        assert _sectors(imported) == _sectors(original), identifier
        assert set(imported.sdg_targets.all()) == set(original.sdg_targets.all())
        assert imported.title_en == original.title_en
        assert (imported.start_date, imported.start_precision) == (
            original.start_date,
            original.start_precision,
        ), identifier
    money = MoneyLine.objects.get(engagement__key="XM-DAC-41120-p040-ec-psup-pledge")
    assert (money.amount, money.currency_id) == (Decimal("10000000.00"), "EUR")
    assert (money.kind, money.type_code) == ("transaction", "11")
    assert money.provider == Organisation.objects.get(key="EC")
    assert import_file(path).writes == 0


def test_every_row_written_in_bulk_has_its_history_with_user_and_reason(
    django_user_model,
):
    editor = django_user_model.objects.create_user(username="iati-bulk", password="x")
    Profile.objects.create(user=editor, role=UserRole.EDITOR)
    import_file(EXAMPLE, user=editor)
    engagement = Engagement.objects.get(key="AA-AAA-123456789-ABC123")
    rows = [
        engagement,
        *engagement.participations.all(),
        *Evidence.objects.filter(passage__document__symbol=f"IATI:{EXAMPLE.name}"),
    ]
    assert len(rows) == 1 + 3 + 4
    # Places and money lines are in the engagement's history row (children).
    children = engagement.history.get().history_children
    assert len(children["places"]["added"]) == engagement.places.count() == 3
    assert len(children["money"]["added"]) == engagement.money.count() == 4
    for row in rows:
        (history,) = row.history.all()
        assert (history.history_type, history.history_change_reason) == (
            "+",
            "import-iati",
        ), row
        assert history.history_user == editor, row
        assert history.instance == row or history.id == row.pk


def test_themes_and_targets_written_in_bulk_are_in_the_history_snapshot(tmp_path):
    data = activities_xml(
        engagements=_round_trip_engagements(),
        actor=ANONYMOUS,
        reporting_org=Organisation.objects.get(key="UN-Habitat"),
        generated=dt.datetime(2019, 3, 6, 12, 0, tzinfo=dt.UTC),
    )
    path = tmp_path / "themes.xml"
    path.write_bytes(data)
    import_file(path)
    imported = Engagement.objects.filter(
        key__startswith="XM-DAC-41120-", themes__isnull=False
    ).distinct()
    assert imported.exists()
    for engagement in imported:
        (history,) = engagement.history.all()
        assert set(history.themes.values_list("theme_id", flat=True)) == set(
            engagement.themes.values_list("code", flat=True)
        )
        assert set(history.sdg_targets.values_list("sdgtarget_id", flat=True)) == set(
            engagement.sdg_targets.values_list("code", flat=True)
        )
