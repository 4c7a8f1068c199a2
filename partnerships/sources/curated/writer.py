"""Write a checked curated dataset to the database, in one transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from partnerships.cooperation.models import Engagement
from partnerships.cooperation.services import (
    contribution_ensure,
    engagement_upsert,
    participation_ensure,
)
from partnerships.core.actor import system_actor
from partnerships.core.languages import UN_LANGUAGES
from partnerships.registry.models import Organisation
from partnerships.registry.services import organisation_upsert
from partnerships.sources.curated.dataset import Dataset
from partnerships.sources.curated.organisations import OrgEntry
from partnerships.sources.models import Passage, SourceDocument
from partnerships.sources.services import (
    document_upsert,
    evidence_ensure,
    parse_date,
    passage_upsert,
)

REFERENCE_SYMBOL = "REF/UN-ENTITIES"


@dataclass
class WriteSummary:
    written: int = 0
    organisations: int = 0
    engagements: int = 0


def _translations(value: Any) -> dict[str, str]:
    if isinstance(value, dict):
        return {k: str(v).strip() for k, v in value.items() if k in UN_LANGUAGES}
    return {"en": str(value).strip()} if value else {}


class DatasetWriter:
    def __init__(self, dataset: Dataset, reason: str) -> None:
        self.ds = dataset
        self.reason = reason
        self.actor = system_actor(reason)
        self.summary = WriteSummary()
        self.orgs: dict[str, Organisation] = {}
        self.engagements: dict[str, Engagement] = {}
        self.passages: dict[int, Passage] = {}

    @transaction.atomic
    def write(self, reference_csv: Path) -> WriteSummary:
        self._reference_document(reference_csv)
        document = self._document()
        for raw in self.ds.passages:
            self._passage(document, raw)
        for key in sorted(self.ds.organisations):
            self._organisation(key)
        for key in sorted(self.ds.engagements):
            self._engagement(key)
        self.summary.organisations = len(self.orgs)
        self.summary.engagements = len(self.engagements)
        return self.summary

    def _count(self, written: bool) -> None:
        self.summary.written += int(written)

    def _document(self) -> SourceDocument:
        doc = self.ds.document
        values: dict[str, Any] = {
            "language": doc.get("language", "en"),
            "original_language": doc.get("original_language", ""),
            "date": parse_date(doc.get("date")),
            "period_start": parse_date(doc.get("period_start")),
            "period_end": parse_date(doc.get("period_end")),
            "distribution": doc.get("distribution", ""),
            "body": _translations(doc.get("body")).get("en", ""),
            "session": _translations(doc.get("session")).get("en", ""),
            "agenda_item": _translations(doc.get("agenda_item")).get("en", ""),
            "metadata": _jsonable(doc),
        }
        for lang in UN_LANGUAGES:
            values[f"title_{lang}"] = _translations(doc.get("title")).get(lang, "")
        document, written = document_upsert(
            actor=self.actor, symbol=doc["symbol"], values=values, reason=self.reason
        )
        self._count(written)
        return document

    def _reference_document(self, path: Path) -> None:
        """The UN reference list is a source too: one passage per row."""
        document, written = document_upsert(
            actor=self.actor,
            symbol=REFERENCE_SYMBOL,
            values={
                "language": "en",
                "title_en": "United Nations system entities (reference list)",
                "file_name": path.name,
            },
            reason=self.reason,
        )
        self._count(written)
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines[1:], start=1):
            passage, written = passage_upsert(
                actor=self.actor,
                document=document,
                number=number,
                values={"text": line},
                reason=self.reason,
            )
            self._count(written)
            self.passages[-number] = passage  # negative: rows of the reference list

    def _passage(self, document: SourceDocument, raw: dict[str, Any]) -> None:
        number = int(raw["paragraph"])
        values = {
            "chapter": str(raw.get("chapter") or ""),
            "chapter_title": str(raw.get("chapter_title") or ""),
            "section": str(raw.get("section") or ""),
            "section_title": str(raw.get("section_title") or ""),
            "text": str(raw["text"]),
        }
        passage, written = passage_upsert(
            actor=self.actor,
            document=document,
            number=number,
            values=values,
            reason=self.reason,
        )
        self._count(written)
        self.passages[number] = passage

    def _organisation(self, key: str) -> Organisation:
        if key in self.orgs:
            return self.orgs[key]
        entry: OrgEntry = self.ds.organisations[key]
        parent = self._organisation(entry.spec.parent) if entry.spec.parent else None
        org, written = organisation_upsert(
            actor=self.actor, spec=entry.spec, parent=parent, reason=self.reason
        )
        self._count(written)
        self.orgs[key] = org
        numbers = set(entry.paragraphs)
        if entry.reference_row is not None:
            numbers.add(-entry.reference_row)
        for number in sorted(numbers):
            _, written = evidence_ensure(
                actor=self.actor,
                passage=self.passages[number],
                organisation=org,
                reason=self.reason,
            )
            self._count(written)
        return org

    def _engagement(self, key: str) -> Engagement:
        if key in self.engagements:
            return self.engagements[key]
        entry = self.ds.engagements[key]
        parent = self._engagement(entry.spec.parent) if entry.spec.parent else None
        engagement, written = engagement_upsert(
            actor=self.actor, spec=entry.spec, parent=parent, reason=self.reason
        )
        self._count(written)
        self.engagements[key] = engagement
        for number, quotes in sorted(entry.quotes.items()):
            _, written = evidence_ensure(
                actor=self.actor,
                passage=self.passages[number],
                engagement=engagement,
                quote=" … ".join(quotes),
                reason=self.reason,
            )
            self._count(written)
        for (org_key, role), part in sorted(entry.participants.items()):
            self._participation(engagement, org_key, role, part)
        return engagement

    def _participation(
        self, engagement: Engagement, org_key: str, role: str, part
    ) -> None:
        participation, written = participation_ensure(
            actor=self.actor,
            engagement=engagement,
            organisation=self.orgs[org_key],
            role=role,
            reason=self.reason,
        )
        self._count(written)
        for number in sorted(part.paragraphs):
            _, written = evidence_ensure(
                actor=self.actor,
                passage=self.passages[number],
                participation=participation,
                reason=self.reason,
            )
            self._count(written)
        for money in part.contributions:
            _, written = contribution_ensure(
                actor=self.actor,
                participation=participation,
                spec=money,
                reason=self.reason,
            )
            self._count(written)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
