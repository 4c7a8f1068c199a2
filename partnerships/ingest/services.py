"""Reading a report into candidates, and turning reviewed candidates into records.

Every write to the registry goes through the audited services of the registry and
cooperation apps; nothing enters the registry unreviewed, except through
`accept_above`, which records who ran it.
"""

from __future__ import annotations

import re
import time
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from partnerships.accounts.policies import Actor, can_create
from partnerships.cooperation.editing import engagement_create
from partnerships.cooperation.models import Contribution, Participation
from partnerships.core.errors import NotAllowed
from partnerships.core.versioned import audited_save
from partnerships.ingest.gazetteer import Gazetteer, build_gazetteer
from partnerships.ingest.layout import Layout, split_report
from partnerships.ingest.models import (
    Candidate,
    CandidateKind,
    CandidateStatus,
    IngestRun,
)
from partnerships.ingest.pipeline import ParagraphResult, extract
from partnerships.ingest.proposals import engagement_data, organisation_data
from partnerships.registry.editing import organisation_create
from partnerships.registry.models import NameKind, Organisation, OrganisationName
from partnerships.sources.models import Passage, SourceDocument
from partnerships.sources.services import (
    document_upsert,
    evidence_ensure,
    passage_upsert,
)


class IngestRefused(ValueError):
    pass


def _store_document(layout: Layout, *, symbol: str, lang: str, file_name: str):  # noqa: ANN202
    # A document already in the registry (the curated seed, an earlier reading)
    # keeps its metadata; only its passages are brought up to date.
    document = SourceDocument.objects.filter(symbol=symbol).first()
    if document is None:
        document, _ = document_upsert(
            symbol=symbol,
            values={"language": lang, "file_name": file_name, f"title_{lang}": symbol},
            reason="ingested",
        )
    passages = {}
    for paragraph in layout.paragraphs:
        passages[paragraph.number], _ = passage_upsert(
            document=document,
            number=paragraph.number,
            values={
                "chapter": paragraph.chapter,
                "chapter_title": paragraph.chapter_title[:500],
                "section": paragraph.section,
                "section_title": paragraph.section_title[:500],
                "text": paragraph.text,
            },
            reason="ingested",
        )
    return document, passages


def ingest_text(
    *,
    text: str,
    lang: str,
    file_name: str,
    symbol: str = "",
    user_id: int | None = None,
    gazetteer: Gazetteer | None = None,
) -> IngestRun:
    """Split, store the document and its passages, extract, store candidates."""
    if lang not in ("zh", "en"):
        raise IngestRefused(f"Language {lang!r} cannot be read yet: use zh or en.")
    started = time.perf_counter()
    layout = split_report(text, lang)
    if layout.problems:
        raise IngestRefused(f"{file_name}: {' '.join(layout.problems)}")
    symbol = symbol or layout.symbol
    if not symbol:
        raise IngestRefused(
            f"{file_name}: no document symbol was found in the header; give one."
        )
    results = extract(layout, gazetteer or build_gazetteer(), lang)
    with transaction.atomic():
        document, passages = _store_document(
            layout, symbol=symbol, lang=lang, file_name=file_name
        )
        run = IngestRun.objects.create(
            document=document, file_name=file_name, language=lang, run_by_id=user_id
        )
        made = [c for r in results for c in _candidates(run, passages, r)]
        Candidate.objects.bulk_create(made)
        run.seconds = round(time.perf_counter() - started, 3)
        run.stats = {
            "paragraphs": len(layout.paragraphs),
            "organisations": sum(c.kind == CandidateKind.ORGANISATION for c in made),
            "engagements": sum(c.kind == CandidateKind.ENGAGEMENT for c in made),
            "footnotes": layout.footnotes,
        }
        run.save(update_fields=["seconds", "stats"])
    return run


def _candidates(
    run: IngestRun, passages: dict[int, Passage], result: ParagraphResult
) -> list[Candidate]:
    passage = passages[result.paragraph.number]
    keys = {p.resolution.key for p in result.organisations if p.resolution.key}
    known = dict(Organisation.objects.filter(key__in=keys).values_list("key", "id"))
    out = []
    for proposal in result.organisations:
        data = organisation_data(proposal)
        out.append(
            Candidate(
                run=run,
                passage=passage,
                kind=CandidateKind.ORGANISATION,
                confidence=proposal.resolution.confidence,
                label=proposal.resolution.name[:500],
                data=data,
                organisation_id=known.get(proposal.resolution.key),
            )
        )
    for engagement in result.engagements:
        data = engagement_data(engagement, result.paragraph.text)
        out.append(
            Candidate(
                run=run,
                passage=passage,
                kind=CandidateKind.ENGAGEMENT,
                confidence=engagement.confidence,
                label=data["title"][:500],
                data=data,
            )
        )
    return out


def _check(actor: Actor, candidate: Candidate) -> None:
    if not can_create(actor):
        raise NotAllowed("Only editors and administrators review candidates.")
    if candidate.status != CandidateStatus.PENDING:
        raise ValidationError(f"This candidate was already {candidate.status}.")


def _decide(candidate: Candidate, actor: Actor, status: str, note: str = "") -> None:
    candidate.status = status
    candidate.decided_by_id = actor.user_id
    candidate.decided_at = timezone.now()
    candidate.note = note[:300]
    candidate.save()


def _new_key(name: str) -> str:
    base = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").upper()[:60]
    base = base or "ORG"
    key, n = f"INGEST-{base}", 1
    while Organisation.objects.filter(key=key).exists():
        n += 1
        key = f"INGEST-{base}-{n}"
    return key


def candidate_accept(
    *, actor: Actor, candidate: Candidate, changes: dict[str, Any] | None = None
) -> Candidate:
    """Accept (with the reviewer's edits in `changes`): an organisation becomes a
    registry record or a mention of an existing one; an engagement becomes an
    engagement with its participations, each with evidence in the passage."""
    _check(actor, candidate)
    with transaction.atomic():
        if candidate.kind == CandidateKind.ORGANISATION:
            _accept_organisation(actor, candidate, changes or {})
        else:
            _accept_engagement(actor, candidate, changes or {})
        _decide(candidate, actor, CandidateStatus.ACCEPTED)
    return candidate


def _accept_organisation(
    actor: Actor, candidate: Candidate, changes: dict[str, Any]
) -> None:
    data = candidate.data
    if candidate.organisation is None:
        lang = data["lang"]
        name = str(changes.get("name") or data["name"]).strip()
        if not name:
            raise ValidationError({"name": "A new organisation needs a name."})
        category = changes.get("category") or data["category"]
        org = organisation_create(
            actor=actor,
            key=_new_key(changes.get("name_en") or data.get("name_en") or name),
            changes={f"name_{lang}": name, "category": category},
            reason=f"accepted from {candidate.passage}",
        )
        for short in data.get("short_names", []):
            audited_save(
                OrganisationName(
                    organisation=org,
                    kind=NameKind.ACRONYM if short.isascii() else NameKind.SHORT,
                    lang="en" if short.isascii() else lang,
                    value=short,
                ),
                user_id=actor.user_id,
                reason="short form given in the report",
            )
        candidate.organisation = org
    evidence_ensure(
        passage=candidate.passage,
        organisation=candidate.organisation,
        quote=data["mentions"][0]["text"] if data.get("mentions") else "",
        reason="ingest review",
    )


def _participant_org(candidate: Candidate, identity: str) -> Organisation:
    """The registry organisation of a partner: its candidate in this paragraph if
    resolved or decided, else the same organisation accepted or merged in another
    paragraph of the same reading."""
    siblings = Candidate.objects.filter(
        run=candidate.run,
        kind=CandidateKind.ORGANISATION,
        data__identity=identity,
        organisation__isnull=False,
    ).exclude(status=CandidateStatus.REJECTED)
    here = siblings.filter(passage=candidate.passage).first()
    decided = siblings.filter(
        status__in=(CandidateStatus.ACCEPTED, CandidateStatus.MERGED)
    ).first()
    found = here or decided
    if found is None:
        raise ValidationError(
            f"The organisation {identity!r} of this engagement is not in the "
            "registry yet: accept or merge it first."
        )
    return found.organisation


def _accept_engagement(
    actor: Actor, candidate: Candidate, changes: dict[str, Any]
) -> None:
    data = candidate.data
    lang = candidate.run.language
    participants = [
        (_participant_org(candidate, p["identity"]), p["role"])
        for p in data["participants"]
    ]
    fields: dict[str, Any] = {
        "kind": changes.get("kind") or data["kind"],
        f"title_{lang}": (changes.get("title") or data["title"])[:500],
    }
    if data.get("dates"):
        fields["start"] = data["dates"][0]
    engagement = engagement_create(
        actor=actor,
        key=f"ingest-{candidate.run_id}-{candidate.pk}",
        changes=fields,
        reason=f"accepted from {candidate.passage}",
    )
    for org, role in participants:
        participation = Participation(
            engagement=engagement, organisation=org, role=role
        )
        audited_save(participation, user_id=actor.user_id, reason="told in the report")
        if role == "funder":
            for money in data.get("money", []):
                audited_save(
                    Contribution(
                        participation=participation,
                        amount=money["amount"],
                        currency_id=money["currency"],
                    ),
                    user_id=actor.user_id,
                    reason="amount given in the report",
                )
    evidence_ensure(
        passage=candidate.passage,
        engagement=engagement,
        quote=data["quote"],
        reason="ingest review",
    )
    candidate.engagement = engagement


def candidate_merge(
    *, actor: Actor, candidate: Candidate, organisation: Organisation
) -> Candidate:
    """The proposed organisation is an existing one under another name."""
    _check(actor, candidate)
    if candidate.kind != CandidateKind.ORGANISATION:
        raise ValidationError("Only organisation candidates can be merged.")
    with transaction.atomic():
        candidate.organisation = organisation
        name = candidate.data["name"]
        lang = candidate.data["lang"]
        if not OrganisationName.objects.filter(
            organisation=organisation, value=name
        ).exists() and name not in (organisation.name_zh, organisation.name_en):
            audited_save(
                OrganisationName(
                    organisation=organisation,
                    kind=NameKind.ALIAS,
                    lang=lang,
                    value=name,
                ),
                user_id=actor.user_id,
                reason=f"name used in {candidate.passage}",
            )
        _accept_organisation(actor, candidate, {})
        _decide(candidate, actor, CandidateStatus.MERGED)
    return candidate


def candidate_reject(
    *, actor: Actor, candidate: Candidate, note: str = ""
) -> Candidate:
    _check(actor, candidate)
    _decide(candidate, actor, CandidateStatus.REJECTED, note)
    return candidate


def accept_above(*, actor: Actor, run: IngestRun, threshold: float) -> dict[str, int]:
    """Accept every pending candidate at or above `threshold`, organisations first
    (engagements need their partners in the registry); one transaction."""
    counts = {"organisations": 0, "engagements": 0, "skipped": 0}
    with transaction.atomic():
        for kind, label in (
            (CandidateKind.ORGANISATION, "organisations"),
            (CandidateKind.ENGAGEMENT, "engagements"),
        ):
            pending = run.candidates.filter(
                kind=kind, status=CandidateStatus.PENDING, confidence__gte=threshold
            ).select_related("passage", "organisation", "run")
            for candidate in pending:
                try:
                    with transaction.atomic():
                        candidate_accept(actor=actor, candidate=candidate)
                    counts[label] += 1
                except ValidationError:
                    counts["skipped"] += 1
    return counts
