"""The staff pages of the other apps (reports, reading reports, IATI import) and the
staff sign-in take the portal's look and speak the reader's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.test import Client

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).parents[2] / "partnerships"
# The heading of each page, as the app's own catalogue (read here with babel, not
# through Django) gives it.
PAGES = [
    ("/reports/", "reports", "Periodic reports"),
    ("/ingest/", "ingest", "Read reports"),
    ("/interop/iati/upload/", "interop", "Import IATI files"),
    ("/admin/login/", "accounts", "Staff sign-in"),
]
LANGS = {
    "en": "en",
    "zh-hans": "zh_Hans",
    "ar": "ar",
    "fr": "fr",
    "ru": "ru",
    "es": "es",
}


def _heading(app: str, folder: str, msgid: str) -> str:
    path = ROOT / app / "locale" / folder / "LC_MESSAGES" / "django.po"
    with path.open("rb") as handle:
        return read_po(handle)[msgid].string


@pytest.mark.parametrize("lang", sorted(LANGS))
@pytest.mark.parametrize(("url", "app", "msgid"), PAGES)
def test_a_staff_page_speaks_the_readers_language(cast, url, app, msgid, lang):
    client = Client()
    if app != "accounts":
        client.force_login(cast["administrator"])
    client.cookies["django_language"] = lang
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    heading = _heading(app, LANGS[lang], msgid)
    assert heading and f"<h1>{heading}</h1>" in html
    if lang != "en":
        assert heading != msgid
    # The portal's frame (its header and landmarks), not the admin site's.
    assert 'class="top"' in html and 'id="main"' in html
    assert "Django" not in html
    assert ('dir="rtl"' in html) == (lang == "ar")


@pytest.mark.parametrize(
    "app",
    [
        "reports",
        "ingest",
        "interop",
        "accounts",
        "api",
        "cooperation",
        "core",
        "curation",
        "registry",
        "sources",
    ],
)
def test_each_app_has_six_catalogues_without_an_empty_or_fuzzy_entry(app):
    paths = sorted((ROOT / app / "locale").glob("*/LC_MESSAGES/django.po"))
    assert [p.parts[-3] for p in paths] == sorted(LANGS.values())
    for path in paths:
        with path.open("rb") as handle:
            catalogue = read_po(handle)
        empty = []
        for m in catalogue:
            forms = m.string if isinstance(m.string, tuple) else (m.string,)
            if m.id and (not all(forms) or m.fuzzy):
                empty.append(m.id)
        assert empty == [], path
