"""Load a dump written by `partnerships dump` (docs/dump-format.md).

Everything is checked and written in one transaction: a bad record stops the load
with a message naming it, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from partnerships.cooperation.models import Contribution, Engagement
from partnerships.cooperation.services import (
    ContributionSpec,
    EngagementSpec,
    PlaceSpec,
    contribution_ensure,
    engagement_upsert,
    participation_ensure,
)
from partnerships.core.actor import system_actor
from partnerships.core.dates import parse_fuzzy
from partnerships.core.upsert import Lifecycle
from partnerships.interop.dump import FORMAT, READABLE_VERSIONS
from partnerships.interop.iati.identity import fill_identifiers
from partnerships.interop.load_money import Contributions, load_money, load_published
from partnerships.registry.models import Organisation
from partnerships.registry.services import OrganisationSpec, organisation_upsert
from partnerships.sources.models import Passage, SourceDocument
from partnerships.sources.services import (
    document_revision_load,
    evidence_ensure,
    parse_date,
    passage_upsert,
)

REASON = "load"


class DumpError(Exception):
    pass


def _time(value: Any) -> dt.datetime | None:
    if value in (None, ""):
        return None
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"the time {value!r} has no time zone")
    return moment


def _flag(raw: dict[str, Any], name: str) -> bool | None:
    """A flag of the record; None (keep the row's own) in a version-1 dump."""
    if name not in raw:
        return None
    if not isinstance(raw[name], bool):
        raise ValueError(f"{name} is {raw[name]!r}, not true or false")
    return raw[name]


def _lifecycle(raw: dict[str, Any]) -> Lifecycle | None:
    """Soft deletion, version and times; None in a version-1 dump, which has none."""
    if "version" not in raw:
        return None
    return Lifecycle(
        deleted_at=_time(raw.get("deleted_at")),
        version=int(raw["version"]),
        created_at=_time(raw.get("created_at")),
        updated_at=_time(raw.get("updated_at")),
    )


class DumpLoader:
    def __init__(self, data: dict[str, Any]) -> None:
        if data.get("format") != FORMAT or data.get("version") not in READABLE_VERSIONS:
            versions = " or ".join(str(v) for v in READABLE_VERSIONS)
            raise DumpError(f"Not a {FORMAT} file of version {versions}.")
        self.data = data
        self.actor = system_actor("load")
        # Keyed by symbol, language, revision (and number): a symbol has a
        # version per language; a citation without a language names the version
        # in the original language, else the first loaded (`first`).
        self.passages: dict[tuple[str, str, int, int], Passage] = {}
        self.documents: dict[tuple[str, str, int], SourceDocument] = {}
        self.first: dict[str, str] = {}
        self.orgs: dict[str, Organisation] = {}
        self.engagements: dict[str, Engagement] = {}
        self.written = 0

    def load(self) -> int:
        with transaction.atomic():
            for index, doc in enumerate(self.data.get("source_documents", [])):
                self._guard(f"source_documents[{index}]", self._document, doc)
            records = {o["id"]: o for o in self.data.get("organisations", [])}
            for index, org in enumerate(self.data.get("organisations", [])):
                self._guard(
                    f"organisations[{index}] ({org.get('id')})", self._org, org, records
                )
            records = {e["id"]: e for e in self.data.get("engagements", [])}
            for index, eng in enumerate(self.data.get("engagements", [])):
                self._guard(
                    f"engagements[{index}] ({eng.get('id')})", self._eng, eng, records
                )
            # A dump of version 1 or 2 has no IATI identifiers: engagements it
            # held from an IATI import get theirs as the migration gave them.
            self.written += fill_identifiers(actor=self.actor, reason=REASON)
        return self.written

    def _guard(self, where: str, func: Any, *args: Any) -> None:
        try:
            func(*args)
        except (KeyError, TypeError, ValueError, InvalidOperation) as exc:
            raise DumpError(f"{where}: missing or malformed value: {exc!r}") from exc
        except (ValidationError, IntegrityError) as exc:
            raise DumpError(f"{where}: refused by the database: {exc}") from exc

    def _document(self, raw: dict[str, Any]) -> None:
        values = {f"title_{lang}": text for lang, text in raw.get("title", {}).items()}
        values.update(
            {
                name: raw.get(name) or ""
                for name in (
                    "language",
                    "original_language",
                    "body",
                    "session",
                    "agenda_item",
                    "distribution",
                    "file_name",
                )
            }
        )
        for name in ("date", "period_start", "period_end"):
            values[name] = parse_date(raw.get(name))
        values["metadata"] = raw.get("metadata") or {}
        if (published := _flag(raw, "is_published")) is not None:
            values["is_published"] = published
        revision = int(raw.get("revision") or 1)
        if raw.get("replaces") is not None:
            replaced = (raw["symbol"], values["language"], int(raw["replaces"]))
            values["replaces"] = self.documents[replaced]
        if (current := _flag(raw, "is_current")) is not None:
            values["is_current"] = current
        doc, written = document_revision_load(
            actor=self.actor,
            symbol=raw["symbol"],
            revision=revision,
            values=values,
            reason=REASON,
        )
        self.written += written
        self.documents[(doc.symbol, doc.language, revision)] = doc
        if doc.language == doc.original_language or doc.symbol not in self.first:
            self.first[doc.symbol] = doc.language
        for p in raw.get("passages", []):
            fields = ("chapter", "chapter_title", "section", "section_title", "text")
            passage, written = passage_upsert(
                actor=self.actor,
                document=doc,
                number=int(p["number"]),
                values={name: p.get(name) or "" for name in fields},
                reason=REASON,
            )
            self.written += written
            self.passages[(doc.symbol, doc.language, revision, passage.number)] = (
                passage
            )

    def _org(self, raw: dict[str, Any], records: dict[str, Any]) -> Organisation:
        key = raw["id"]
        if key in self.orgs:
            return self.orgs[key]
        parent = (
            self._org(records[raw["parent"]], records) if raw.get("parent") else None
        )
        spec = OrganisationSpec(
            key=key,
            category=raw["category"],
            names=dict(raw.get("names") or {}),
            acronyms={k: set(v) for k, v in (raw.get("acronyms") or {}).items()},
            short_names={k: set(v) for k, v in (raw.get("short_names") or {}).items()},
            aliases={
                (a["kind"], a["lang"], a["value"]) for a in raw.get("aliases", [])
            },
            country=raw.get("country"),
            iati_type=raw.get("iati_type_override"),
            website=raw.get("website") or "",
            identifiers={(i["scheme"], i["value"]) for i in raw.get("identifiers", [])},
            is_synthetic=bool(raw.get("is_synthetic")),
            is_published=_flag(raw, "is_published"),
            lifecycle=_lifecycle(raw),
        )
        org, written = organisation_upsert(
            actor=self.actor, spec=spec, parent=parent, reason=REASON
        )
        self.written += written
        self.orgs[key] = org
        for passage, quote in self._cited(raw.get("mentions", [])):
            self.written += evidence_ensure(
                actor=self.actor,
                passage=passage,
                organisation=org,
                quote=quote,
                reason=REASON,
            )[1]
        return org

    def _cited(self, citations: list[dict[str, Any]]) -> list[tuple[Passage, str]]:
        """(passage, quote) of each citation: `{document, paragraph, quote}`, or
        `{document, paragraphs}` without quotes as version 1 wrote them; a
        `revision` other than the first is named."""
        found = []
        for c in citations:
            numbers = c["paragraphs"] if "paragraphs" in c else [c["paragraph"]]
            quote = c.get("quote") or ""
            language = c.get("language") or self.first[c["document"]]
            document = (c["document"], language, int(c.get("revision") or 1))
            for number in numbers:
                found.append((self.passages[(*document, int(number))], quote))
        return found

    def _eng(self, raw: dict[str, Any], records: dict[str, Any]) -> Engagement:
        key = raw["id"]
        if key in self.engagements:
            return self.engagements[key]
        parent = (
            self._eng(records[raw["parent"]], records) if raw.get("parent") else None
        )
        spec = EngagementSpec(
            key=key,
            kind=raw["kind"],
            title=dict(raw.get("title") or {}),
            summary=dict(raw.get("summary") or {}),
            start=parse_fuzzy(raw["start"]) if raw.get("start") else None,
            end=parse_fuzzy(raw["end"], end=True) if raw.get("end") else None,
            status=raw["status"],
            themes=list(raw.get("themes", [])),
            sdg_targets=list(raw.get("sdg_targets", [])),
            places=[
                PlaceSpec(
                    country=p.get("country"),
                    region=p.get("region"),
                    city=p.get("city") or {},
                )
                for p in raw.get("places", [])
            ],
            is_synthetic=bool(raw.get("is_synthetic")),
            is_published=_flag(raw, "is_published"),
            is_confidential=_flag(raw, "is_confidential"),
            lifecycle=_lifecycle(raw),
        )
        existed = Engagement.objects.filter(key=key).exists()
        engagement, written = engagement_upsert(
            actor=self.actor, spec=spec, parent=parent, reason=REASON
        )
        self.written += written
        self.engagements[key] = engagement
        for passage, quote in self._cited(raw.get("evidence", [])):
            self.written += evidence_ensure(
                actor=self.actor,
                passage=passage,
                engagement=engagement,
                quote=quote,
                reason=REASON,
            )[1]
        contributions: Contributions = {}
        for part in raw.get("participants", []):
            key = (part["organisation"], part["role"])
            contributions[key] = self._participant(engagement, part)
        self._money(engagement, raw, contributions, created=not existed)
        return engagement

    def _money(
        self,
        engagement: Engagement,
        raw: dict[str, Any],
        contributions: Contributions,
        *,
        created: bool,
    ) -> None:
        """Money lines and the kept IATI elements (version 3; earlier dumps have
        none, and what the database holds of them is left as it is)."""
        if "money" in raw:
            self.written += load_money(
                actor=self.actor,
                engagement=engagement,
                lines=raw["money"],
                orgs=self.orgs,
                contributions=contributions,
                created=created,
                reason=REASON,
            )
        self.written += load_published(
            actor=self.actor,
            engagement=engagement,
            raw=raw.get("published"),
            created=created,
            reason=REASON,
        )

    def _participant(
        self, engagement: Engagement, raw: dict[str, Any]
    ) -> list[Contribution]:
        org = self.orgs[raw["organisation"]]
        participation, written = participation_ensure(
            actor=self.actor,
            engagement=engagement,
            organisation=org,
            role=raw["role"],
            reason=REASON,
            created_at=_time(raw.get("created_at")),
        )
        self.written += written
        listed = []
        for money in raw.get("contributions", []):
            value = money.get("value_date")
            spec = ContributionSpec(
                amount=Decimal(money["amount"]),
                currency=money["currency"],
                value=parse_fuzzy(value) if value else None,
            )
            contribution, written = contribution_ensure(
                actor=self.actor, participation=participation, spec=spec, reason=REASON
            )
            self.written += written
            listed.append(contribution)
        for passage, quote in self._cited(raw.get("evidence", [])):
            self.written += evidence_ensure(
                actor=self.actor,
                passage=passage,
                participation=participation,
                quote=quote,
                reason=REASON,
            )[1]
        return listed
