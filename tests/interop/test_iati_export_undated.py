"""`iati-export --date-undated-from-source`: undated engagements dated by their sources."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Q
from lxml import etree

from partnerships.cooperation.models import Engagement
from partnerships.core.actor import ANONYMOUS
from partnerships.interop.iati import validate
from partnerships.interop.iati.export import ExportError, activities_xml
from partnerships.registry.models import Organisation
from partnerships.sources.models import Evidence, SourceDocument

pytestmark = pytest.mark.django_db

GENERATED = dt.datetime(2019, 3, 6, 12, 0, tzinfo=dt.UTC)
UN_HABITAT = "XM-DAC-41120"
PLEDGE = "p040-ec-psup-pledge"
SEED = "HSP/HA/1/2/Add.2"


def _export(keys, **options):
    skipped = []
    data = activities_xml(
        engagements=Engagement.objects.filter(key__in=keys),
        actor=ANONYMOUS,
        reporting_org=Organisation.objects.get(key="UN-Habitat"),
        generated=GENERATED,
        on_skip=lambda key, reason: skipped.append((key, reason)),
        **options,
    )
    assert validate.validate_activities(data) == []
    return etree.fromstring(data), skipped


def _dates(activity):
    return [
        (d.get("type"), d.get("iso-date"), d.findtext("narrative"))
        for d in activity.findall("activity-date")
    ]


def test_an_undated_engagement_takes_the_period_of_its_source_as_planned_dates():
    pledge = Engagement.objects.get(key=PLEDGE)
    assert pledge.start_date is None and pledge.end_date is None
    assert Evidence.objects.filter(
        engagement=pledge, passage__document__symbol=SEED
    ).exists()
    root, skipped = _export([PLEDGE], date_undated_from_source=True)
    (activity,) = root.findall("iati-activity")
    note = (
        f"Date not known: the reporting period of the source document {SEED} "
        "(2017-01-01 to 2018-12-31), given as a planned date."
    )
    assert _dates(activity) == [("1", "2017-01-01", note), ("3", "2018-12-31", note)]
    # The pledge itself still has no date of its own: its transaction stays out.
    assert activity.find("transaction") is None
    assert any("no value date and no start date" in r for _, r in skipped)


def test_a_dated_engagement_keeps_its_own_dates_with_the_option():
    dated = (
        Engagement.objects.filter(start_date__isnull=False, is_published=True)
        .order_by("key")
        .first()
    )
    plain, _ = _export([dated.key])
    sourced, _ = _export([dated.key], date_undated_from_source=True)
    assert etree.tostring(plain) == etree.tostring(sourced)


def test_without_a_source_period_the_engagement_is_still_left_out():
    SourceDocument.objects.filter(symbol=SEED).update(
        period_start=None, period_end=None
    )
    with pytest.raises(ExportError, match="No engagement can be exported"):
        _export([PLEDGE], date_undated_from_source=True)


def test_the_command_exports_the_undated_ones_only_with_the_option(tmp_path):
    out = tmp_path / "un-habitat.xml"
    args = ["--kind", "activities", "--reporting-org", "UN-Habitat"]
    args += ["--organisation", "UN-Habitat", "--from", "2017", "--to", "2018"]
    printed = io.StringIO()
    call_command("iati_export", *args, "-o", str(out), stdout=printed)
    plain = set(etree.parse(str(out)).xpath("//iati-identifier/text()"))
    call_command(
        "iati_export", *args, "--date-undated-from-source", "-o", str(out),
        stdout=printed,
    )  # fmt: skip
    data = out.read_bytes()
    assert validate.validate_activities(data) == []
    sourced = set(etree.fromstring(data).xpath("//iati-identifier/text()"))
    assert plain < sourced
    undated = Engagement.objects.filter(
        key__in=[i.removeprefix(f"{UN_HABITAT}-") for i in sourced - plain]
    )
    assert not undated.filter(Q(start_date__isnull=False) | Q(end_date__isnull=False))
    with pytest.raises(CommandError, match="applies to activity files only"):
        call_command(
            "iati_export", "--kind", "organisations", "--organisation", "UN-Habitat",
            "--date-undated-from-source", "-o", str(tmp_path / "org.xml"),
        )  # fmt: skip
