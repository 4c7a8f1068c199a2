"""The interface in the six UN languages; content with a marked fallback."""

from __future__ import annotations

import pytest

from partnerships.registry.models import Organisation

pytestmark = pytest.mark.django_db


def _in(client, lang: str):
    return client.post("/i18n/setlang/", {"language": lang, "next": "/"})


def test_switching_to_arabic_turns_the_page_right_to_left(client):
    assert _in(client, "ar").status_code == 302
    page = client.get("/organisations/").content.decode()
    assert 'dir="rtl"' in page
    assert 'lang="ar"' in page
    assert "المنظمات" in page


@pytest.mark.parametrize(
    ("lang", "word"),
    [
        ("zh-hans", "组织"),
        ("fr", "Organisations"),
        ("ru", "Организации"),
        ("es", "Organizaciones"),
    ],
)
def test_each_un_language_has_its_interface(client, lang, word):
    _in(client, lang)
    page = client.get("/").content.decode()
    assert 'dir="ltr"' in page
    assert word in page


def test_content_comes_in_the_chosen_language(client):
    _in(client, "zh-hans")
    page = client.get("/organisations/UNDP/").content.decode()
    undp = Organisation.objects.get(key="UNDP")
    assert f'<h1><span lang="zh-Hans">{undp.name_zh}</span></h1>' in page


def test_a_missing_translation_falls_back_visibly(client):
    Organisation.objects.filter(key="UNDP").update(name_ru="")
    _in(client, "ru")
    page = client.get("/organisations/UNDP/").content.decode()
    assert 'class="fallback"' in page
    assert '<sup class="fallback-mark"' in page


def test_codelist_labels_come_in_the_chosen_language(client):
    _in(client, "fr")
    page = client.get("/organisations/", {"category": "fund_programme"})
    assert "fonds ou programme des Nations Unies" in page.content.decode()
