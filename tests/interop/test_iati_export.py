"""`partnerships iati-export` writes IATI 2.03 files that pass the XSD and codelists."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Q
from django.utils import translation
from lxml import etree

from partnerships.accounts.actors import actor_for
from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    Participation,
    Place,
    Status,
)
from partnerships.core.actor import ANONYMOUS
from partnerships.interop.iati import validate
from partnerships.interop.iati.codelists import active_codes
from partnerships.interop.iati.export import (
    ExportError,
    activities_xml,
    organisations_xml,
)
from partnerships.interop.iati.mapping import ROLE_CODES, STATUS_CODES, THEME_SECTORS
from partnerships.reference.models import Theme
from partnerships.registry.categories import IATI_TYPE
from partnerships.registry.models import Organisation
from partnerships.sources.filters import EngagementPeriodFilter

pytestmark = pytest.mark.django_db

GENERATED = dt.datetime(2019, 3, 6, 12, 0, tzinfo=dt.UTC)
UN_HABITAT = "XM-DAC-41120"
PLEDGE = "p040-ec-psup-pledge"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ACTIVITIES = ("--kind", "activities", "--reporting-org", "UN-Habitat")


def _command(*args: str) -> str:
    out = io.StringIO()
    call_command("iati_export", *args, stdout=out)
    return out.getvalue()


def _export(keys, actor=ANONYMOUS, reporting="UN-Habitat"):
    skipped = []
    data = activities_xml(
        engagements=Engagement.objects.filter(key__in=keys),
        actor=actor,
        reporting_org=Organisation.objects.get(key=reporting),
        generated=GENERATED,
        on_skip=lambda key, reason: skipped.append((key, reason)),
    )
    assert validate.validate_activities(data) == []
    return etree.fromstring(data), skipped


def _activity(root, key):
    found = root.xpath(f"iati-activity[iati-identifier='{UN_HABITAT}-{key}']")
    return found[0] if found else None


def _participants(activity):
    return {
        (p.get("ref"), p.get("role"), p.get("type"), p.findtext("narrative"))
        for p in activity.findall("participating-org")
    }


def test_the_un_habitat_file_for_2017_2018_is_valid_and_leaves_out_only_undated(
    tmp_path,
):
    out = tmp_path / "un-habitat.xml"
    printed = _command(
        "--kind", "activities", "--reporting-org", "UN-Habitat",
        "--organisation", "UN-Habitat", "--from", "2017-01-01", "--to", "2018-12-31",
        "-o", str(out),
    )  # fmt: skip
    data = out.read_bytes()
    assert validate.validate_activities(data) == []
    chosen = EngagementPeriodFilter(
        {"organisation": "UN-Habitat", "start": "2017-01-01", "end": "2018-12-31"},
        queryset=Engagement.objects.all(),
    ).qs
    dated = chosen.filter(Q(start_date__isnull=False) | Q(end_date__isnull=False))
    ids = set(etree.fromstring(data).xpath("//iati-identifier/text()"))
    assert ids == {f"{UN_HABITAT}-{key}" for key in dated.values_list("key", flat=True)}
    assert f"Wrote {len(ids)} activities to {out}" in printed
    for key in chosen.exclude(pk__in=dated).values_list("key", flat=True):
        assert f"{key}: activity left out: it has no start or end date" in printed


def test_an_activity_carries_identifier_roles_country_sector_and_sdg_targets():
    root, _ = _export(["p020-waste-wise-cities-launch"])
    activity = _activity(root, "p020-waste-wise-cities-launch")
    reporting = activity.find("reporting-org")
    assert (reporting.get("ref"), reporting.get("type")) == (UN_HABITAT, "40")
    assert reporting.get("secondary-reporter") == "0"
    titles = {n.get(XML_LANG): n.text for n in activity.findall("title/narrative")}
    assert titles[None] == "Launch of the Waste Wise Cities campaign"
    assert "zh" in titles
    assert activity.find("description").get("type") == "1"
    # organiser and partner are both Implementing (4)
    assert _participants(activity) == {
        (None, "4", "10", "Government of Kenya"),
        (None, "4", "11", "Nairobi City County"),
        (UN_HABITAT, "4", "40", "United Nations Human Settlements Programme"),
        ("XM-DAC-41116", "4", "40", "United Nations Environment Programme"),
    }
    unep = activity.find("participating-org[@ref='XM-DAC-41116']")
    assert unep.get("crs-channel-code") == "41116"
    assert activity.find("activity-status").get("code") == "4"
    date = activity.find("activity-date")
    assert (date.get("type"), date.get("iso-date")) == ("2", "2018-10-01")
    assert date.findtext("narrative") == "Known to the month only: 2018-10"
    country = activity.find("recipient-country")
    assert (country.get("code"), country.get("percentage")) == ("KE", None)
    assert [(s.get("vocabulary"), s.get("code")) for s in activity.iter("sector")] == [
        ("1", "14030")
    ]
    tags = [(t.get("vocabulary"), t.get("code")) for t in activity.iter("tag")]
    assert tags == [("3", "11.6"), ("3", "12.5")]


def test_a_lead_is_accountable_and_a_beneficiary_is_not_named():
    root, _ = _export(["p034-gltn", "p028-unrwa-bethlehem-basic-services"])
    gltn = _activity(root, "p034-gltn")
    roles = {(name, role) for _, role, _, name in _participants(gltn)}
    assert ("Global Land Tool Network", "2") in roles
    assert ("Food and Agriculture Organization of the United Nations", "4") in roles
    assert {t.get("code") for t in gltn.iter("tag")} == {"1.4", "11.1", "5.a"}
    bethlehem = _activity(root, "p028-unrwa-bethlehem-basic-services")
    assert {name for *_, name in _participants(bethlehem)} >= {
        "United Nations Relief and Works Agency for Palestine Refugees in the Near East"
    }
    assert not any("Bethlehem" in (n or "") for *_, n in _participants(bethlehem))


def test_an_unknown_status_is_read_from_the_dates():
    root, _ = _export(["p028-unrwa-bethlehem-basic-services"])
    activity = _activity(root, "p028-unrwa-bethlehem-basic-services")
    assert Engagement.objects.get(key="p028-unrwa-bethlehem-basic-services").status == (
        Status.UNKNOWN
    )
    # started 2018, no end, exported in 2019: under way
    assert activity.find("activity-status").get("code") == "2"
    assert activity.find("activity-date").get("type") == "2"


def test_several_places_and_sectors_share_one_hundred_per_cent():
    engagement = Engagement.objects.create(
        key="iati-shares", kind="project", status="ongoing", title_en="Shares",
        start_date=dt.date(2018, 1, 1), start_precision="year",
    )  # fmt: skip
    Participation.objects.create(
        engagement=engagement, organisation=Organisation.objects.get(key="UNDP"),
        role="lead",
    )  # fmt: skip
    for place in ({"country_id": "KE"}, {"country_id": "TZ"}, {"region_id": "298"}):
        Place.objects.create(engagement=engagement, **place)
    engagement.themes.set(Theme.objects.filter(code__in=["planning", "land", "data"]))
    activity = _activity(_export(["iati-shares"])[0], "iati-shares")
    places = activity.findall("recipient-country") + activity.findall(
        "recipient-region"
    )
    assert [p.get("percentage") for p in places] == ["33.34", "33.33", "33.33"]
    assert activity.find("recipient-region").get("vocabulary") == "1"
    sectors = [(s.get("code"), s.get("percentage")) for s in activity.iter("sector")]
    assert sectors == [("16062", "50.00"), ("43031", "50.00")]


def test_the_undated_ec_pledge_is_left_out_whole():
    with pytest.raises(ExportError, match="No engagement can be exported"):
        _export([PLEDGE])


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fr", "Aucun engagement ne peut être exporté"),
        ("ar", "لا يمكن تصدير أي نشاط تعاون"),
        ("zh-hans", "没有可导出的合作项目"),
    ],
)
def test_a_refused_export_says_why_in_the_readers_language(lang, said):
    with translation.override(lang), pytest.raises(ExportError, match=said):
        _export([PLEDGE])
    with translation.override(lang), pytest.raises(ExportError) as refused:
        _export(["p034-gltn"], reporting="EC")
    assert "XM-DAC-41120" in str(refused.value)
    assert "has no IATI organisation identifier" not in str(refused.value)


def test_the_ec_pledge_is_an_incoming_commitment_dated_by_the_activity_start():
    # Give the pledge the date of the ninth World Urban Forum, where it was made.
    Engagement.objects.filter(key=PLEDGE).update(
        start_date=dt.date(2018, 2, 1), start_precision="month"
    )
    root, skipped = _export([PLEDGE])
    assert skipped == []
    activity = _activity(root, PLEDGE)
    # UN-Habitat takes no part in the pledge: it reports it as a secondary reporter
    assert activity.find("reporting-org").get("secondary-reporter") == "1"
    assert _participants(activity) == {(None, "1", "40", "European Commission")}
    transaction = activity.find("transaction")
    assert transaction.find("transaction-type").get("code") == "11"
    assert transaction.find("transaction-date").get("iso-date") == "2018-02-01"
    value = transaction.find("value")
    assert (value.get("currency"), value.get("value-date")) == ("EUR", "2018-02-01")
    assert Decimal(value.text) == Decimal("10000000")
    provider = transaction.find("provider-org")
    assert (provider.get("ref"), provider.get("type")) == (None, "40")
    assert provider.findtext("narrative") == "European Commission"


def test_a_contribution_keeps_its_own_value_date_and_a_future_one_is_left_out():
    Engagement.objects.filter(key=PLEDGE).update(
        start_date=dt.date(2018, 1, 1), start_precision="year"
    )
    pledge = Contribution.objects.get(participation__engagement__key=PLEDGE)
    Contribution.objects.filter(pk=pledge.pk).update(
        value_date=dt.date(2018, 2, 8), value_precision="day"
    )
    Contribution.objects.create(
        participation=pledge.participation, amount=5, currency_id="EUR",
        value_date=dt.date(2030, 1, 1), value_precision="year",
    )  # fmt: skip
    root, skipped = _export([PLEDGE])
    values = _activity(root, PLEDGE).findall("transaction/value")
    assert [v.get("value-date") for v in values] == ["2018-02-08"]
    assert skipped == [
        (PLEDGE, "transaction of EC (EUR 5.00) left out: dated in the future")
    ]


def test_the_reporting_organisations_own_money_is_an_outgoing_commitment():
    engagement = Engagement.objects.get(key="p020-waste-wise-cities-launch")
    funder = Participation.objects.create(
        engagement=engagement,
        organisation=Organisation.objects.get(key="UN-Habitat"),
        role="funder",
    )
    Contribution.objects.create(participation=funder, amount=100, currency_id="USD")
    activity = _activity(_export([engagement.key])[0], engagement.key)
    assert activity.find("transaction/transaction-type").get("code") == "2"
    assert activity.find("transaction/provider-org").get("ref") == UN_HABITAT


def test_an_anonymous_export_shows_only_what_the_public_may_see(admin_user):
    session_key = "p009-hlpf-2018-sdg11-special-sessions"
    keys = ["p020-waste-wise-cities-launch", "p034-gltn", session_key]
    Engagement.objects.filter(key="p020-waste-wise-cities-launch").update(
        is_confidential=True
    )
    Engagement.objects.filter(key__in=["p034-gltn", "p009-hlpf-2018"]).update(
        is_published=False
    )
    Organisation.objects.filter(key="UNEP").update(is_published=False)
    public, _ = _export(keys)
    assert _activity(public, "p020-waste-wise-cities-launch") is None
    assert _activity(public, "p034-gltn") is None
    session = _activity(public, session_key)
    assert session.find("related-activity") is None  # its parent is unpublished
    assert b"XM-DAC-41116" not in etree.tostring(public)
    admin, _ = _export(keys, actor=actor_for(admin_user))
    assert _activity(admin, "p020-waste-wise-cities-launch") is not None
    assert _activity(admin, "p034-gltn") is not None
    parent = _activity(admin, session_key).find("related-activity")
    assert (parent.get("ref"), parent.get("type")) == (
        f"{UN_HABITAT}-p009-hlpf-2018",
        "1",
    )
    assert b"XM-DAC-41116" in etree.tostring(admin)


def test_the_command_exports_as_a_user(tmp_path, admin_user):
    Engagement.objects.filter(key="p034-gltn").update(is_confidential=True)
    out = tmp_path / "admin.xml"
    _command(
        "--kind", "activities", "--reporting-org", "UN-Habitat", "--as", "root",
        "--organisation", "GLTN", "--role", "lead", "-o", str(out),
    )  # fmt: skip
    assert f"{UN_HABITAT}-p034-gltn".encode() in out.read_bytes()


def test_an_organisation_file_is_valid(tmp_path):
    out = tmp_path / "org.xml"
    printed = _command(
        "--kind", "organisations", "--reporting-org", "UN-Habitat", "-o", str(out)
    )
    data = out.read_bytes()
    assert validate.validate_organisations(data) == []
    assert "Wrote 1 organisation to" in printed
    org = etree.fromstring(data).find("iati-organisation")
    assert org.findtext("organisation-identifier") == UN_HABITAT
    assert org.find("reporting-org").get("ref") == UN_HABITAT
    everyone = organisations_xml(
        organisations=Organisation.objects.all(), actor=ANONYMOUS, generated=GENERATED
    )
    assert validate.validate_organisations(everyone) == []
    assert everyone.count(b"<iati-organisation ") == 13


def test_a_reporting_organisation_without_an_iati_identifier_is_refused(tmp_path):
    with pytest.raises(ExportError, match="EC has no IATI organisation identifier"):
        _export(["p034-gltn"], reporting="EC")
    out = tmp_path / "ec.xml"
    with pytest.raises(CommandError, match="EC has no IATI organisation identifier"):
        _command("--kind", "activities", "--reporting-org", "EC", "-o", str(out))
    with pytest.raises(CommandError, match="EC has no IATI organisation identifier"):
        _command("--kind", "organisations", "--organisation", "EC", "-o", str(out))
    assert list(tmp_path.iterdir()) == []


def test_the_command_writes_nothing_when_the_file_is_invalid(tmp_path, monkeypatch):
    monkeypatch.setattr(
        validate, "validate_activities", lambda data: ["line 3: broken on purpose"]
    )
    out = tmp_path / "bad.xml"
    with pytest.raises(CommandError, match="(?s)nothing was written.*line 3: broken"):
        _command(
            "--kind", "activities", "--reporting-org", "UN-Habitat", "-o", str(out)
        )
    assert list(tmp_path.iterdir()) == []
    out.write_text("the previous export")
    with pytest.raises(CommandError):
        _command(
            "--kind", "activities", "--reporting-org", "UN-Habitat", "-o", str(out)
        )
    assert out.read_text() == "the previous export"
    assert list(tmp_path.iterdir()) == [out]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--organisation", "NO-SUCH-ORG"], "no organisation 'NO-SUCH-ORG'"),
        (["--from", "2019", "--to", "2018"], "--from must not be after --to"),
        (["--from", "March 2018"], "is not a date of the form"),
        (["--as", "nobody"], "There is no user 'nobody'"),
    ],
)
def test_bad_input_is_refused_clearly(tmp_path, args, message):
    out = tmp_path / "x.xml"
    with pytest.raises(CommandError, match=message):
        _command(*ACTIVITIES, "-o", str(out), *args)
    assert not out.exists()


def test_the_validator_finds_schema_and_codelist_errors_with_their_lines():
    data = activities_xml(
        engagements=Engagement.objects.filter(key="p020-waste-wise-cities-launch"),
        actor=ANONYMOUS,
        reporting_org=Organisation.objects.get(key="UN-Habitat"),
        generated=GENERATED,
    )
    broken = (
        data.replace(b'code="14030"', b'code="74010"')
        .replace(b'code="KE"', b'code="XX"')
        .replace(b'<activity-status code="4"/>', b"")
    )
    errors = validate.validate_activities(broken)
    assert any("activity-date" in e and e.startswith("line ") for e in errors)
    assert any("'74010' is withdrawn from Sector" in e for e in errors)
    assert any("'XX' is not in Country" in e for e in errors)


def test_every_code_of_the_mapping_tables_is_an_active_iati_code():
    assert set(THEME_SECTORS.values()) <= active_codes("Sector")
    assert set(THEME_SECTORS) <= set(Theme.objects.values_list("code", flat=True))
    assert set(ROLE_CODES.values()) <= active_codes("OrganisationRole")
    assert set(STATUS_CODES.values()) <= active_codes("ActivityStatus")
    assert set(IATI_TYPE.values()) <= active_codes("OrganisationType")
