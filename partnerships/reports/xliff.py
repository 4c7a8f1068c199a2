"""The translation workflow: XLIFF 2.0 out, translated text back in.

`export_xliff` writes, for one target language, one unit per paragraph of the
composed report (`paragraphs=True`) and one per engagement title, engagement
summary, organisation name and city or place name the language lacks, each with
a note naming the data behind it. The source
language is English, the language every name and title falls back to first.

`import_xliff` reads the translated file back: a paragraph becomes the staff text
of that anchor in that language (`reports.services.save_paragraph_text`), a title
or a name is written to the registry through the domain apps' services, under the
system actor "translation import".

Translation memory: a translated source text is reused wherever the same source
recurs — in the file (units left empty take the translation of another unit with
the same source) and in the registry (an export prefills a unit whose English text
already has a translation in that language elsewhere, state "translated").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from defusedxml import ElementTree
from django.db import transaction
from lxml import etree

from partnerships.cooperation.models import Engagement, Place
from partnerships.cooperation.services import place_city_name
from partnerships.core.actor import system_actor
from partnerships.registry.models import Organisation
from partnerships.reports.content import set_text
from partnerships.reports.models import Report, ReportRun
from partnerships.reports.realise import realise
from partnerships.reports.services import save_paragraph_text

NS = "urn:oasis:names:tc:xliff:document:2.0"
SOURCE_LANG = "en"


@dataclass
class Unit:
    name: str  # "para:II.E/org:UNDP", "title:p002-wuf9", "summary:…", "org:UNDP"
    source: str
    note: str
    target: str = ""


def _text(runs) -> str:
    return "".join(r.text for r in runs)


def paragraph_units(snapshot: dict[str, Any]) -> list[Unit]:
    doc = realise(snapshot, SOURCE_LANG)
    return [
        Unit(
            f"para:{para.anchor}",
            _text(para.runs),
            f"Paragraph {para.number} ({para.anchor}); engagements: "
            + (", ".join(key for key, _ in para.engagements) or "none"),
        )
        for para in doc.paragraphs()
        if para.runs
    ]


def missing_units(snapshot: dict[str, Any], lang: str) -> list[Unit]:
    """A unit per engagement title, engagement summary and organisation name
    missing in `lang`."""
    units = []
    for row in snapshot["engagements"]:
        source = row["title"].get(SOURCE_LANG)
        if source and not row["title"].get(lang):
            note = f"Title of engagement {row['key']} ({row['kind']})"
            units.append(Unit(f"title:{row['key']}", source, note))
    for row in snapshot["engagements"]:
        source = row["summary"].get(SOURCE_LANG)
        if source and not row["summary"].get(lang):
            title = row["title"].get(SOURCE_LANG) or next(
                iter(row["title"].values()), ""
            )
            note = f"Summary of engagement {row['key']} ({row['kind']}): {title}"
            units.append(Unit(f"summary:{row['key']}", source, note))
    for key, org in sorted(snapshot["organisations"].items()):
        has = any(org[kind].get(lang) for kind in ("name", "short", "acronym"))
        source = org["name"].get(SOURCE_LANG)
        if source and not has:
            note = f"Name of organisation {key} ({org['category']})"
            units.append(Unit(f"org:{key}", source, note))
    return units + city_units(snapshot, lang)


def city_units(snapshot: dict[str, Any], lang: str) -> list[Unit]:
    """A unit per English city or place name that some place of the report lacks
    in `lang`, once for all the places of that name (the import names them all)."""
    where: dict[str, list[str]] = {}
    for row in snapshot["engagements"]:
        for place in row["places"]:
            source = place["city"].get(SOURCE_LANG)
            if source and not place["city"].get(lang):
                where.setdefault(source, []).append(row["key"])
    return [
        Unit(
            f"city:{source}",
            source,
            f"City or place of engagements {', '.join(sorted(set(keys)))}"
            + (f" in {_country(snapshot, keys[0], source)}" if keys else ""),
        )
        for source, keys in sorted(where.items())
    ]


def _country(snapshot: dict[str, Any], key: str, city: str) -> str:
    row = next(r for r in snapshot["engagements"] if r["key"] == key)
    place = next(p for p in row["places"] if p["city"].get(SOURCE_LANG) == city)
    return place["country"] or place["region"] or "?"


def registry_memory(lang: str) -> dict[str, str]:
    """English titles and names with their translation in `lang`, as the registry
    holds them."""
    memory: dict[str, str] = {}
    pairs = (
        (Engagement, "title"),
        (Organisation, "name"),
        (Place, "city"),
    )
    for model, field in pairs:
        rows = model.objects.exclude(**{f"{field}_{lang}": ""}).exclude(
            **{f"{field}_{SOURCE_LANG}": ""}
        )
        for source, target in rows.values_list(
            f"{field}_{SOURCE_LANG}", f"{field}_{lang}"
        ):
            memory.setdefault(source, target)
    return memory


def export_xliff(
    snapshot: dict[str, Any], lang: str, *, paragraphs: bool = False
) -> bytes:
    units = paragraph_units(snapshot) if paragraphs else []
    units += missing_units(snapshot, lang)
    memory = registry_memory(lang)
    root = etree.Element(
        f"{{{NS}}}xliff",
        nsmap={None: NS},
        version="2.0",
        srcLang=SOURCE_LANG,
        trgLang=lang,
    )
    file = etree.SubElement(
        root, f"{{{NS}}}file", id="f1", original=snapshot["report"]["symbol"]
    )
    for n, unit in enumerate(units, start=1):
        element = etree.SubElement(file, f"{{{NS}}}unit", id=f"u{n}", name=unit.name)
        notes = etree.SubElement(element, f"{{{NS}}}notes")
        etree.SubElement(notes, f"{{{NS}}}note", category="data").text = unit.note
        remembered = memory.get(unit.source, "")
        segment = etree.SubElement(
            element,
            f"{{{NS}}}segment",
            state="translated" if remembered else "initial",
        )
        etree.SubElement(segment, f"{{{NS}}}source").text = unit.source
        etree.SubElement(segment, f"{{{NS}}}target").text = remembered
    return etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True
    )


class XliffError(ValueError):
    pass


# The registry field a unit of each kind writes.
FIELDS = {
    "title": (Engagement, "title"),
    "summary": (Engagement, "summary"),
    "org": (Organisation, "name"),
}


def read_xliff(data: bytes) -> tuple[str, list[Unit]]:
    """The target language and the units, translations filled from the memory of
    the file itself where a unit was left empty."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise XliffError(f"not an XLIFF file: {error}") from error
    if root.tag != f"{{{NS}}}xliff" or not root.get("version", "").startswith("2."):
        raise XliffError("not an XLIFF 2.x file")
    lang = root.get("trgLang", "")
    units = []
    for unit in root.iter(f"{{{NS}}}unit"):
        source = "".join(e.text or "" for e in unit.iter(f"{{{NS}}}source"))
        target = "".join(e.text or "" for e in unit.iter(f"{{{NS}}}target"))
        units.append(Unit(unit.get("name", ""), source, "", target.strip()))
    memory = {u.source: u.target for u in units if u.target}
    for unit in units:
        unit.target = unit.target or memory.get(unit.source, "")
    return lang, units


def _write_unit(unit: Unit, lang: str, report: Report, run: ReportRun | None) -> None:
    kind, _, key = unit.name.partition(":")
    actor = system_actor("translation import")
    reason = "translation (XLIFF)"
    if kind == "para":
        save_paragraph_text(report, lang, key, unit.target, None, run)
    elif kind in FIELDS:
        model, field = FIELDS[kind]
        record = model.objects.get(key=key)
        set_text(record, f"{field}_{lang}", unit.target, actor, reason)
    elif kind == "city":
        for place in Place.objects.filter(city_en=key).select_related("engagement"):
            if getattr(place, f"city_{lang}") != unit.target:
                place_city_name(
                    actor=actor,
                    place=place,
                    expected_version=place.engagement.version,
                    lang=lang,
                    value=unit.target,
                    reason=reason,
                )
    else:
        raise XliffError(f"unit {unit.name!r}: unknown kind of unit")


def import_xliff(data: bytes, report: Report, run: ReportRun | None) -> int:
    """Write every translated unit; returns how many were written."""
    lang, units = read_xliff(data)
    translated = [u for u in units if u.target]
    with transaction.atomic():
        for unit in translated:
            _write_unit(unit, lang, report, run)
    return len(translated)
