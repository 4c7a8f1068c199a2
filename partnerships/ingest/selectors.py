"""Reads for the review pages."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from partnerships.ingest.models import Candidate, CandidateStatus, IngestRun


def runs() -> QuerySet[IngestRun]:
    return IngestRun.objects.select_related("document", "run_by").annotate(
        pending=Count(
            "candidates", filter=Q(candidates__status=CandidateStatus.PENDING)
        )
    )


def run_paragraphs(run: IngestRun) -> list[dict]:
    """Per paragraph: the passage with mentions marked, and its candidates."""
    candidates = run.candidates.select_related("passage", "organisation").order_by(
        "passage__number", "kind", "-confidence", "id"
    )
    grouped: dict[int, dict] = {}
    for candidate in candidates:
        entry = grouped.setdefault(
            candidate.passage.number,
            {"passage": candidate.passage, "candidates": [], "spans": []},
        )
        entry["candidates"].append(candidate)
        for mention in candidate.data.get("mentions", []):
            entry["spans"].append((mention["start"], mention["end"]))
    for entry in grouped.values():
        entry["marked"] = highlight(entry["passage"].text, entry["spans"])
    return list(grouped.values())


def highlight(text: str, spans: list[tuple[int, int]]) -> SafeString:
    """The text escaped, with each span in <mark>; overlapping spans merged."""
    out, cursor = [], 0
    for start, end in sorted(spans):
        if start < cursor:
            continue
        out.append(escape(text[cursor:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    out.append(escape(text[cursor:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


def candidate(pk: int) -> Candidate:
    return Candidate.objects.select_related("passage", "run", "organisation").get(pk=pk)
