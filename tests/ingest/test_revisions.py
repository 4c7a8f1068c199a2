"""An upload never changes a published document: reading a known symbol again
makes a new revision that waits for review, and a person's new document waits
too (docs/security.md). Written as the attacks: an upload over the seed's
symbol, an editor's document made public without review, an editor publishing
over someone else's document."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from partnerships.accounts.actors import actor_for
from partnerships.accounts.models import Profile, Role
from partnerships.ingest.services import ingest_text
from partnerships.sources.models import Passage, SourceDocument

pytestmark = pytest.mark.django_db

SYMBOL = "TEST/REVISION/1"
FIRST = f"""{SYMBOL}
I. Introduction
1. The Harbour Council worked with the towns of the coast.
2. The council trained forty planners in 2019.
"""
SECOND = FIRST.replace("forty planners", "four hundred planners")


@pytest.fixture
def people(django_user_model):
    made = {}
    for name, role in (
        ("admin", Role.ADMINISTRATOR),
        ("ed", Role.EDITOR),
        ("other", Role.EDITOR),
    ):
        user = django_user_model.objects.create_user(username=name, password="x" * 16)
        Profile.objects.create(user=user, role=role, categories=["ngo"])
        made[name] = user
    return made


def _read(text: str, user=None):
    """Read a text as the upload's task does (a person's actor), or as the
    command line's reader without a user."""
    extra = {"actor": actor_for(user)} if user is not None else {}
    return ingest_text(text=text, lang="en", file_name="r.txt", **extra)


def _shown_paragraph(number: int) -> str:
    """Paragraph `number` of the document as an anonymous reader finds it under
    its symbol: the portal's page and the API's document."""
    page = APIClient().get(f"/documents/{SYMBOL}/")
    assert page.status_code == 200
    api = APIClient().get("/api/documents/", {"symbol": SYMBOL}).json()
    assert [d["symbol"] for d in api["results"]] == [SYMBOL]
    document = SourceDocument.objects.get(pk=api["results"][0]["id"])
    text = document.passages.get(number=number).text
    assert text in page.content.decode()
    return text


def test_an_upload_over_a_published_symbol_leaves_it_as_it_was(client, people):
    published = _read(FIRST).document
    assert published.is_published and published.revision == 1
    before = {p.number: p.text for p in published.passages.all()}

    run = _read(SECOND, people["admin"])

    published.refresh_from_db()
    assert {p.number: p.text for p in published.passages.all()} == before
    assert published.is_published and published.is_current
    draft = run.document
    assert draft.pk != published.pk
    assert (draft.revision, draft.replaces_id) == (2, published.pk)
    assert not draft.is_published and not draft.is_current
    assert draft.passages.get(number=2).text.endswith("four hundred planners in 2019.")
    assert _shown_paragraph(2).endswith("forty planners in 2019.")
    assert SourceDocument.history.filter(symbol=SYMBOL, revision=2).get().history_user


def test_the_new_revision_is_shown_once_published_and_the_old_one_kept(client, people):
    published = _read(FIRST).document
    run = _read(SECOND, people["admin"])
    client.force_login(people["admin"])
    page = client.get(f"/ingest/runs/{run.pk}/").content.decode()
    assert f"publish {SYMBOL} (revision 2)" in page

    client.post(f"/ingest/runs/{run.pk}/publish/", {"reason": "checked"})

    assert _shown_paragraph(2).endswith("four hundred planners in 2019.")
    published.refresh_from_db()
    assert published.is_published and not published.is_current
    assert Passage.objects.get(document=published, number=2).text.endswith(
        "forty planners in 2019."
    )
    record = run.document.history.first()
    assert (record.history_user, record.history_change_reason) == (
        people["admin"],
        "checked",
    )


def test_reading_the_same_text_again_makes_no_revision(people):
    published = _read(FIRST).document
    again = _read(FIRST, people["ed"])
    assert again.document == published
    draft = _read(SECOND, people["admin"]).document
    assert _read(SECOND, people["admin"]).document == draft  # waiting for review
    assert SourceDocument.objects.filter(symbol=SYMBOL).count() == 2


def test_an_editors_new_document_is_not_public_until_published(client, people):
    run = _read(FIRST, people["ed"])
    assert not run.document.is_published
    anonymous = APIClient()
    assert anonymous.get(f"/documents/{SYMBOL}/").status_code == 404
    listed = anonymous.get("/api/documents/", {"symbol": SYMBOL}).json()
    assert listed["results"] == []
    passages = anonymous.get("/api/passages/", {"document": SYMBOL}).json()
    assert passages["results"] == []

    client.force_login(people["ed"])
    client.post(f"/ingest/runs/{run.pk}/publish/")

    assert _shown_paragraph(1).startswith("The Harbour Council")


def test_an_editor_cannot_publish_over_a_document_someone_else_added(client, people):
    _read(FIRST, people["other"])
    first = SourceDocument.objects.get(symbol=SYMBOL)
    client.force_login(people["other"])
    client.post(f"/ingest/runs/{first.ingest_runs.get().pk}/publish/")
    run = _read(SECOND, people["ed"])
    client.force_login(people["ed"])
    page = client.get(f"/ingest/runs/{run.pk}/").content.decode()
    assert "publish TEST" not in page

    response = client.post(f"/ingest/runs/{run.pk}/publish/", follow=True)

    assert "You may not publish" in response.content.decode()
    run.document.refresh_from_db()
    assert not run.document.is_published and not run.document.is_current
    assert _shown_paragraph(2).endswith("forty planners in 2019.")
