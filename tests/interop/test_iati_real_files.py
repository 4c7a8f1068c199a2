"""Real publishers' files: what the registry holds equals what each file says,
counted here independently with plain lxml (no code of the importer)."""

from collections import Counter, defaultdict
from decimal import Decimal
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
from partnerships.interop.iati.importer import import_file
from partnerships.interop.iati.inverse import safe_key
from partnerships.registry.models import Identifier, Organisation
from partnerships.sources.models import Evidence, Passage

pytestmark = pytest.mark.django_db

# Thirteen files as their publishers wrote them (data/real/SOURCES.md).
REAL = Path(__file__).parent / "data" / "real"
FILES = sorted(REAL.glob("*.xml"))
ROLES = {"1": "funder", "2": "lead", "3": "organiser", "4": "implementer"}
# Every table an import writes, with its history.
WRITTEN = (
    Engagement,
    Participation,
    Place,
    MoneyLine,
    PublishedActivity,
    Organisation,
    Identifier,
    Passage,
    Evidence,
)


def _rows():
    return [(m.objects.count(), m.history.count()) for m in WRITTEN]


def _label(org):
    names = [n.text.strip() for n in org.findall("narrative") if (n.text or "").strip()]
    return (org.get("ref") or "").strip() or (names[0] if names else "")


def _count(path):
    """The file's own figures, from its XML alone."""
    root = etree.parse(str(path)).getroot()
    out = {
        "activities": [],
        "participations": Counter(),
        "orgs": set(),
        "countries": 0,
        "regions": 0,
        "money": defaultdict(Decimal),
        "lines": Counter(),
        "kept": Counter(),
    }
    for activity in root.findall("iati-activity"):
        out["activities"].append(activity.findtext("iati-identifier").strip())
        pairs = set()
        for org in activity.findall("participating-org"):
            if _label(org):
                pairs.add((_label(org), ROLES[org.get("role")]))
        out["participations"].update(role for _, role in pairs)
        out["orgs"] |= {label for label, _ in pairs}
        out["countries"] += len(
            {c.get("code") for c in activity.findall("recipient-country")}
        )
        out["regions"] += len(
            {
                r.get("code")
                for r in activity.findall("recipient-region")
                if r.get("vocabulary", "1") == "1"
            }
        )
        for tag in ("sector", "tag", "location", "document-link", "result"):
            out["kept"][tag] += len(activity.findall(tag))
        default = activity.get("default-currency") or root.get("default-currency")
        for line in activity.xpath("budget|planned-disbursement|transaction"):
            if line.tag == "transaction":
                kind = line.find("transaction-type").get("code")
            else:
                kind = line.get("type", "1" if line.tag == "budget" else "")
            value = line.find("value")
            currency = value.get("currency") or default
            out["money"][(line.tag, kind, currency)] += Decimal(value.text.strip())
            out["lines"][line.tag] += 1
    return out


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_a_real_file_is_held_as_it_says(path):
    expected = _count(path)
    summary = import_file(path)
    assert summary.skipped == []
    # Identifiers that are not valid keys are kept under a derived key.
    keys = {safe_key(identifier, 120) for identifier in expected["activities"]}
    engagements = Engagement.objects.filter(key__in=keys)
    assert engagements.count() == len(set(expected["activities"]))
    parts = Participation.objects.filter(engagement__in=engagements)
    assert Counter(parts.values_list("role", flat=True)) == expected["participations"]
    # One organisation per distinct name or reference: no duplicate, no merge.
    orgs = set(parts.values_list("organisation_id", flat=True))
    assert len(orgs) == len(expected["orgs"])
    places = [p for e in engagements for p in e.places.all()]
    assert sum(p.country_id is not None for p in places) == expected["countries"]
    assert sum(p.region_id is not None for p in places) == expected["regions"]
    lines = MoneyLine.objects.filter(engagement__in=engagements)
    assert Counter(lines.values_list("kind", flat=True)) == expected["lines"]
    held = defaultdict(Decimal)
    for kind, code, currency, amount in lines.values_list(
        "kind", "type_code", "currency_id", "amount"
    ):
        held[(kind, code, currency)] += amount
    assert dict(held) == dict(expected["money"])
    # The audit trail: each engagement's history row records the places and
    # money lines the import wrote (they have no history rows of their own).
    logged, places_logged = defaultdict(Decimal), 0
    for row in Engagement.history.filter(key__in=keys):
        children = row.history_children or {}
        for line in children.get("money", {}).get("added", []):
            what = (line["kind"], line.get("type_code", ""), line["currency"])
            logged[what] += Decimal(line["amount"])
        places_logged += len(children.get("places", {}).get("added", []))
    assert dict(logged) == dict(expected["money"])
    assert places_logged == expected["countries"] + expected["regions"]
    # Sectors (every vocabulary, with percentages), tags, locations, document
    # links and results are kept with the engagement as published.
    kept = Counter()
    for published in PublishedActivity.objects.filter(engagement__in=engagements):
        for xml in published.elements:
            kept[etree.fromstring(xml).tag] += 1
    for tag, count in expected["kept"].items():
        assert kept[tag] == count, tag
    # The same file again writes nothing: not a row, not a history row.
    before = _rows()
    assert import_file(path).writes == 0
    assert _rows() == before


def test_there_are_real_files_to_test():
    assert len(FILES) == 13
