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


@pytest.fixture(scope="module")
def two_runs(server, django_db_blocker):
    """Two runs of the seed report for the diff page, removed at the end."""
    from partnerships.core.actor import ANONYMOUS
    from partnerships.reports.demo import seed_report
    from partnerships.reports.services import create_run

    with django_db_blocker.unblock():
        report = seed_report()
        runs = [create_run(report, ANONYMOUS) for _ in range(2)]
        try:
            yield runs
        finally:
            for run in runs:
                run.delete()


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_run_diff_page_has_the_staff_look(
    page, server, staff_account, two_runs, lang, size
):
    """/reports/runs/N/diff/ in the portal's look (it had the Django admin's)."""
    session, _key = staff_account
    cookie = {"name": "sessionid", "value": session, "url": server}
    tab = prepared(page, server, lang, size, [cookie])
    tab.goto(f"/reports/runs/{two_runs[1].pk}/diff/")
    assert tab.locator("header.top").count() == 1
    assert tab.locator("nav.staff-nav").count() == 1
    assert tab.locator("section[id^=diff-]").count() >= 5
    assert "Django" not in tab.content()
    check_screen(tab, "staff-app-run-diff")
