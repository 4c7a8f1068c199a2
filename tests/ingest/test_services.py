"""Candidates become registry records only through review, with evidence."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from partnerships.accounts.actors import actor_for
from partnerships.cooperation.models import Engagement
from partnerships.core.errors import NotAllowed
from partnerships.ingest.models import Candidate, CandidateStatus
from partnerships.ingest.review import (
    accept_above,
    candidate_accept,
    candidate_merge,
    candidate_reject,
)
from partnerships.ingest.services import IngestRefused, ingest_text
from partnerships.registry.models import Organisation
from partnerships.sources.models import Evidence, Passage

pytestmark = pytest.mark.django_db


def _org(run, name):
    return run.candidates.filter(kind="organisation", label=name).first()


def test_ingesting_stores_the_document_passages_and_pending_candidates(run):
    assert run.document.symbol == "TEST/ACT/2/4"
    assert Passage.objects.filter(document=run.document).count() == 28
    assert run.stats["paragraphs"] == 28
    assert run.candidates.exclude(status=CandidateStatus.PENDING).count() == 0
    assert not Organisation.objects.filter(name_en="Blue Towns Foundation").exists()


def test_accepting_a_new_organisation_creates_it_with_evidence(run, foundations):
    editor = foundations
    candidate = _org(run, "Blue Towns Foundation")
    candidate_accept(actor=actor_for(editor), candidate=candidate)
    org = Organisation.objects.get(name_en="Blue Towns Foundation")
    assert org.category == "foundation"
    assert org.history.first().history_user == editor
    assert Evidence.objects.filter(organisation=org, passage=candidate.passage).exists()
    candidate.refresh_from_db()
    assert (candidate.status, candidate.organisation) == ("accepted", org)


def test_accepting_an_engagement_needs_its_partners_in_the_registry(run, editor):
    actor = actor_for(editor)
    engagement = run.candidates.filter(kind="engagement", passage__number=24).first()
    with pytest.raises(ValidationError, match="accept or merge it first"):
        candidate_accept(actor=actor, candidate=engagement)
    # The editor is in charge of NGOs (a foundation would be refused).
    ngo = {"category": "ngo"}
    candidate_accept(
        actor=actor, candidate=_org(run, "Blue Towns Foundation"), changes=ngo
    )
    candidate_accept(actor=actor, candidate=engagement, changes={"title": "Training"})
    made = Engagement.objects.get(title_en="Training")
    assert made.participations.get().organisation.name_en == "Blue Towns Foundation"
    assert Evidence.objects.get(engagement=made).quote.startswith("The Blue Towns")


def test_merging_adds_the_name_as_an_alias_of_the_existing_organisation(run, editor):
    candidate = _org(run, "Nordic Coastal Fund")
    target = Organisation.objects.get(key="UNDP")
    candidate_merge(actor=actor_for(editor), candidate=candidate, organisation=target)
    assert target.other_names.filter(value="Nordic Coastal Fund").exists()
    candidate.refresh_from_db()
    assert candidate.status == "merged"


def test_a_rejected_candidate_cannot_be_decided_again(run, editor):
    candidate = _org(run, "Nordic Coastal Fund")
    candidate_reject(actor=actor_for(editor), candidate=candidate, note="not real")
    with pytest.raises(ValidationError, match="already been decided: rejected"):
        candidate_accept(actor=actor_for(editor), candidate=candidate)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fr", "déjà fait l’objet d’une décision : rejeté"),
        ("zh-hans", "此候选项已有决定"),
    ],
)
def test_the_refusal_is_in_the_readers_language(run, editor, lang, said):
    candidate = _org(run, "Nordic Coastal Fund")
    candidate_reject(actor=actor_for(editor), candidate=candidate, note="not real")
    with translation.override(lang), pytest.raises(ValidationError) as refused:
        candidate_accept(actor=actor_for(editor), candidate=candidate)
    assert said in refused.value.messages[0]


def test_a_user_without_an_editing_role_cannot_accept(run, reader):
    with pytest.raises(NotAllowed):
        candidate_accept(
            actor=actor_for(reader), candidate=_org(run, "Nordic Coastal Fund")
        )
    assert not Organisation.objects.filter(name_en="Nordic Coastal Fund").exists()


def test_accept_above_accepts_organisations_then_engagements(run, editor):
    counts = accept_above(actor=actor_for(editor), run=run, threshold=0.5)
    assert counts["organisations"] > 0 and counts["engagements"] > 0
    pending = run.candidates.filter(status="pending", confidence__gte=0.5)
    assert pending.count() == counts["skipped"]
    accepted = Candidate.objects.filter(run=run, status="accepted")
    assert {c.decided_by for c in accepted} == {editor}


def test_a_text_without_paragraphs_is_refused_and_nothing_is_written(
    reference_gazetteer,
):
    before = Passage.objects.count()
    with pytest.raises(IngestRefused, match="No paragraph of text"):
        ingest_text(
            text="A letter.",
            lang="en",
            file_name="x.txt",
            gazetteer=reference_gazetteer,
        )
    assert Passage.objects.count() == before


def test_a_new_organisation_named_in_two_paragraphs_is_created_once(run, editor):
    actor = actor_for(editor)
    for candidate in run.candidates.filter(label="Blue Towns Foundation"):
        # In the editor's charge (NGOs): a foundation would be refused.
        candidate_accept(actor=actor, candidate=candidate, changes={"category": "ngo"})
    org = Organisation.objects.get(name_en="Blue Towns Foundation")
    numbers = Evidence.objects.filter(organisation=org).values_list(
        "passage__number", flat=True
    )
    assert sorted(numbers) == [20, 24]


def test_a_text_without_a_symbol_is_named_after_its_file(db):
    from partnerships.ingest.services import ingest_text

    run = ingest_text(
        text="UN-Habitat and UNDP signed a memorandum of understanding in 2018.\n",
        lang="en",
        file_name="press release (2018).txt",
    )
    assert run.document.symbol == "FILE:press-release-2018"
