"""An evidence quote on an engagement page shows the same paragraph in the
reader's language when the document has a version in it: the same symbol and
paragraph number (docs/portal.md)."""

from __future__ import annotations

import pytest

from partnerships.cooperation.models import Engagement
from partnerships.core.actor import system_actor
from partnerships.sources.models import Passage, SourceDocument
from partnerships.sources.services import (
    document_revision_create,
    evidence_add,
    passage_upsert,
)

pytestmark = pytest.mark.django_db

LOADER = system_actor("tests")
SYMBOL = "TEST/LANGUAGES/1"
ENGLISH = "The Programme worked with the city of Nairobi on housing finance."
CHINESE = "规划署与内罗毕市在住房融资方面开展了合作。"


def _version(lang: str, text: str) -> SourceDocument:
    document = document_revision_create(
        actor=LOADER,
        symbol=SYMBOL,
        values={"language": lang, "original_language": "en", f"title_{lang}": SYMBOL},
    )
    passage_upsert(actor=LOADER, document=document, number=7, values={"text": text})
    return document


@pytest.fixture
def cited():
    """An engagement citing ¶7 of the English version; a Chinese version of the
    same symbol with its own ¶7."""
    _version("en", ENGLISH)
    engagement = Engagement.objects.filter(is_published=True).order_by("pk").first()
    evidence_add(
        actor=LOADER,
        engagement=engagement,
        expected_version=engagement.version,
        symbol=SYMBOL,
        number=7,
    )
    return engagement


def _page(client, engagement: Engagement, lang: str) -> str:
    client.post("/i18n/setlang/", {"language": lang, "next": "/"})
    return client.get(f"/engagements/{engagement.key}/").content.decode()


def test_a_chinese_reader_sees_the_chinese_paragraph_beside_the_quote(client, cited):
    assert CHINESE not in _page(client, cited, "zh-hans")
    _version("zh", CHINESE)
    # Both versions are current, each in its language, under one symbol.
    versions = SourceDocument.objects.filter(symbol=SYMBOL, is_current=True)
    assert sorted(versions.values_list("language", flat=True)) == ["en", "zh"]
    page = _page(client, cited, "zh-hans")
    assert ENGLISH in page
    assert (
        f'<blockquote class="translation" lang="zh-Hans">{CHINESE}</blockquote>' in page
    )
    assert "同一段落的中文本" in page
    assert "?lang=zh#p7" in page


def test_an_english_reader_sees_only_the_quote(client, cited):
    _version("zh", CHINESE)
    page = _page(client, cited, "en")
    assert ENGLISH in page
    assert CHINESE not in page


def test_a_version_the_reader_may_not_see_is_not_shown(client, cited):
    zh = _version("zh", CHINESE)
    SourceDocument.objects.filter(pk=zh.pk).update(is_published=False)
    assert CHINESE not in _page(client, cited, "zh-hans")


def test_the_document_page_opens_the_asked_language_and_else_the_original(
    client, cited
):
    _version("zh", CHINESE)
    assert Passage.objects.filter(document__symbol=SYMBOL).count() == 2
    assert CHINESE in client.get(f"/documents/{SYMBOL}/?lang=zh").content.decode()
    page = client.get(f"/documents/{SYMBOL}/").content.decode()
    assert ENGLISH in page
    assert CHINESE not in page
