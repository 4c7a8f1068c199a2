"""The review queue corrects everything it proposes, through its pages."""

from __future__ import annotations

import pytest

from partnerships.ingest.models import Candidate
from partnerships.registry.models import Organisation
from partnerships.sources.models import Evidence

pytestmark = pytest.mark.django_db


def _engagement_with_two_partners(run) -> Candidate:
    for candidate in run.candidates.filter(kind="engagement").order_by("pk"):
        if len({p["identity"] for p in candidate.data["participants"]}) == 2:
            return candidate
    raise AssertionError("the test document proposes no such engagement")


def _post(client, candidate: Candidate, data: dict) -> Candidate:
    response = client.post(f"/ingest/candidates/{candidate.pk}/decide/", data)
    assert response.status_code == 302
    candidate.refresh_from_db()
    return candidate


def test_a_corrected_name_on_a_resolved_candidate_is_resolved_anew(admin_client, run):
    candidate = run.candidates.filter(
        kind="organisation", organisation__isnull=False
    ).first()
    first_guess = candidate.organisation
    decided = _post(
        admin_client,
        candidate,
        {"action": "accept", "name": "Harbour Towns Trust", "category": "foundation"},
    )
    assert decided.status == "accepted"
    assert decided.organisation != first_guess
    assert decided.organisation.name_en == "Harbour Towns Trust"
    # Readable (not INGEST-13), with the random suffix that reveals no hidden key.
    assert decided.organisation.key.rsplit("-", 1)[0] == "HARBOUR-TOWNS-TRUST"


def test_a_wrong_participant_is_left_out_and_another_replaced(admin_client, run):
    # Neither partner needs to be in the registry: one is left out, the other is
    # replaced by the organisation the reviewer knows was meant.
    candidate = _engagement_with_two_partners(run)
    first, second = dict.fromkeys(p["identity"] for p in candidate.data["participants"])
    decided = _post(
        admin_client,
        candidate,
        {"action": "accept", "remove": [first], f"replace:{second}": "UNDP"},
    )
    assert decided.status == "accepted", decided.note
    keys = set(
        decided.engagement.participations.values_list("organisation__key", flat=True)
    )
    assert keys == {"UNDP"}
    page = admin_client.get(f"/ingest/runs/{run.pk}/").content.decode()
    assert f"/staff/engagements/{decided.engagement.key}/" in page


def test_a_merge_keeps_the_quote_already_there(admin_client, run):
    candidate = run.candidates.filter(kind="organisation").order_by("pk").first()
    target = Organisation.objects.get(key="UNDP")
    Evidence.objects.create(
        passage=candidate.passage, organisation=target, quote="an earlier quote"
    )
    _post(admin_client, candidate, {"action": "merge", "merge_into": "UNDP"})
    quote = Evidence.objects.get(passage=candidate.passage, organisation=target).quote
    assert quote.startswith("an earlier quote … ")
