"""The seed, read from a registry that knows only the reference data, reviewed."""

from __future__ import annotations

import pytest

from partnerships.accounts.actors import actor_for
from partnerships.ingest.review import accept_above
from partnerships.ingest.services import ingest_text
from partnerships.registry.models import Organisation
from partnerships.sources.models import Evidence
from tests.ingest.conftest import SEED_TEXT

pytestmark = pytest.mark.django_db


def test_the_seed_becomes_candidates_and_accepted_ones_become_records(
    reference_gazetteer, editor
):
    run = ingest_text(
        text=SEED_TEXT.read_text(encoding="utf-8"),
        lang="zh",
        file_name="original.zh.txt",
        symbol="TEST/SEED/COPY",
        gazetteer=reference_gazetteer,
    )
    assert run.stats["paragraphs"] == 88
    assert run.document.passages.count() == 88
    new = run.candidates.get(
        kind="organisation", label="全球土地工具网络", passage__number=34
    )
    assert new.organisation is None  # not in the reference data: proposed as new
    known = run.candidates.filter(kind="organisation", label="开发署").first()
    assert known.organisation.key == "UNDP"

    counts = accept_above(actor=actor_for(editor), run=run, threshold=0.7)

    assert counts["organisations"] > 50
    assert counts["engagements"] > 20
    undp = Organisation.objects.get(key="UNDP")
    passages = Evidence.objects.filter(organisation=undp).values_list(
        "passage__document__symbol", flat=True
    )
    assert "TEST/SEED/COPY" in set(passages)
    # Below the threshold nothing was decided.
    assert not run.candidates.filter(confidence__lt=0.7).exclude(status="pending")
