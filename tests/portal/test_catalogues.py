"""No entry of the six catalogues is left empty, and the error pages speak the
reader's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.template.loader import render_to_string
from django.utils import translation

LOCALE = Path(__file__).parents[2] / "partnerships" / "portal" / "locale"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))


def test_there_are_six_catalogues():
    assert len(CATALOGUES) == 6


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parts[-3])
def test_no_entry_is_left_empty(path):
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    empty = []
    for message in catalogue:
        if not message.id:
            continue
        forms = (
            message.string if isinstance(message.string, tuple) else (message.string,)
        )
        if not all(forms) or (
            isinstance(message.id, tuple) and len(forms) != catalogue.num_plurals
        ):
            empty.append(message.id)
    assert empty == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "words"),
    [("zh-hans", "找不到"), ("ar", "غير موجودة"), ("fr", "introuvable")],
)
def test_the_not_found_page_speaks_the_readers_language(client, settings, lang, words):
    settings.DEBUG = False
    client.cookies["django_language"] = lang
    response = client.get("/organisations/NO-SUCH-KEY/")
    assert response.status_code == 404
    assert words in response.content.decode()


@pytest.mark.parametrize(("lang", "words"), [("zh-hans", "出错"), ("ar", "خطأ")])
def test_the_server_error_page_speaks_the_readers_language(lang, words):
    with translation.override(lang):
        page = render_to_string("500.html")
    assert words in page
    assert 'dir="rtl"' in page if lang == "ar" else 'dir="ltr"' in page
