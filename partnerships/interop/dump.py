"""The registry as one JSON document (format described in docs/dump-format.md).

Written as a stream, one record at a time, so that a registry of a million
engagements is dumped in bounded memory.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from django.db.models import Prefetch, QuerySet

from partnerships.cooperation.models import (
    Engagement,
    MoneyLine,
    Participation,
    PublishedActivity,
)
from partnerships.core.dates import format_fuzzy
from partnerships.core.languages import as_dict
from partnerships.registry.models import Organisation
from partnerships.sources.models import Evidence, SourceDocument

FORMAT = "partnerships-dump"
VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
CHUNK = 2000

# Deliberately not in the dump (docs/dump-format.md says why). Every other field of
# every model of the registry apps is, which tests/interop/test_dump.py checks row
# by row from the models' own metadata.
REGISTRY_APPS = ("registry", "cooperation", "sources")
NOT_DUMPED_MODELS = frozenset({"cooperation.ChangeProposal"})
NOT_DUMPED_FIELDS = frozenset({"id"})


def _time(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def lifecycle_record(obj: Organisation | Engagement) -> dict[str, Any]:
    return {
        "deleted_at": _time(obj.deleted_at),
        "version": obj.version,
        "created_at": _time(obj.created_at),
        "updated_at": _time(obj.updated_at),
    }


def _citation(evidence: Evidence) -> dict[str, Any]:
    document = evidence.passage.document
    cited = {
        "document": document.symbol,
        "paragraph": evidence.passage.number,
        "quote": evidence.quote,
    }
    if document.revision != 1:
        cited["revision"] = document.revision
    if document.language != document.original_language:
        cited["language"] = document.language
    return cited


def _evidence(evidence: Iterable[Evidence]) -> list[dict[str, Any]]:
    return [_citation(e) for e in evidence]


def document_record(doc: SourceDocument) -> dict[str, Any]:
    return {
        "symbol": doc.symbol,
        "revision": doc.revision,
        "replaces": doc.replaces.revision if doc.replaces else None,
        "is_current": doc.is_current,
        "title": as_dict(doc, "title"),
        "language": doc.language,
        "original_language": doc.original_language,
        "date": doc.date.isoformat() if doc.date else None,
        "period_start": doc.period_start.isoformat() if doc.period_start else None,
        "period_end": doc.period_end.isoformat() if doc.period_end else None,
        "body": doc.body,
        "session": doc.session,
        "agenda_item": doc.agenda_item,
        "distribution": doc.distribution,
        "file_name": doc.file_name,
        "metadata": doc.metadata,
        "is_published": doc.is_published,
        "passages": [
            {
                "number": p.number,
                "chapter": p.chapter,
                "chapter_title": p.chapter_title,
                "section": p.section,
                "section_title": p.section_title,
                "text": p.text,
            }
            for p in doc.passages.all()
        ],
    }


def organisation_record(org: Organisation) -> dict[str, Any]:
    grouped: dict[str, dict[str, list[str]]] = {"acronym": {}, "short": {}}
    aliases = []
    for name in org.other_names.all():
        if name.kind in grouped:
            grouped[name.kind].setdefault(name.lang, []).append(name.value)
        else:
            aliases.append({"kind": name.kind, "lang": name.lang, "value": name.value})
    return {
        "id": org.key,
        "names": as_dict(org, "name"),
        "acronyms": grouped["acronym"],
        "short_names": grouped["short"],
        "aliases": aliases,
        "category": org.category,
        "iati_type": org.iati_type_code,
        "iati_type_override": org.iati_type_id,
        "country": org.country_id,
        "parent": org.parent.key if org.parent_id else None,
        "website": org.website,
        "identifiers": [
            {"scheme": i.scheme, "value": i.value} for i in org.identifiers.all()
        ],
        "is_synthetic": org.is_synthetic,
        "is_published": org.is_published,
        **lifecycle_record(org),
        "mentions": _evidence(org.mentions.all()),
    }


def _participant(part: Participation) -> dict[str, Any]:
    return {
        "organisation": part.organisation.key,
        "role": part.role,
        "contributions": [
            {
                "amount": str(c.amount),
                "currency": c.currency_id,
                "value_date": format_fuzzy(c.value_date, c.value_precision),
            }
            for c in part.contributions.all()
        ],
        "evidence": _evidence(part.evidence.all()),
        "created_at": _time(part.created_at),
    }


def engagement_record(eng: Engagement) -> dict[str, Any]:
    return {
        "id": eng.key,
        "kind": eng.kind,
        "title": as_dict(eng, "title"),
        "summary": as_dict(eng, "summary"),
        "start": format_fuzzy(eng.start_date, eng.start_precision),
        "end": format_fuzzy(eng.end_date, eng.end_precision),
        "status": eng.status,
        "parent": eng.parent.key if eng.parent_id else None,
        "places": [
            {"country": p.country_id, "region": p.region_id, "city": as_dict(p, "city")}
            for p in eng.places.all()
        ],
        "themes": sorted(t.code for t in eng.themes.all()),
        "sdg_targets": sorted(t.code for t in eng.sdg_targets.all()),
        "participants": [_participant(p) for p in eng.participations.all()],
        "evidence": _evidence(eng.evidence.all()),
        "money": [money_record(line) for line in eng.money.all()],
        "published": published_record(eng),
        "is_synthetic": eng.is_synthetic,
        "is_published": eng.is_published,
        "is_confidential": eng.is_confidential,
        **lifecycle_record(eng),
    }


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def money_record(line: MoneyLine) -> dict[str, Any]:
    """One budget, planned disbursement or transaction as its publisher wrote it
    (cooperation/money.py); the organisations by key, the hand-entered money it
    stands for (if any) by participant, role and place in that participant's list."""
    record: dict[str, Any] = {
        "position": line.position,
        "kind": line.kind,
        "type": line.type_code,
        "status": line.status,
        "period_start": _day(line.period_start),
        "period_end": _day(line.period_end),
        "date": _day(line.date),
        "amount": str(line.amount),
        "currency": line.currency_id,
        "value_date": _day(line.value_date),
        "is_repeat": line.is_repeat,
        "extras": line.extras,
        "contribution": _contribution_ref(line),
    }
    for side in ("provider", "receiver"):
        org = getattr(line, side)
        record[side] = {
            "organisation": org.key if org else None,
            "ref": getattr(line, f"{side}_ref"),
            "name": getattr(line, f"{side}_name"),
            "activity": getattr(line, f"{side}_activity"),
        }
    return record


def _contribution_ref(line: MoneyLine) -> dict[str, Any] | None:
    money = line.contribution
    if money is None:
        return None
    part = money.participation
    return {
        "organisation": part.organisation.key,
        "role": part.role,
        "index": list(part.contributions.all()).index(money),
    }


def published_record(eng: Engagement) -> dict[str, Any] | None:
    """What an imported IATI activity carried beyond the registry's model."""
    try:
        kept = eng.published
    except PublishedActivity.DoesNotExist:
        return None
    return {"identifier": kept.identifier, "elements": kept.elements}


_EVIDENCE = Evidence.objects.select_related("passage__document").order_by(
    "passage__document__symbol", "passage__document__revision", "passage__number"
)


def documents() -> QuerySet[SourceDocument]:
    return (
        SourceDocument.objects.order_by("symbol", "revision")
        .select_related("replaces")
        .prefetch_related("passages")
    )


def organisations() -> QuerySet[Organisation]:
    return (
        Organisation.objects.order_by("key")
        .select_related("parent")
        .prefetch_related("other_names", "identifiers", Prefetch("mentions", _EVIDENCE))
    )


def engagements() -> QuerySet[Engagement]:
    participations = (
        Participation.objects.select_related("organisation")
        .prefetch_related("contributions", Prefetch("evidence", _EVIDENCE))
        .order_by("organisation__key", "role")
    )
    money = MoneyLine.objects.select_related(
        "provider", "receiver", "contribution__participation__organisation"
    ).order_by("position")
    return (
        Engagement.objects.order_by("key")
        .select_related("parent", "published")
        .prefetch_related(
            Prefetch("money", money),
            "places",
            "themes",
            "sdg_targets",
            Prefetch("participations", participations),
            Prefetch("evidence", _EVIDENCE),
        )
    )


def _stream(name: str, records: Iterator[dict[str, Any]], out: TextIO) -> None:
    out.write(f'"{name}": [')
    for index, record in enumerate(records):
        out.write(",\n" if index else "\n")
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=True))
    out.write("\n]")


def write_dump(out: TextIO) -> None:
    out.write(f'{{"format": "{FORMAT}", "version": {VERSION},\n')
    _stream("source_documents", (document_record(d) for d in documents()), out)
    out.write(",\n")
    orgs = (organisation_record(o) for o in organisations().iterator(chunk_size=CHUNK))
    _stream("organisations", orgs, out)
    out.write(",\n")
    engs = (engagement_record(e) for e in engagements().iterator(chunk_size=CHUNK))
    _stream("engagements", engs, out)
    out.write("\n}\n")
