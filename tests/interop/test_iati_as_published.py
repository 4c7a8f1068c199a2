"""An imported activity exported as published: its reporting-org (unless the
exporter is asked to report), its dates, places with their percentages and
status while the registry still reads the same from them, a participant matched
through an alias, and an identifier holding a space (with a warning)."""

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from lxml import etree

from partnerships.cooperation import services
from partnerships.cooperation.models import Engagement
from partnerships.core.actor import ANONYMOUS, system_actor
from partnerships.interop.iati import validate
from partnerships.interop.iati.export import activities_xml
from partnerships.interop.iati.importer import import_file
from partnerships.registry.models import NameKind, Organisation
from partnerships.registry.services import organisation_name_add

pytestmark = pytest.mark.django_db

REAL = Path(__file__).parent / "data" / "real"
FCDO, SR = REAL / "fcdo-activity.xml", REAL / "sr-activity.xml"
EDITOR = system_actor("curation")


def _only(path):
    return etree.parse(str(path)).getroot().find("iati-activity")


def _export(mode="as-published", warnings=None):
    data = activities_xml(
        engagements=Engagement.objects.filter(published__isnull=False),
        actor=ANONYMOUS,
        reporting_org=Organisation.objects.get(key="UN-Habitat"),
        generated=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        reporting_org_mode=mode,
        on_warning=None
        if warnings is None
        else (lambda k, text: warnings.append(text)),
    )
    # Valid, but for codes the publisher used that IATI has since withdrawn
    # (written as published: docs/iati.md).
    errors = validate.validate_activities(data)
    assert [e for e in errors if "is withdrawn from" not in e] == []
    return etree.fromstring(data).find("iati-activity")


def _attributes(elements):
    return [dict(e.attrib) for e in elements]


def test_the_reporting_org_is_the_publishers_unless_the_exporter_reports():
    import_file(FCDO)
    published = _only(FCDO).find("reporting-org")
    back = _export().find("reporting-org")
    assert (back.attrib, back.findtext("narrative")) == (
        published.attrib,
        published.findtext("narrative"),
    )
    assert _export().get("default-currency") == "GBP"
    assert _export().get("hierarchy") == "2"
    own = _export(mode="export").find("reporting-org")
    assert (own.get("ref"), own.get("secondary-reporter")) == ("XM-DAC-41120", "1")


def test_published_dates_come_back_until_the_registry_changes_them():
    import_file(FCDO)
    published = _attributes(_only(FCDO).findall("activity-date"))
    assert _attributes(_export().findall("activity-date")) == published
    engagement = Engagement.objects.get(key="GB-1-103662-101")
    services.engagement_update(
        actor=EDITOR,
        engagement=engagement,
        expected_version=engagement.version,
        changes={"start": "2007-01-15"},
        reason="curated",
    )
    # The registry's dates now: the start as curated, the end as published.
    assert _attributes(_export().findall("activity-date")) == [
        {"type": "2", "iso-date": "2007-01-15"},
        {"type": "4", "iso-date": "2010-03-31"},
    ]


def test_published_percentages_come_back_until_a_place_is_added():
    import_file(SR)
    published = _attributes(_only(SR).findall("recipient-country"))
    assert len(published) == 4
    assert _attributes(_export().findall("recipient-country")) == published
    engagement = Engagement.objects.get(published__isnull=False)
    services.place_add(
        actor=EDITOR,
        engagement=engagement,
        expected_version=engagement.version,
        country="KE",
        reason="curated",
    )
    back = _attributes(_export().findall("recipient-country"))
    assert len(back) == 5
    # Shared evenly again: the published percentages no longer fit.
    assert [c["percentage"] for c in back] == ["20.00"] * 5
    assert "KE" in {c["code"] for c in back}


def test_a_participant_matched_through_an_alias_comes_back_as_published(tmp_path):
    habitat = Organisation.objects.get(key="UN-Habitat")
    organisation_name_add(
        actor=EDITOR,
        organisation=habitat,
        kind=NameKind.ALIAS,
        lang="en",
        value="Habitat Programme of the UN",
    )
    root = etree.parse(str(FCDO)).getroot()
    implementer = root.find("iati-activity/participating-org[@role='4']")
    del implementer.attrib["ref"]
    implementer.set("type", "40")
    implementer.find("narrative").text = "Habitat Programme of the UN"
    path = tmp_path / "alias.xml"
    path.write_bytes(etree.tostring(root))
    import_file(path)
    engagement = Engagement.objects.get(key="GB-1-103662-101")
    assert engagement.participations.filter(organisation=habitat).exists()
    back = _export().find("participating-org[@role='4']")
    assert (back.attrib, back.findtext("narrative")) == (
        {"type": "40", "role": "4"},
        "Habitat Programme of the UN",
    )


def test_an_identifier_with_a_space_is_exported_as_published_with_a_warning(
    tmp_path,
):
    import_file(SR)
    identifier = _only(SR).findtext("iati-identifier").strip()
    assert " " in identifier
    warnings = []
    assert _export(warnings=warnings).findtext("iati-identifier") == identifier
    assert len(warnings) == 1
    assert identifier in warnings[0]
    out = io.StringIO()
    call_command(
        "iati_export",
        "--kind",
        "activities",
        "--reporting-org",
        "UN-Habitat",
        "-o",
        str(tmp_path / "out.xml"),
        stdout=out,
    )
    printed = out.getvalue()
    assert f"{identifier!r} is written as published" in printed
    # The publisher's sector codes IATI has since withdrawn: said, not refused.
    withdrawn = {
        s.get("code")
        for s in _only(SR).findall("sector")
        if f"'{s.get('code')}' is withdrawn from Sector (as published)" in printed
    }
    assert len(withdrawn) == 5
    written = etree.parse(str(tmp_path / "out.xml")).getroot()
    assert written.findtext("iati-activity/iati-identifier") == identifier
