"""`partnerships ingest` and `partnerships ingest evaluate`."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from partnerships.ingest.models import Candidate, IngestRun
from tests.ingest.conftest import ENGLISH_DIR, ENGLISH_TEXT

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("ingest", *args, stdout=out)
    return out.getvalue()


def test_it_ingests_a_file_into_pending_candidates():
    output = _run(str(ENGLISH_TEXT), "--lang", "en")
    assert "TEST/ACT/2/4: 28 paragraphs" in output
    assert not Candidate.objects.exclude(status="pending").exists()


def test_accept_above_records_who_ran_it(editor):
    output = _run(
        str(ENGLISH_TEXT), "--lang", "en", "--accept-above", "0.7", "--as", "ed"
    )
    assert "Accepted at or above 0.7" in output
    run = IngestRun.objects.get()
    assert run.run_by == editor
    accepted = run.candidates.filter(status="accepted")
    assert accepted.exists()
    assert {c.decided_by for c in accepted} == {editor}
    assert not run.candidates.filter(status="accepted", confidence__lt=0.7).exists()


def test_accept_above_refuses_a_user_without_an_editing_role(reader):
    with pytest.raises(CommandError, match="editor or administrator"):
        _run(str(ENGLISH_TEXT), "--lang", "en", "--accept-above", "0.7", "--as", "rd")
    assert not IngestRun.objects.exists()


def test_it_names_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="cannot be read"):
        _run(str(tmp_path / "missing.txt"), "--lang", "en")


def test_evaluate_prints_scores_for_the_english_test_document():
    output = _run(
        "evaluate", str(ENGLISH_TEXT), "--gold", str(ENGLISH_DIR), "--lang", "en"
    )
    assert "organisations: precision" in output
    assert "engagements: precision" in output
