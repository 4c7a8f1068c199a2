"""Narratives in languages other than the six UN languages (Finnish, Dutch) are
kept with their language and exported again; Dutch text is never stored as
English. On a real activity (fcdo) made Dutch, with a Finnish title added."""

import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

from partnerships.cooperation.models import Engagement, Participation
from partnerships.core.actor import ANONYMOUS
from partnerships.interop.iati.export import activities_xml
from partnerships.interop.iati.importer import import_file
from partnerships.registry.models import Organisation

pytestmark = pytest.mark.django_db

FCDO = Path(__file__).parent / "data" / "real" / "fcdo-activity.xml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FINNISH = "Liberian virkamieskunnan valmiuksien kehittäminen"
ENGLISH = "Civil service capacity building, Liberia"


def _narratives(activity, path):
    lang = activity.get(XML_LANG) or "en"
    return sorted(
        ((n.get(XML_LANG) or lang).lower(), n.text)
        for n in activity.xpath(f"{path}/narrative")
    )


@pytest.fixture
def dutch(tmp_path):
    root = etree.parse(str(FCDO)).getroot()
    activity = root.find("iati-activity")
    activity.set(XML_LANG, "nl")  # narratives without xml:lang are Dutch now
    title = activity.find("title")
    for lang, text in (("fi", FINNISH), ("en", ENGLISH)):
        narrative = etree.SubElement(title, "narrative")
        narrative.set(XML_LANG, lang)
        narrative.text = text
    # An Extending organisation (role 3), as published.
    extending = etree.fromstring(
        '<participating-org ref="GB-COH-2732176" type="70" role="3" '
        'activity-id="GB-COH-2732176-LR"><narrative>Adam Smith International'
        "</narrative></participating-org>"
    )
    activity.find("participating-org").addnext(extending)
    path = tmp_path / "fcdo-nl.xml"
    path.write_bytes(etree.tostring(root))
    return path, activity


def test_other_languages_come_back_with_their_language(dutch, tmp_path):
    path, original = dutch
    summary = import_file(path)
    assert summary.skipped == []
    engagement = Engagement.objects.get(key="GB-1-103662-101")
    assert engagement.title_en == ENGLISH  # the Dutch title is not English
    assert engagement.summary_en == ""  # the description is Dutch only
    roles = set(
        Participation.objects.filter(engagement=engagement).values_list(
            "role", flat=True
        )
    )
    assert "organiser" in roles
    data = activities_xml(
        engagements=Engagement.objects.filter(pk=engagement.pk),
        actor=ANONYMOUS,
        reporting_org=Organisation.objects.get(key="UN-Habitat"),
        generated=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    back = etree.fromstring(data).find("iati-activity")
    for where in ("title", "description"):
        assert _narratives(back, where) == _narratives(original, where), where
    assert ("fi", FINNISH) in _narratives(back, "title")
    (extending,) = back.xpath("participating-org[@role='3']")
    assert extending.get("activity-id") == "GB-COH-2732176-LR"
