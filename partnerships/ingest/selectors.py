"""Reads for the review pages."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from partnerships.core.actor import Actor
from partnerships.ingest.gazetteer import normalise
from partnerships.ingest.models import Candidate, CandidateStatus, IngestRun
from partnerships.registry.visibility import organisations_visible_to


def runs() -> QuerySet[IngestRun]:
    return IngestRun.objects.select_related("document", "run_by").annotate(
        pending=Count(
            "candidates", filter=Q(candidates__status=CandidateStatus.PENDING)
        )
    )


def run_paragraphs(run: IngestRun, actor: Actor) -> list[dict]:
    """Per paragraph: the passage with mentions marked, and its candidates as
    the reader may see them (`masked`)."""
    candidates = list(
        run.candidates.select_related("passage", "organisation").order_by(
            "passage__number", "kind", "-confidence", "id"
        )
    )
    masks = Masks(actor, candidates)
    grouped: dict[int, dict] = {}
    for candidate in candidates:
        masks.apply(candidate)
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


class Masks:
    """What the review queue shows of organisations the reader may not see: as
    if they did not exist. A candidate resolved to one is shown unresolved, and
    its name (the registry's, which the report may not give: an acronym resolved
    to a full name) is replaced wherever it appears by the words of the report
    itself. Only the candidates in memory are changed, never saved."""

    def __init__(self, actor: Actor, candidates: list[Candidate]) -> None:
        ids = {c.organisation_id for c in candidates if c.organisation_id}
        # The key each mention was resolved to when the report was read.
        keys = {c.data["key"] for c in candidates if c.data.get("key")}
        seen = organisations_visible_to(actor).filter(Q(pk__in=ids) | Q(key__in=keys))
        seen_ids, seen_keys = set(), set()
        for pk, key in seen.values_list("pk", "key"):
            seen_ids.add(pk)
            seen_keys.add(key)
        self.hidden = ids - seen_ids
        self.names: dict[str, str] = {}
        # A hidden key, as identity of a partner, shows as a new one's would.
        self.identities: dict[str, str] = {}
        for c in candidates:
            if c.data.get("key") and c.data["key"] not in seen_keys:
                mentions = c.data.get("mentions") or [{"text": "an organisation"}]
                words = mentions[0]["text"]
                self.names[c.data["name"]] = words
                self.identities[c.data["key"]] = f"new:{normalise(words)}"

    def identity(self, value: str) -> str:
        return self.identities.get(value, value)

    def real_identity(self, shown: str) -> str:
        """The identity a decision names, back from what the page showed."""
        for real, masked in self.identities.items():
            if masked == shown:
                return real
        return shown

    def text(self, value: str) -> str:
        for name, words in self.names.items():
            value = value.replace(name, words)
        return value

    def apply(self, candidate: Candidate) -> Candidate:
        if candidate.organisation_id in self.hidden:
            candidate.organisation = None
        if not self.identities:
            return candidate
        candidate.label = self.text(candidate.label)
        data = dict(candidate.data)
        for field in ("name", "title", "quote"):
            if isinstance(data.get(field), str):
                data[field] = self.text(data[field])
        if data.get("key") in self.identities:
            data["key"] = ""
        if "identity" in data:
            data["identity"] = self.identity(data["identity"])
        data["participants"] = [
            {
                **p,
                "name": self.text(p.get("name", "")),
                "identity": self.identity(p.get("identity", "")),
            }
            for p in data.get("participants", [])
        ]
        candidate.data = data
        return candidate


def masks_of(candidate: Candidate, actor: Actor) -> Masks:
    """The masks of the reading the candidate belongs to, for `actor`."""
    return Masks(actor, list(candidate.run.candidates.all()))


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
