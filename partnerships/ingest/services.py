"""Reading a report into candidates: the document, its passages, the proposals.

Nothing here writes to the registry of organisations and engagements; that is done
by the decisions of `review.py`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from partnerships.core.actor import Actor, system_actor
from partnerships.ingest.gazetteer import Gazetteer, build_gazetteer
from partnerships.ingest.models import (
    Candidate,
    CandidateKind,
    IngestRun,
)
from partnerships.ingest.pipeline import ParagraphResult, extract
from partnerships.ingest.proposals import engagement_data, organisation_data
from partnerships.registry.models import Organisation
from partnerships.sources.models import Passage, SourceDocument
from partnerships.sources.paragraphs import Layout, split_report
from partnerships.sources.selectors import document_for
from partnerships.sources.services import (
    document_revision_create,
    passage_upsert,
)


class IngestRefused(ValueError):
    pass


READER = system_actor("ingest")


PASSAGE_FIELDS = ("chapter", "chapter_title", "section", "section_title", "text")


def _passage_values(layout: Layout) -> dict[int, dict[str, str]]:
    return {
        p.number: {
            "chapter": p.chapter,
            "chapter_title": p.chapter_title[:500],
            "section": p.section,
            "section_title": p.section_title[:500],
            "text": p.text,
        }
        for p in layout.paragraphs
    }


def _same_text(document: SourceDocument, wanted: dict[int, dict[str, str]]) -> bool:
    stored = {
        row["number"]: {name: row[name] for name in PASSAGE_FIELDS}
        for row in document.passages.values("number", *PASSAGE_FIELDS)
    }
    return stored == wanted


def _store_document(
    layout: Layout, *, actor: Actor, symbol: str, lang: str, file_name: str
) -> tuple[SourceDocument, dict[int, Passage]]:
    """Never a change to a document already known (the curated seed, an earlier
    reading): the same text as its latest revision reuses that revision; another
    text is a new revision under its symbol, keeping its metadata, which waits
    for review on the run's page (`sources.services.document_publish`)."""
    wanted = _passage_values(layout)
    latest = document_for(
        symbol, lang, within=SourceDocument.objects.filter(language=lang)
    )
    if latest is not None and _same_text(latest, wanted):
        return latest, {p.number: p for p in latest.passages.all()}
    document = document_revision_create(
        actor=actor,
        symbol=symbol,
        values={"language": lang, "file_name": file_name},
        reason="ingested",
    )
    passages = {}
    for number, values in wanted.items():
        passages[number], _ = passage_upsert(
            actor=actor,
            document=document,
            number=number,
            values=values,
            reason="ingested",
        )
    return document, passages


def _checked_layout(text: str, lang: str, file_name: str, symbol: str) -> Layout:
    if lang not in ("zh", "en"):
        raise IngestRefused(
            _("Language %(lang)s cannot be read yet: use zh or en.")
            % {"lang": repr(lang)}
        )
    layout = split_report(text, lang)
    if layout.problems:
        raise IngestRefused(
            _("%(name)s: %(problem)s")
            % {"name": file_name, "problem": " ".join(layout.problems)}
        )
    # A web page or a press release has no UN symbol: it is named after its file,
    # so that it can still be read and cited (and read again under the same name).
    layout.symbol = symbol or layout.symbol or _symbol_of_file(file_name)
    return layout


def _symbol_of_file(file_name: str) -> str:
    stem = re.sub(r"[^\w.-]+", "-", Path(file_name).stem, flags=re.ASCII).strip("-")
    return f"FILE:{stem[:90] or 'untitled'}"


def ingest_text(
    *,
    text: str,
    lang: str,
    file_name: str,
    symbol: str = "",
    actor: Actor = READER,
    gazetteer: Gazetteer | None = None,
    on_paragraph: Callable[[int, int], None] | None = None,
) -> IngestRun:
    """Split, extract, then store the document, its passages and the candidates,
    all or nothing. Without a user's actor, the command line's reader acts.
    `on_paragraph(done, total)` hears of the reading's progress (nothing is
    written until every paragraph is read, so it may stop the reading)."""
    started = time.perf_counter()
    layout = _checked_layout(text, lang, file_name, symbol)
    results = extract(layout, gazetteer or build_gazetteer(), lang, on_paragraph)
    with transaction.atomic():
        document, passages = _store_document(
            layout, actor=actor, symbol=layout.symbol, lang=lang, file_name=file_name
        )
        run = IngestRun.objects.create(
            document=document,
            file_name=file_name,
            language=lang,
            run_by_id=actor.user_id,
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
