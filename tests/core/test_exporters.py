"""Every export is a registered exporter, found by its identifier."""

from __future__ import annotations

import json

import pytest
from lxml import etree

from partnerships.core.actor import ANONYMOUS, system_actor
from partnerships.core.errors import NotAllowed
from partnerships.core.exporters import EXPORTERS, UnknownExport, exporter
from partnerships.registry.models import Organisation

pytestmark = pytest.mark.django_db


def test_the_apps_register_their_exports_when_they_load():
    assert {
        "organisations",
        "engagements",
        "participations",
        "workbook",
        "csv-bundle",
        "iati-activities",
        "iati-organisations",
        "dump",
    } <= set(EXPORTERS)
    for cls in EXPORTERS.values():
        assert cls.verbose_name, cls


def test_an_unknown_export_names_the_known_ones():
    with pytest.raises(UnknownExport, match="iati-activities"):
        exporter("no-such-export")


def test_a_sheet_renders_for_the_public_with_its_name_and_type():
    filename, mimetype, body = exporter("organisations").render(ANONYMOUS)
    assert (filename, mimetype.split(";")[0]) == ("organisations.csv", "text/csv")
    assert body.decode("utf-8-sig").splitlines()[0].startswith("key,")
    filename, mimetype, _ = exporter("organisations").render(ANONYMOUS, fmt="xlsx")
    assert filename == "organisations.xlsx" and "spreadsheetml" in mimetype


def test_iati_activities_render_as_xml_for_the_public():
    agency = Organisation.objects.get(key="UN-Habitat")
    _, mimetype, body = exporter("iati-activities").render(
        ANONYMOUS, reporting_org=agency
    )
    root = etree.fromstring(body)
    assert mimetype == "application/xml" and root.tag == "iati-activities"
    assert len(root) > 0


def test_the_dump_is_for_administrators_only():
    with pytest.raises(NotAllowed):
        exporter("dump").render(ANONYMOUS)
    _, _, body = exporter("dump").render(system_actor("test"))
    assert json.loads(body)["format"] == "partnerships-dump"
