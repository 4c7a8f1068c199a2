"""Export after import, element by element, for every activity of the real files
and of the official example: what the registry keeps as published comes back as
published; a re-import of the export changes nothing."""

import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

from partnerships.cooperation.models import (
    Engagement,
    MoneyLine,
    Participation,
    Place,
    PublishedActivity,
)
from partnerships.core.actor import ANONYMOUS
from partnerships.interop.iati.export import activities_xml
from partnerships.interop.iati.importer import import_file
from partnerships.interop.iati.mapping import FAITHFUL, KEPT, OWN_ATTRIBUTES
from partnerships.registry.models import Organisation

pytestmark = pytest.mark.django_db

REAL = Path(__file__).parent / "data" / "real"
# The real files, and the official example (its comments are no data).
EXAMPLE = Path(__file__).parent / "data" / "activity-standard-example-annotated.xml"
FILES = [*sorted(REAL.glob("*.xml")), EXAMPLE]
PARSER = etree.XMLParser(remove_comments=True)
MONEY = ("budget", "planned-disbursement", "transaction")

# Compared element by element, as published (docs/iati.md lists what differs).
SAME = (*KEPT, *MONEY)


def _canonical(element):
    """The element without layout whitespace, attributes in a stable order."""
    copy = etree.fromstring(etree.tostring(element))
    for node in copy.iter():
        if node.text is not None and not node.text.strip():
            node.text = None
        node.tail = None
    return etree.tostring(copy, method="c14n")


def _children(activity, tags, currency=""):
    for value in activity.xpath(
        "budget/value|planned-disbursement/value|transaction/value"
    ):
        if currency and not value.get("currency"):
            value.set("currency", currency)  # the export writes the default out
    return {
        tag: [_canonical(e) for e in activity.findall(tag)]
        for tag in tags
        if activity.find(tag) is not None
    }


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HISTORY = (Engagement, Participation, Place, MoneyLine, PublishedActivity)


def _lang(node, activity):
    own = node.get(XML_LANG) or activity.get(XML_LANG) or "en"
    return own.split("-")[0].lower()


def _narratives(activity, path):
    """(language, text) of each narrative at `path`, languages made explicit."""
    return sorted(
        (_lang(n, activity), " ".join(n.text.split()))
        for n in activity.xpath(f"{path}/narrative")
        if (n.text or "").strip()
    )


def _explicit(element, activity):
    """The element canonical, its narratives naming their language."""
    copy = etree.fromstring(etree.tostring(element))
    for narrative in copy.iter("narrative"):
        narrative.set(XML_LANG, _lang(narrative, activity))
    return _canonical(copy)


def _participants(activity):
    """Each participating-org naming someone, narratives with their language."""
    out = []
    for org in activity.findall("participating-org"):
        names = [n for n in org.findall("narrative") if (n.text or "").strip()]
        if not ((org.get("ref") or "").strip() or names):
            continue  # nobody to point at: no participation
        out.append(_explicit(org, activity))
    return out


def _faithful(activity):
    """The activity's own attributes (IATI's: other namespaces' are not kept)
    and the FAITHFUL elements, as written."""
    own = {
        k: v
        for k, v in activity.attrib.items()
        if k not in OWN_ATTRIBUTES and not k.startswith("{")
    }
    return own, {
        tag: [_explicit(e, activity) for e in activity.findall(tag)] for tag in FAITHFUL
    }


def _history_rows():
    return [model.history.count() for model in HISTORY]


def _held():
    return [
        sorted(model.objects.values_list(*fields), key=str)
        for model, fields in (
            (Engagement, ("key", "title_en", "start_date", "end_date", "status")),
            (Place, ("engagement_id", "country_id", "region_id")),
            (MoneyLine, ("engagement_id", "position", "kind", "type_code", "amount")),
            (PublishedActivity, ("engagement_id", "identifier")),
        )
    ]


def _export(tmp_path, identifiers):
    rows = Engagement.objects.filter(published__identifier__in=identifiers)
    data = activities_xml(
        engagements=rows,
        actor=ANONYMOUS,
        reporting_org=Organisation.objects.get(key="UN-Habitat"),
        generated=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    path = tmp_path / "export.xml"
    path.write_bytes(data)
    return path, etree.fromstring(data)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_an_export_gives_back_each_activity_as_published(path, tmp_path):
    import_file(path)
    root = etree.parse(str(path), PARSER).getroot()
    original = {
        a.findtext("iati-identifier").strip(): a for a in root.findall("iati-activity")
    }
    exported_path, exported = _export(tmp_path, list(original))
    out = {a.findtext("iati-identifier"): a for a in exported}
    assert set(out) == set(original)
    for identifier, activity in original.items():
        currency = activity.get("default-currency") or root.get("default-currency")
        back = out[identifier]
        assert _children(back, SAME) == _children(activity, SAME, currency or ""), (
            identifier
        )
        assert _participants(back) == _participants(activity), identifier
        assert _faithful(back) == _faithful(activity), identifier
        for path in ("title", "description"):
            assert _narratives(back, path) == _narratives(activity, path), (
                identifier,
                path,
            )
    before, rows = _held(), _history_rows()
    summary = import_file(exported_path)
    assert (summary.created, summary.skipped) == (0, [])
    # Engagements, participations, places, money and what is kept stay as they
    # were: not a row of them written (only the export's own provenance is new).
    assert _held() == before
    assert _history_rows() == rows
