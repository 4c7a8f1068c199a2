"""The staff pages of the other apps (periodic reports, reading reports, the IATI
import) and the staff sign-in, in English, Chinese and Arabic on a laptop and a
phone: the portal's look, no horizontal scrolling, no console error, no serious or
critical axe finding; a screenshot of each (`staff-app-<page>-<lang>-<size>.png`)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import LANGUAGES, SIZES, check_screen, prepared

pytestmark = pytest.mark.django_db

PAGES = {
    "reports": "/reports/",
    "ingest": "/ingest/",
    "iati-upload": "/interop/iati/upload/",
}


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_staff_pages_of_other_apps_in_three_languages(
    page, server, staff_account, lang, size
):
    session, _key = staff_account
    cookie = {"name": "sessionid", "value": session, "url": server}
    tab = prepared(page, server, lang, size, [cookie])
    for name, url in PAGES.items():
        tab.goto(url)
        assert tab.locator("header.top").count() == 1, name
        assert tab.locator("nav.staff-nav").count() == 1, name
        assert "Django" not in tab.content(), name
        check_screen(tab, f"staff-app-{name}")


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_staff_sign_in_in_three_languages(page, server, lang, size):
    tab = prepared(page, server, lang, size, [])
    tab.goto("/admin/login/?next=/staff/")
    assert tab.locator("#login-form").count() == 1
    assert "Django" not in tab.content()
    check_screen(tab, "staff-app-login")
