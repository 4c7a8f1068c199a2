"""The report the demo data comes from, as a report of the system (its masthead)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from django.conf import settings

from partnerships.core.actor import system_actor
from partnerships.registry.models import Organisation
from partnerships.reports.models import Report
from partnerships.reports.terminology import import_terms, read_terms

SEED_DIR = "HSP-HA-1-2-Add.2"
ENTITY_NAMES = "un_entity_names.csv"
SEED_REPORTER = "UN-Habitat"


def load_entity_names() -> tuple[int, int]:
    """The names in French, Spanish, Russian and Arabic of the seed's UN system
    entities (`data/reference/un_entity_names.csv`, each with its source), through
    the terminology import: (names written, names already there)."""
    path = Path(settings.DATA_DIR) / "reference" / ENTITY_NAMES
    return import_terms(read_terms(path), system_actor("load-demo"))


def seed_report() -> Report:
    """The seed's own report, created from its document.yaml when missing."""
    path = Path(settings.DATA_DIR) / "sources" / SEED_DIR / "document.yaml"
    with path.open(encoding="utf-8") as handle:
        doc = yaml.safe_load(handle)
    texts = _texts(doc)
    existing = Report.objects.filter(key="hsp-ha-1-2-add-2").first()
    if existing:
        return _complete(existing, texts)
    start, end = doc["session_dates"]
    return Report.objects.create(
        key="hsp-ha-1-2-add-2",
        reporter=Organisation.objects.get(key=SEED_REPORTER),
        period_start=_date(doc["period_start"]),
        period_end=_date(doc["period_end"]),
        symbol=doc["symbol"],
        original_language=doc["original_language"],
        distribution=doc["distribution"],
        date=_date(doc["date"]),
        session_start=_date(start),
        session_end=_date(end),
        agenda_item="9",
        texts=texts,
    )


def _texts(doc: dict) -> dict[str, dict[str, str]]:
    """The masthead's lines per language, as document.yaml gives them."""
    agenda = doc["agenda_item"]
    fields = ("body", "session", "session_place", "title", "heading", "report_of")
    return {
        **{name: doc[name] for name in fields},
        "agenda_title": {
            lang: text.split("项目9", 1)[-1].strip()
            if lang == "zh"
            else text.split(":", 1)[-1].strip()
            for lang, text in agenda.items()
        },
        "agenda_footnote": {
            lang: "HSP/HA/1/1。" if lang == "zh" else "HSP/HA/1/1." for lang in agenda
        },
    }


def _complete(report: Report, texts: dict[str, dict[str, str]]) -> Report:
    """A report created before a language's lines were written gains them; a
    line already there (perhaps edited by staff) is kept."""
    merged = {name: dict(value) for name, value in report.texts.items()}
    for name, lines in texts.items():
        for lang, line in lines.items():
            merged.setdefault(name, {}).setdefault(lang, line)
    if merged != report.texts:
        report.texts = merged
        report.save(update_fields=["texts"])
    return report


def _date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
