"""The XLIFF 2.0 round trip: what the file carries stops falling back."""

from __future__ import annotations

import pytest
from lxml import etree

from partnerships.cooperation.models import Engagement
from partnerships.core.actor import ANONYMOUS
from partnerships.reports.demo import seed_report
from partnerships.reports.realise import realise
from partnerships.reports.services import create_run
from partnerships.reports.snapshot import collect
from partnerships.reports.xliff import NS, export_xliff, import_xliff, missing_units

pytestmark = pytest.mark.django_db

XLIFF_NS = {"x": NS}


def _translate(data: bytes, prefix: str, only_first_of_each_source: bool) -> bytes:
    root = etree.fromstring(data)
    seen = set()
    for unit in root.iterfind(".//x:unit", XLIFF_NS):
        source = unit.findtext(".//x:source", namespaces=XLIFF_NS)
        target = unit.find(".//x:target", XLIFF_NS)
        if only_first_of_each_source and source in seen:
            continue
        seen.add(source)
        target.text = target.text or f"{prefix}{source}"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _fallback_names(snapshot, lang: str) -> int:
    return len(missing_units(snapshot, lang))


@pytest.mark.parametrize("lang", ["ar", "es", "fr", "ru"])
def test_a_round_trip_leaves_no_title_or_name_falling_back(lang):
    report = seed_report()
    before = collect(report, ANONYMOUS)
    missing = _fallback_names(before, lang)
    assert missing > 100  # titles of the seed exist in Chinese and English only
    data = export_xliff(before, lang)
    root = etree.fromstring(data)
    assert root.get("version") == "2.0" and root.get("trgLang") == lang
    units = root.findall(".//x:unit", XLIFF_NS)
    assert len(units) == missing
    note = units[0].findtext(".//x:note", namespaces=XLIFF_NS)
    assert note.startswith(("Title of engagement", "Name of organisation"))
    written = import_xliff(_translate(data, "T:", True), report, None)
    assert written == missing
    after = collect(report, ANONYMOUS)
    assert _fallback_names(after, lang) == 0
    assert realise(after, lang).fallbacks < realise(before, lang).fallbacks


def test_the_memory_reuses_a_translation_where_the_same_source_recurs():
    report = seed_report()
    a, b = Engagement.objects.order_by("key")[:2]
    Engagement.objects.filter(pk__in=[a.pk, b.pk]).update(title_en="Same title")
    data = export_xliff(collect(report, ANONYMOUS), "es")
    import_xliff(_translate(data, "ES:", True), report, None)
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.title_es == b.title_es == "ES:Same title"
    # A later export prefills the remembered translation for a new occurrence.
    c = Engagement.objects.order_by("key")[2]
    Engagement.objects.filter(pk=c.pk).update(title_en="Same title", title_es="")
    again = etree.fromstring(export_xliff(collect(report, ANONYMOUS), "es"))
    unit = again.find(f".//x:unit[@name='title:{c.key}']", XLIFF_NS)
    assert unit.find(".//x:segment", XLIFF_NS).get("state") == "translated"
    assert unit.findtext(".//x:target", namespaces=XLIFF_NS) == "ES:Same title"


def test_paragraphs_come_back_as_staff_text_in_their_language():
    report = seed_report()
    run = create_run(report, ANONYMOUS)
    data = export_xliff(run.snapshot, "ar", paragraphs=True)
    root = etree.fromstring(data)
    first = root.find(".//x:unit", XLIFF_NS)
    assert first.get("name").startswith("para:")
    first.find(".//x:target", XLIFF_NS).text = "فقرة مترجمة."
    for unit in root.findall(".//x:unit", XLIFF_NS)[1:]:
        unit.getparent().remove(unit)
    import_xliff(etree.tostring(root), report, run)
    later = create_run(report, ANONYMOUS)
    doc = realise(later.snapshot, "ar")
    texts = ["".join(r.text for r in p.runs) for p in doc.paragraphs()]
    assert "فقرة مترجمة." in texts


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_summaries_are_offered_and_come_back_in_their_language(lang):
    report = seed_report()
    before = collect(report, ANONYMOUS)
    with_summary = {
        r["key"]: r["summary"]["en"]
        for r in before["engagements"]
        if r["summary"].get("en") and not r["summary"].get(lang)
    }
    assert len(with_summary) > 20
    root = etree.fromstring(export_xliff(before, lang))
    units = root.findall(".//x:unit", XLIFF_NS)
    summaries = [u for u in units if u.get("name").startswith("summary:")]
    assert {u.get("name")[8:] for u in summaries} == set(with_summary)
    for unit in summaries:
        key = unit.get("name")[8:]
        note = unit.findtext(".//x:note", namespaces=XLIFF_NS)
        assert note.startswith(f"Summary of engagement {key} ")
        assert unit.findtext(".//x:source", namespaces=XLIFF_NS) == with_summary[key]
        unit.find(".//x:target", XLIFF_NS).text = f"<{lang}> {with_summary[key]}"
    for unit in units:
        if not unit.get("name").startswith("summary:"):
            unit.getparent().remove(unit)
    text_before = _body(realise(before, lang))
    assert f"<{lang}>" not in text_before
    assert import_xliff(etree.tostring(root), report, None) == len(with_summary)
    text_after = _body(realise(collect(report, ANONYMOUS), lang))
    shown = [k for k, s in with_summary.items() if f"<{lang}> {s}" in text_after]
    assert sorted(shown) == sorted(with_summary)


def _body(doc) -> str:
    return "\n".join("".join(r.text for r in p.runs) for p in doc.paragraphs())
