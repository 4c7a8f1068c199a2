"""IATI activity and organisation files into the registry.

The inverse of export.py where one exists (mapping in docs/iati.md, "Import").
Each file is one transaction: a file refused midway (not well-formed after the
first activities) leaves nothing behind. Each activity is checked and mapped as
it streams past; an invalid one is skipped with its line and reason, the others
are written a chunk at a time (chunk.py) through the apps' bulk services, only
what is new or changed, so importing the same file again writes nothing. Organisation files and the
organisations an activity names go through the services one by one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from lxml import etree

from partnerships.accounts.actors import actor_for
from partnerships.cooperation.models import Kind, MoneyLine, Status
from partnerships.cooperation.services import EngagementSpec
from partnerships.cooperation.validation import END_BEFORE_START, engagement_errors
from partnerships.core.actor import Actor, system_actor
from partnerships.core.batching import fewer_collections
from partnerships.core.errors import NotAllowed
from partnerships.core.validation import column_errors
from partnerships.interop.iati import checks, chunk, inverse, reader
from partnerships.interop.iati import mapping as m
from partnerships.interop.iati.chunk import CHUNK, Chunk, Item, Resolved
from partnerships.interop.iati.codes import Codes
from partnerships.interop.iati.digest import Digests
from partnerships.interop.iati.inverse import (
    ENGAGEMENT_KEY_MAX,
    ROLES,
    SECTOR_THEMES,
    STATUSES,
    OrganisationResolver,
    safe_key,
)
from partnerships.interop.iati.near import Proposals
from partnerships.interop.iati.results import Prepared, Summary
from partnerships.sources.models import Passage
from partnerships.sources.services import (
    document_upsert,
    evidence_ensure,
    passage_upsert,
)

REASON = "import-iati"


def import_file(
    path: Path,
    *,
    dry_run: bool = False,
    on_item: Callable[[], None] | None = None,
    user: Any = None,
    strict: bool = False,
) -> Summary:
    """Import one file in one transaction; ReaderError refuses it as a whole.

    The import acts as `user` (None: the console, as the system actor
    "import-iati"), which is recorded as the author of every history row; an
    activity naming an engagement the actor may not change refuses the file.
    """
    info = reader.inspect(path)
    summary = Summary(file=path.name, warnings=list(info.warnings))
    actor = system_actor(REASON) if user is None else actor_for(user)
    try:
        with transaction.atomic(), fewer_collections():
            run = _Run(info, summary, actor, strict=strict)
            activities = info.root == reader.ACTIVITIES
            for number, element in enumerate(reader.items(info), start=1):
                summary.read += 1
                if activities:
                    run.take(run.prepare(number, element))
                else:
                    run.item(number, element)
                if on_item:
                    on_item()
            run.flush()
            run.digests.finish()
            summary.writes += run.orgs.writes
            summary.organisations_created = run.orgs.created
            summary.organisations_matched = run.orgs.matched
            summary.organisations_proposed = run.orgs.proposals.count
            if dry_run:
                transaction.set_rollback(True)
    except (NotAllowed, ValidationError, IntegrityError) as error:
        # The services refused a batch (an engagement not the actor's to change, a
        # row their rules refuse) or, last guard, the database refused a row (e.g.
        # another import wrote the same key meanwhile): nothing of the file stays.
        raise reader.ReaderError(
            _("%(file)s: %(reason)s Nothing of the file was imported.")
            % {"file": path.name, "reason": _reason(error)}
        ) from error
    return summary


class _Run:
    def __init__(
        self,
        info: reader.FileInfo,
        summary: Summary,
        actor: Actor,
        *,
        strict: bool = False,
    ) -> None:
        self.info = info
        self.summary = summary
        self.codes = Codes.load()
        self.actor = actor
        self.strict = strict
        self.orgs = OrganisationResolver(
            reason=REASON, actor=self.actor, proposals=Proposals(info.path.name)
        )
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
            actor=self.actor, symbol=symbol, values=values, reason=REASON
        )
        summary.writes += written
        self.chunk = Chunk(self.document, actor=actor, reason=REASON)
        self.digests = Digests(info, self.document, strict=strict)
        self.pending: list[Item] = []
        self.keys: set[str] = set()
        self.amount_shapes: dict[tuple, list[str]] = {}

    def prepare(self, number: int, element: etree._Element) -> Prepared:
        """Check and map one activity; nothing is written yet."""
        line = element.sourceline or 0
        identifier = (element.findtext("iati-identifier") or "").strip()
        digest = self.digests.of(number, element)
        if self.digests.unchanged(number, digest):
            return Prepared(line, identifier, None, unchanged=True)
        try:
            warnings = checks.check(element, self.info, strict=self.strict)
            record = reader.activity_record(element, self.info)
            self._check_codes(record)
            item = self._item(number, record)
            item.digest = digest
            return Prepared(line, identifier, item, warnings=warnings)
        except reader.InvalidItem as error:
            return Prepared(line, identifier, None, str(error))

    def take(self, done: Prepared) -> None:
        if done.unchanged:
            self.summary.unchanged += 1
        elif done.item is None:
            self.summary.skip(done.line, done.identifier, done.reason)
        else:
            self.summary.warnings += [
                _(
                    "%(identifier)s (line %(line)s) imported; not mapped and "
                    "invalid: %(warning)s"
                )
                % {"identifier": done.identifier, "line": done.line, "warning": warning}
                for warning in done.warnings
            ]
            self._queue(done.item)

    def item(self, number: int, element: etree._Element) -> None:
        """One iati-organisation, written at once through the services."""
        line = element.sourceline or 0
        identifier = (element.findtext("organisation-identifier") or "").strip()
        try:
            checks.check(element, self.info, strict=True)
            record = reader.organisation_record(element, self.info)
            with transaction.atomic():
                self._organisation(number, record)
        except (reader.InvalidItem, ValidationError) as error:
            self.orgs.forget()  # what its savepoint created is gone
            self.summary.skip(line, identifier, _reason(error))

    def _queue(self, item: Item) -> None:
        if item.spec.key in self.keys:
            self.flush()  # the same activity twice: the second updates the first
        self.pending.append(item)
        self.keys.add(item.spec.key)
        if len(self.pending) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        """Resolve the organisations of the queued activities, then write them."""
        self.orgs.prefetch(
            ref for item in self.pending for ref in _org_refs(item.record)
        )
        ready = []
        for item in self.pending:
            try:
                self._resolve(item)
            except ValidationError as error:
                self.summary.skip(
                    item.record.line, item.record.identifier, _reason(error)
                )
            else:
                ready.append(item)
        self.digests.keep(ready, self.chunk.write(ready))
        for item in ready:
            self.summary.writes += item.writes
            if not item.existed:
                self.summary.created += 1
            elif item.writes:
                self.summary.updated += 1
            else:
                self.summary.unchanged += 1
        self.pending, self.keys = [], set()

    def _resolve(self, item: Item) -> None:
        record = item.record
        self.orgs.where = record.identifier
        for code, ref in record.participants:
            if ref.label:  # neither @ref nor a name: nobody to point at
                item.roles.append((ROLES[code], self.orgs.resolve(ref), ref.label))
        for money in record.money:
            item.money.append(
                Resolved(
                    money,
                    provider=self.orgs.known(money.provider),
                    receiver=self.orgs.known(money.receiver),
                )
            )

    def _item(self, number: int, record: reader.Record) -> Item:
        if not record.identifier:
            raise reader.InvalidItem(_("it has no iati-identifier"))
        spec, notes = self._spec(record)
        for money in record.money:
            errors = self._amount_errors(money.amount)
            if errors:
                raise reader.InvalidItem(
                    _("line %(line)s: amount %(amount)s: %(errors)s")
                    % {
                        "line": money.line,
                        "amount": money.amount,
                        "errors": "; ".join(errors),
                    }
                )
        return Item(
            number=number,
            record=record,
            spec=spec,
            text=inverse.passage_text(record, notes),
        )

    def _amount_errors(self, amount: Decimal) -> list[str]:
        """What the amount's column says of it, asked once per shape: its
        digits and places are all the column's rules look at (a file's
        amounts have a few shapes, and every line is asked)."""
        sign, digits, exponent = amount.as_tuple()
        shape = (sign, len(digits), digits == (0,), exponent)
        if shape not in self.amount_shapes:
            errors = column_errors(MoneyLine, {"amount": amount})
            self.amount_shapes[shape] = errors.get("amount", [])
        return self.amount_shapes[shape]

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
                _("unknown code: %(codes)s")
                % {"codes": ", ".join(sorted(set(problems)))}
            )

    def _passage(self, number: int, record: reader.Record, text: str) -> Passage:
        passage, written = passage_upsert(
            actor=self.actor,
            document=self.document,
            number=number,
            values=chunk.passage_values(record.identifier, text),
            reason=REASON,
        )
        self.summary.writes += written
        return passage

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
            # The places are the record's countries and regions (chunk.py reads
            # them there: a hundred specs for one activity cost more than its
            # rows).
        )
        if _(END_BEFORE_START) in engagement_errors(spec.columns()).get("end_date", []):
            raise reader.InvalidItem(_("it ends before it starts"))
        return spec, notes

    def _evidence(self, passage: Passage, *, quote: str, **subject: object) -> int:
        return int(
            evidence_ensure(
                actor=self.actor, passage=passage, quote=quote, reason=REASON, **subject
            )[1]
        )

    def _organisation(self, number: int, record: reader.Record) -> None:
        if not record.identifier:
            raise reader.InvalidItem(_("it has no organisation-identifier"))
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


def _org_refs(record: reader.Record) -> Iterator[reader.OrgRef]:
    yield from (ref for _, ref in record.participants)
    for money in record.money:
        yield from (ref for ref in (money.provider, money.receiver) if ref)


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    if isinstance(error, IntegrityError):
        return _("the database refused a row (%(error)s);") % {"error": error}
    return str(error)
