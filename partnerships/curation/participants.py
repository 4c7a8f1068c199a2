"""The records of apps above curation that name an organisation, moved by a merge.

Curation may not import the feature apps (docs/architecture.md), yet some of them
keep records of their own that name organisations (stakeholders: applications,
accreditations, comments, memberships, trainees). Such an app registers a
`MergeParticipant` in its `AppConfig.ready`; `organisation_merge` calls every
registered participant's `move` inside its transaction, after its own moves and
before the merged organisation is soft-deleted, so a refusal anywhere rolls the
whole merge back. A `move` writes through audited saves with the merge's reason
(each moved row's history says "merged A into B") and returns how many records
it moved, per kind; `count` says what a merge would move, and `rows` says it in
words for the merge preview of the staff pages (`merge_preview_rows`), under the
participant's `label`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise

from partnerships.core.actor import Actor
from partnerships.registry.models import Organisation

Move = Callable[[Organisation, Organisation, Actor, str], dict[str, int]]
Count = Callable[[Organisation], dict[str, int]]
Rows = Callable[[Organisation, Organisation], list[str]]


@dataclass(frozen=True)
class MergeParticipant:
    """`name` identifies the participant (registering a name again replaces it);
    `move(source, target, actor, reason)` moves the records naming `source` to
    `target`; `count(source)` counts them. Both answer per kind of record, e.g.
    {"stakeholders.accreditations": 2}. `label` names the participant's records
    for a reader (translatable, e.g. gettext_lazy); `rows(source, target)` says
    in the reader's language what a merge of the pair would move, one counted
    phrase per kind of record it holds ("1 accreditation application")."""

    name: str
    move: Move
    count: Count
    label: str | Promise
    rows: Rows


_PARTICIPANTS: dict[str, MergeParticipant] = {}


def register_merge_participant(participant: MergeParticipant) -> None:
    _PARTICIPANTS[participant.name] = participant


def merge_participants() -> list[MergeParticipant]:
    return [_PARTICIPANTS[name] for name in sorted(_PARTICIPANTS)]


def merge_counts(source: Organisation) -> dict[str, int]:
    """What the registered participants would move from `source`, per kind."""
    counts: dict[str, int] = {}
    for participant in merge_participants():
        counts.update(participant.count(source))
    return counts


def merge_preview_rows(
    source: Organisation, target: Organisation
) -> list[tuple[str, list[str]]]:
    """For a merge preview: each participant holding records of `source`, by
    its label, with the phrases counting them."""
    preview = []
    for participant in merge_participants():
        if rows := participant.rows(source, target):
            preview.append((str(participant.label), rows))
    return preview


def move_participants(
    source: Organisation, target: Organisation, actor: Actor, reason: str
) -> dict[str, int]:
    """Every participant's move; the records moved, per kind."""
    moved: dict[str, int] = {}
    for participant in merge_participants():
        moved.update(participant.move(source, target, actor, reason))
    return moved
