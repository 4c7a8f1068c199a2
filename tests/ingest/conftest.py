"""Fixtures for reading reports: the seed text, gazetteers, a cast of reviewers."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from partnerships.accounts.models import Profile, Role
from partnerships.ingest.gazetteer import Gazetteer, build_gazetteer
from partnerships.ingest.pipeline import extract
from partnerships.sources.paragraphs import split_report

SEED_DIR = Path(settings.BASE_DIR) / "data" / "sources" / "HSP-HA-1-2-Add.2"
SEED_TEXT = SEED_DIR / "original.zh.txt"
ENGLISH_DIR = Path(settings.BASE_DIR) / "data" / "ingest" / "eval-en"
ENGLISH_TEXT = ENGLISH_DIR / "report.en.txt"
CORPUS = Path(settings.BASE_DIR) / "data" / "ingest" / "corpus"


@pytest.fixture(scope="session")
def reference_gazetteer() -> Gazetteer:
    """Reference data only: what the evaluation uses, blind to the registry."""
    return build_gazetteer(registry=False)


@pytest.fixture
def editor(db, django_user_model):
    user = django_user_model.objects.create_user(username="ed", password="x" * 16)
    Profile.objects.create(user=user, role=Role.EDITOR, categories=["ngo"])
    return user


@pytest.fixture
def foundations(editor):
    """The editor, also in charge of foundations: a reviewer creates new
    organisations only in its charge (the test report's are foundations)."""
    editor.profile.categories = ["ngo", "foundation"]
    editor.profile.save()
    return editor


@pytest.fixture
def reader(db, django_user_model):
    return django_user_model.objects.create_user(username="rd", password="x" * 16)


@pytest.fixture
def run(db, reference_gazetteer):
    """The English test document, read into pending candidates."""
    from partnerships.ingest.services import ingest_text

    return ingest_text(
        text=ENGLISH_TEXT.read_text(encoding="utf-8"),
        lang="en",
        file_name="report.en.txt",
        gazetteer=reference_gazetteer,
    )


@pytest.fixture
def upload_post(client, settings, tmp_path, django_capture_on_commit_callbacks):
    """Post to the upload page, running the reading task it leaves for after its
    commit (the immediate backend runs it there and then); uploads are kept in
    a storage under tmp_path."""
    settings.MEDIA_ROOT = tmp_path / "media"

    def send(data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/ingest/upload/", data)

    return send


def engagements_of(gazetteer, text, lang="en"):
    """(kind, sorted partner names) of each engagement read from `text`, sorted."""
    results = extract(split_report(text, lang), gazetteer, lang)
    return sorted(
        (e.kind, tuple(sorted(p.resolution.name for p, _ in e.participants)))
        for r in results
        for e in r.engagements
    )
