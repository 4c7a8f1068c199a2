"""Decisions on candidates: accept, merge, reject; and accepting in bulk.

Registry records are written through the services of the registry, cooperation and
sources apps, every one with the reviewer as history user and `Evidence` in the
passage the candidate came from. This module writes only the ingest app's own
candidates.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from anyascii import anyascii
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerships.cooperation.models import Engagement
from partnerships.cooperation.services import (
    ContributionSpec,
    contribution_ensure,
    engagement_create,
    participation_ensure,
)
from partnerships.core.actor import Actor, can_create
from partnerships.core.errors import NotAllowed
from partnerships.ingest.models import (
    Candidate,
    CandidateKind,
    CandidateStatus,
    IngestRun,
)
from partnerships.registry.keys import suffixed_key
from partnerships.registry.models import NameKind, Organisation
from partnerships.registry.services import organisation_create, organisation_name_add
from partnerships.registry.visibility import organisations_visible_to
from partnerships.sources.models import Evidence
from partnerships.sources.services import evidence_ensure

DECIDED = (CandidateStatus.ACCEPTED, CandidateStatus.MERGED)


def _check(actor: Actor, candidate: Candidate) -> None:
    if not can_create(actor):
        raise NotAllowed(_("Only editors and administrators review candidates."))
    if candidate.status != CandidateStatus.PENDING:
        raise ValidationError(
            _("This candidate has already been decided: %(status)s.")
            % {"status": candidate.get_status_display()}
        )


def _decide(candidate: Candidate, actor: Actor, status: str, note: str = "") -> None:
    candidate.status = status
    candidate.decided_by_id = actor.user_id
    candidate.decided_at = timezone.now()
    candidate.note = note[:300]
    candidate.save()


def candidate_accept(
    *, actor: Actor, candidate: Candidate, changes: dict[str, Any] | None = None
) -> Candidate:
    """Accept, with the reviewer's edits in `changes` (name, category; kind,
    title): an organisation becomes a registry record, or a mention of the one it
    was resolved to; an engagement becomes an engagement with its participations."""
    _check(actor, candidate)
    with transaction.atomic():
        if candidate.kind == CandidateKind.ORGANISATION:
            _accept_organisation(actor, candidate, changes or {})
        else:
            _accept_engagement(actor, candidate, changes or {})
        _decide(candidate, actor, CandidateStatus.ACCEPTED)
    return candidate


def _same_organisation(
    actor: Actor, candidate: Candidate, name: str, *, siblings: bool = True
) -> Organisation | None:
    """One already in the registry that the reviewer may see: accepted from
    another paragraph of the same reading (unless the reviewer renamed it), or
    holding this very name. One the reviewer may not see is as if it did not
    exist: a new organisation is made (a duplicate an administrator may merge)."""
    visible = organisations_visible_to(actor)
    sibling = Candidate.objects.filter(
        run=candidate.run,
        kind=CandidateKind.ORGANISATION,
        data__identity=candidate.data["identity"],
        status__in=DECIDED,
        organisation__in=visible,
    ).first()
    if siblings and sibling is not None:
        return sibling.organisation
    lang = candidate.data["lang"]
    return visible.filter(
        Q(**{f"name_{lang}": name}) | Q(other_names__value=name)
    ).first()


def seen_organisation(actor: Actor, candidate: Candidate) -> Organisation | None:
    """The organisation the candidate was resolved to, if the reviewer may see it."""
    org = candidate.organisation
    if org is None or not organisations_visible_to(actor).filter(pk=org.pk).exists():
        return None
    return org


def _new_key(candidate: Candidate, name: str) -> str:
    """A key people can read: the acronym the report gives, else the name in
    Latin letters (Chinese in pinyin, Arabic and Cyrillic transliterated), with
    a random suffix that does not depend on which keys are taken, so that it
    reveals no organisation the reviewer may not see (`registry/keys.py`)."""
    acronyms = [s for s in candidate.data.get("short_names", []) if s.isascii()]
    base = _slug(acronyms[0] if acronyms else name) or "ORGANISATION"
    return suffixed_key(base)


def _slug(text: str) -> str:
    # Each Chinese character is a syllable of its own; other scripts run on.
    latin = "".join(
        f" {anyascii(char)} " if "\u3400" <= char <= "\u9fff" else anyascii(char)
        for char in text
    )
    return re.sub(r"[^A-Za-z0-9]+", "-", latin).strip("-").upper()[:60].strip("-")


def _create_organisation(
    actor: Actor, candidate: Candidate, name: str, category: str
) -> Organisation:
    lang = candidate.data["lang"]
    changes: dict[str, Any] = {f"name_{lang}": name, "category": category}
    # An office keeps its parent, if the reviewer may see it (an unseen one is as if
    # it did not exist).
    parent_key = candidate.data.get("parent") or ""
    parent = organisations_visible_to(actor).filter(key=parent_key).first()
    if parent_key and parent is not None:
        changes["parent"] = parent
    org = organisation_create(
        actor=actor,
        key=_new_key(candidate, name),
        changes=changes,
        # Outside the reviewer's charge it is refused (docs/security.md): the
        # candidate waits for a reviewer in charge or an administrator.
        reason=f"accepted from {candidate.passage}",
    )
    for short in candidate.data.get("short_names", []):
        organisation_name_add(
            actor=actor,
            organisation=org,
            kind=NameKind.ACRONYM if short.isascii() else NameKind.SHORT,
            lang="en" if short.isascii() else lang,
            value=short,
            reason="short form given in the report",
        )
    return org


def _accept_organisation(
    actor: Actor, candidate: Candidate, changes: dict[str, Any]
) -> None:
    data = candidate.data
    name = str(changes.get("name") or data["name"]).strip()
    # A reviewer who corrects the name of a resolved candidate says it is another
    # organisation: the corrected name is resolved (or created) instead.
    renamed = name != data["name"] and bool(changes.get("name"))
    candidate.organisation = seen_organisation(actor, candidate)
    if candidate.organisation is None or renamed:
        if not name:
            raise ValidationError({"name": _("A new organisation needs a name.")})
        candidate.organisation = _same_organisation(
            actor, candidate, name, siblings=not renamed
        ) or _create_organisation(
            actor, candidate, name, changes.get("category") or data["category"]
        )
    quote = data["mentions"][0]["text"] if data.get("mentions") else ""
    evidence_ensure(
        actor=actor,
        passage=candidate.passage,
        organisation=candidate.organisation,
        quote=_both_quotes(candidate, quote),
        reason="ingest review",
    )


def _both_quotes(candidate: Candidate, quote: str) -> str:
    """The quote of this mention beside one the same passage already gives for
    the organisation (another name merged into it), never instead of it."""
    earlier = (
        Evidence.objects.filter(
            passage=candidate.passage, organisation=candidate.organisation
        )
        .values_list("quote", flat=True)
        .first()
    )
    if not earlier or quote in earlier.split(" … "):
        return earlier or quote
    return f"{earlier} … {quote}" if quote else earlier


def _participant_org(actor: Actor, candidate: Candidate, identity: str) -> Organisation:
    """The registry organisation of a partner: its candidate in this paragraph if
    resolved or decided, else the same organisation accepted or merged in another
    paragraph of the same reading (only one the reviewer may see)."""
    siblings = Candidate.objects.filter(
        run=candidate.run,
        kind=CandidateKind.ORGANISATION,
        data__identity=identity,
        organisation__in=organisations_visible_to(actor),
    ).exclude(status=CandidateStatus.REJECTED)
    found = (
        siblings.filter(passage=candidate.passage).first()
        or siblings.filter(status__in=DECIDED).first()
    )
    if found is None:
        raise ValidationError(
            _(
                "The organisation %(identity)s of this engagement is not in the "
                "registry yet: accept or merge it first."
            )
            % {"identity": identity}
        )
    return found.organisation


def _accept_engagement(
    actor: Actor, candidate: Candidate, changes: dict[str, Any]
) -> None:
    data = candidate.data
    partners = _partners(actor, candidate, changes)
    fields: dict[str, Any] = {
        "kind": changes.get("kind") or data["kind"],
        f"title_{candidate.run.language}": (changes.get("title") or data["title"])[
            :500
        ],
    }
    if data.get("dates"):
        fields["start"] = data["dates"][0]
    engagement = engagement_create(
        actor=actor,
        key=f"ingest-{candidate.run_id}-{candidate.pk}",
        changes=fields,
        reason=f"accepted from {candidate.passage}",
    )
    _participations(actor, engagement, partners, data.get("money", []))
    evidence_ensure(
        actor=actor,
        passage=candidate.passage,
        engagement=engagement,
        quote=data["quote"],
        reason="ingest review",
    )
    candidate.engagement = engagement


def _partners(
    actor: Actor, candidate: Candidate, changes: dict[str, Any]
) -> list[tuple[Organisation, str]]:
    """The engagement's partners as the reviewer corrected them: `remove` lists
    identities to leave out, `replace` maps an identity to the key of the
    organisation really meant."""
    removed = set(changes.get("remove", ()))
    replaced = changes.get("replace", {})
    partners = []
    for p in candidate.data["participants"]:
        if p["identity"] in removed:
            continue
        if key := replaced.get(p["identity"]):
            org = organisations_visible_to(actor).filter(key=key).first()
            if org is None:
                raise ValidationError(
                    _("No organisation has the key %(key)s.") % {"key": key}
                )
        else:
            org = _participant_org(actor, candidate, p["identity"])
        partners.append((org, p["role"]))
    return partners


def _participations(
    actor: Actor,
    engagement: Engagement,
    partners: list[tuple[Organisation, str]],
    money: list[dict[str, str]],
) -> None:
    """One participation per partner and role; a funder gets the sentence's
    amounts as contributions."""
    for org, role in dict.fromkeys(partners):
        participation, _ = participation_ensure(
            actor=actor,
            engagement=engagement,
            organisation=org,
            role=role,
            reason="told in the report",
        )
        for amount in money if role == "funder" else []:
            contribution_ensure(
                actor=actor,
                participation=participation,
                spec=ContributionSpec(
                    amount=Decimal(str(amount["amount"])), currency=amount["currency"]
                ),
                reason="amount given in the report",
            )


def candidate_merge(
    *, actor: Actor, candidate: Candidate, organisation: Organisation
) -> Candidate:
    """The proposed organisation is an existing one under another name, which it
    keeps as an alias."""
    _check(actor, candidate)
    if candidate.kind != CandidateKind.ORGANISATION:
        raise ValidationError(_("Only organisation candidates can be merged."))
    name, lang = candidate.data["name"], candidate.data["lang"]
    with transaction.atomic():
        candidate.organisation = organisation
        known = {organisation.name_zh, organisation.name_en}
        if name not in known and not organisation.other_names.filter(value=name):
            organisation_name_add(
                actor=actor,
                organisation=organisation,
                kind=NameKind.ALIAS,
                lang=lang,
                value=name,
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
    (engagements need their partners in the registry), in one transaction. An
    engagement whose partners are not all in the registry, and a new
    organisation outside the reviewer's charge, stay pending."""
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
                except (ValidationError, NotAllowed):
                    # NotAllowed: a new organisation outside the reviewer's
                    # charge; it waits for a reviewer in charge.
                    counts["skipped"] += 1
    return counts
