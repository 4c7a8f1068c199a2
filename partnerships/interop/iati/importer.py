"""IATI activity and organisation files into the registry, through the services.

The inverse of export.py where one exists (mapping in docs/iati.md, "Import").
Each file is one transaction: a file refused midway (not well-formed after the
first activities) leaves nothing behind. An invalid activity is skipped with its
line and reason; the others go in. Everything is written with `save_if_changed`
underneath, so importing the same file again writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from lxml import etree

from partnerships.cooperation.models import (
    Engagement,
    Kind,
    Participation,
    Role,
    Status,
)
from partnerships.cooperation.services import (
    ContributionSpec,
    EngagementSpec,
    PlaceSpec,
    contribution_ensure,
    engagement_upsert,
    participation_ensure,
)
from partnerships.core.dates import Precision
from partnerships.interop.iati import inverse, reader
from partnerships.interop.iati import mapping as m
from partnerships.interop.iati.codelists import active_codes
from partnerships.interop.iati.inverse import (
    BUDGET_ROLES,
    CONTRIBUTION_TYPES,
    ENGAGEMENT_KEY_MAX,
    ROLES,
    SECTOR_THEMES,
    STATUSES,
    OrganisationResolver,
    safe_key,
)
from partnerships.reference.models import Country, Currency, Region, SdgTarget, Theme
from partnerships.sources.models import Passage
from partnerships.sources.services import (
    document_upsert,
    evidence_ensure,
    passage_upsert,
)

REASON = "import-iati"


@dataclass
class Summary:
    file: str
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    writes: int = 0
    organisations_created: int = 0
    skipped: list[tuple[int, str, str]] = field(default_factory=list)

    def skip(self, line: int, identifier: str, reason: str) -> None:
        self.skipped.append((line, identifier or "(no identifier)", reason))


@dataclass
class _Codes:
    countries: frozenset[str]
    regions: frozenset[str]
    currencies: frozenset[str]
    roles: frozenset[str]
    statuses: frozenset[str]
    themes: frozenset[str]
    targets: frozenset[str]

    @classmethod
    def load(cls) -> _Codes:
        def pks(model: type) -> frozenset[str]:
            return frozenset(model.objects.values_list("pk", flat=True))

        return cls(
            countries=pks(Country),
            regions=pks(Region),
            currencies=pks(Currency),
            roles=active_codes("OrganisationRole"),
            statuses=active_codes("ActivityStatus"),
            themes=pks(Theme),
            targets=pks(SdgTarget),
        )


def import_file(
    path: Path, *, dry_run: bool = False, on_item: Callable[[], None] | None = None
) -> Summary:
    """Import one file in one transaction; ReaderError refuses it as a whole."""
    info = reader.inspect(path)
    summary = Summary(file=path.name)
    with transaction.atomic():
        run = _Run(info, summary)
        for number, element in enumerate(reader.items(info), start=1):
            summary.read += 1
            run.item(number, element)
            if on_item:
                on_item()
        summary.writes += run.orgs.writes
        summary.organisations_created = run.orgs.created
        if dry_run:
            transaction.set_rollback(True)
    return summary


class _Run:
    def __init__(self, info: reader.FileInfo, summary: Summary) -> None:
        self.info = info
        self.summary = summary
        self.codes = _Codes.load()
        self.orgs = OrganisationResolver(reason=REASON)
        name = info.path.name
        symbol = f"IATI:{name}" if len(name) <= 95 else f"IATI:{safe_key(name, 95)}"
        values = {
            "language": info.lang,
            "file_name": name[:300],
            f"title_{info.lang}": f"IATI {info.version} file {name}"[:500],
            "metadata": {"iati_version": info.version, "root": info.root},
            "date": inverse.file_date(info.generated),
        }
        self.document, written = document_upsert(
            symbol=symbol, values=values, reason=REASON
        )
        summary.writes += written

    def item(self, number: int, element: etree._Element) -> None:
        line = element.sourceline or 0
        identifier = (element.findtext(_ID[self.info.root]) or "").strip()
        try:
            reader.check(element, self.info)
            if self.info.root == reader.ACTIVITIES:
                record = reader.activity_record(element, self.info)
                self._check_codes(record)
                with transaction.atomic():
                    self._activity(number, record)
            else:
                record = reader.organisation_record(element, self.info)
                with transaction.atomic():
                    self._organisation(number, record)
        except (reader.InvalidItem, ValidationError) as error:
            self.orgs.forget()
            text = (
                "; ".join(error.messages)
                if isinstance(error, ValidationError)
                else str(error)
            )
            self.summary.skip(line, identifier, text)

    def _check_codes(self, record: reader.Record) -> None:
        problems = [
            f"country {c}" for c in record.countries if c not in self.codes.countries
        ]
        problems += [
            f"region {c}" for c in record.regions if c not in self.codes.regions
        ]
        problems += [
            f"currency {money.currency or '(none)'}"
            for money in record.money
            if money.currency not in self.codes.currencies
        ]
        problems += [
            f"role {r}" for r, _ in record.participants if r not in self.codes.roles
        ]
        if record.status not in self.codes.statuses:
            problems.append(f"activity-status {record.status}")
        if problems:
            raise reader.InvalidItem(
                "unknown code: " + ", ".join(sorted(set(problems)))
            )

    def _passage(self, number: int, record: reader.Record, text: str) -> Passage:
        values = {
            "chapter": record.identifier if len(record.identifier) <= 20 else "",
            "chapter_title": record.identifier[:500],
            "section": "",
            "section_title": "",
            "text": text,
        }
        passage, written = passage_upsert(
            document=self.document, number=number, values=values, reason=REASON
        )
        self.summary.writes += written
        return passage

    def _activity(self, number: int, record: reader.Record) -> None:
        if not record.identifier:
            raise reader.InvalidItem("it has no iati-identifier")
        spec, notes = self._spec(record)
        existed = Engagement.objects.filter(key=spec.key).exists()
        passage = self._passage(number, record, inverse.passage_text(record, notes))
        engagement, written = engagement_upsert(spec=spec, parent=None, reason=REASON)
        quote = next(iter(spec.title.values()), record.identifier)
        writes = written + self._evidence(passage, engagement=engagement, quote=quote)
        writes += self._participations(record, engagement, passage)
        self.summary.writes += writes
        if not existed:
            self.summary.created += 1
        elif writes:
            self.summary.updated += 1
        else:
            self.summary.unchanged += 1

    def _spec(self, record: reader.Record) -> tuple[EngagementSpec, list[str]]:
        notes = list(record.dropped)
        themes, targets = [], []
        for vocabulary, code in record.sectors:
            theme = (
                SECTOR_THEMES.get(code) if vocabulary == m.SECTOR_VOCABULARY else None
            )
            if theme in self.codes.themes:
                themes.append(theme)
            else:
                notes.append(f"sector {vocabulary}/{code}")
        for vocabulary, code in record.tags:
            if vocabulary == m.SDG_TARGET_VOCABULARY and code in self.codes.targets:
                targets.append(code)
            else:
                notes.append(f"tag {vocabulary}/{code}")
        start = record.dates.get(m.ACTUAL_START) or record.dates.get(m.PLANNED_START)
        end = record.dates.get(m.ACTUAL_END) or record.dates.get(m.PLANNED_END)
        spec = EngagementSpec(
            key=safe_key(record.identifier, ENGAGEMENT_KEY_MAX),
            kind=Kind.PROJECT,
            title={lang: text[:500] for lang, text in record.title.items()},
            summary=dict(record.summary),
            start=inverse.fuzzy(start, end=False),
            end=inverse.fuzzy(end, end=True),
            status=STATUSES.get(record.status, Status.UNKNOWN),
            themes=sorted(set(themes)),
            sdg_targets=sorted(set(targets)),
            places=[PlaceSpec(country=c) for c in record.countries]
            + [PlaceSpec(region=r) for r in record.regions],
        )
        if spec.start and spec.end and spec.end.value < spec.start.value:
            raise reader.InvalidItem("it ends before it starts")
        return spec, notes

    def _participations(
        self, record: reader.Record, engagement: Engagement, passage: Passage
    ) -> int:
        writes = 0
        cited: set[int] = set()

        def cite(participation: Participation, quote: str) -> None:
            nonlocal writes
            if participation.pk not in cited:
                cited.add(participation.pk)
                writes += self._evidence(
                    passage, participation=participation, quote=quote
                )

        for code, ref in record.participants:
            if not ref.label:
                continue  # neither @ref nor a name: nobody to point at
            participation, written = participation_ensure(
                engagement=engagement,
                organisation=self.orgs.resolve(ref),
                role=ROLES[code],
                reason=REASON,
            )
            writes += written
            cite(participation, ref.label)
        for money in record.money:
            if money.kind and money.kind not in CONTRIBUTION_TYPES:
                continue
            if money.amount < 0 or not money.date:
                continue
            found = self._payer(record, engagement, money)
            if found is None:
                continue
            participation, written = found
            writes += written
            cite(participation, participation.organisation.key)
            value = inverse.fuzzy((money.date, Precision.DAY), end=False)
            spec = ContributionSpec(
                amount=money.amount, currency=money.currency, value=value
            )
            writes += contribution_ensure(
                participation=participation, spec=spec, reason=REASON
            )[1]
        return writes

    def _payer(
        self, record: reader.Record, engagement: Engagement, money: reader.Money
    ) -> tuple[Participation, bool] | None:
        """The provider's funder participation; a budget's on the reporting org."""
        if money.kind:
            if money.provider is None or not money.provider.label:
                return None
            org = self.orgs.resolve(money.provider)
            return participation_ensure(
                engagement=engagement, organisation=org, role=Role.FUNDER, reason=REASON
            )
        if record.reporting is None or not record.reporting.label:
            return None
        org = self.orgs.resolve(record.reporting)
        taken = Participation.objects.filter(engagement=engagement, organisation=org)
        for role in BUDGET_ROLES:
            found = taken.filter(role=role).first()
            if found:
                return found, False
        return participation_ensure(
            engagement=engagement, organisation=org, role=Role.LEAD, reason=REASON
        )

    def _evidence(self, passage: Passage, *, quote: str, **subject: object) -> int:
        return int(
            evidence_ensure(passage=passage, quote=quote, reason=REASON, **subject)[1]
        )

    def _organisation(self, number: int, record: reader.Record) -> None:
        if not record.identifier:
            raise reader.InvalidItem("it has no organisation-identifier")
        own = record.reporting
        ref = reader.OrgRef(
            ref=record.identifier,
            type=own.type if own and own.ref == record.identifier else "",
            names=record.title,
        )
        text = f"iati-organisation at line {record.line}: {record.identifier}."
        passage = self._passage(number, record, text)
        created, writes = self.orgs.created, self.orgs.writes
        org = self.orgs.resolve(ref)
        evidence = self._evidence(passage, organisation=org, quote=ref.label)
        self.summary.writes += evidence
        if self.orgs.created > created:
            self.summary.created += 1
        elif self.orgs.writes > writes or evidence:
            self.summary.updated += 1
        else:
            self.summary.unchanged += 1


_ID = {
    reader.ACTIVITIES: "iati-identifier",
    reader.ORGANISATIONS: "organisation-identifier",
}
