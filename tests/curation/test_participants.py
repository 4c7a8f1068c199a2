"""Apps above curation move their own records in a merge through registered
participants, inside the merge's transaction."""

from __future__ import annotations

import pytest

from partnerships.cooperation.models import Participation
from partnerships.curation import participants
from partnerships.curation.merge import organisation_merge
from partnerships.curation.participants import (
    MergeParticipant,
    merge_counts,
    merge_preview_rows,
)
from partnerships.registry.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(monkeypatch):
    """An empty registry of participants for the test, restored afterwards."""
    monkeypatch.setattr(participants, "_PARTICIPANTS", {})
    return participants._PARTICIPANTS


def test_a_participant_is_called_with_the_merge_and_counted(registry):
    source = factories.organisation(en="Duplicate")
    target = factories.organisation(en="Original")
    calls = []

    def move(src, dst, actor, reason):
        calls.append((src.pk, dst.pk, reason))
        return {"test.things": 3}

    participants.register_merge_participant(
        MergeParticipant(
            name="test",
            move=move,
            count=lambda org: {"test.things": 3},
            label="Tests",
            rows=lambda src, dst: [f"3 things of {src.key} to {dst.key}"],
        )
    )
    participants.register_merge_participant(
        MergeParticipant(
            name="empty",
            move=lambda *args: {},
            count=lambda org: {},
            label="Nothing",
            rows=lambda src, dst: [],
        )
    )
    assert merge_counts(source) == {"test.things": 3}
    # A participant with nothing to move has no row in the preview.
    assert merge_preview_rows(source, target) == [
        ("Tests", [f"3 things of {source.key} to {target.key}"])
    ]
    organisation_merge(
        actor=factories.TESTER, source=source, target=target, expected_version=1
    )
    assert calls == [(source.pk, target.pk, f"merged {source.key} into {target.key}")]


def test_a_participant_that_fails_undoes_the_whole_merge(registry):
    source = factories.organisation(en="Duplicate")
    target = factories.organisation(en="Original")
    factories.engagement(participants=((source, "partner"),))

    def move(src, dst, actor, reason):
        raise ValueError("cannot move")

    participants.register_merge_participant(
        MergeParticipant(
            name="test",
            move=move,
            count=lambda org: {},
            label="Tests",
            rows=lambda src, dst: [],
        )
    )
    with pytest.raises(ValueError, match="cannot move"):
        organisation_merge(
            actor=factories.TESTER, source=source, target=target, expected_version=1
        )
    assert Organisation.objects.get(pk=source.pk).deleted_at is None
    assert Participation.objects.filter(organisation=source).count() == 1


def test_the_stakeholders_app_registers_itself():
    assert "stakeholders" in participants._PARTICIPANTS
