"""The app's own catalogues: no entry left empty or fuzzy in the five languages
besides English, and the staff pages speak the reader's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.urls import reverse

LOCALE = Path(__file__).parents[2] / "partnerships" / "stakeholders" / "locale"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))


def test_there_is_a_catalogue_for_each_other_un_language():
    assert [path.parts[-3] for path in CATALOGUES] == [
        "ar",
        "es",
        "fr",
        "ru",
        "zh_Hans",
    ]


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parts[-3])
def test_no_entry_is_left_empty_or_fuzzy(path):
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    assert [m.id for m in catalogue if m.id and (not m.string or m.fuzzy)] == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", "Organes consultatifs, forums et formations"),
        ("ar", "الهيئات الاستشارية والمنتديات والتدريبات"),
        ("zh-hans", "咨询机构、论坛和培训"),
    ],
)
def test_the_staff_pages_speak_the_readers_language(client, cast, lang, words):
    client.force_login(cast["administrator"])
    client.cookies["django_language"] = lang
    page = client.get(reverse("stakeholders:bodies")).content.decode()
    assert words in page
    queue = client.get(reverse("stakeholders:queue")).content.decode()
    assert "Applications for accreditation" not in queue
