"""An editor's path: find a record without its key, add a participant with the
organisation picker, preview a merge, read the history in words."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot, serious_violations

pytestmark = pytest.mark.django_db


def _signed_in(page, server, staff_account):
    session, key = staff_account
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": server}])
    return key


def test_an_editor_finds_picks_previews_and_reads_the_history(
    page, server, staff_account
):
    key = _signed_in(page, server, staff_account)
    page.goto("/staff/?q=zebrafinch")
    page.click(f'#staff-found a[href="/staff/engagements/{key}/"]')
    page.wait_for_url(f"**/staff/engagements/{key}/")
    assert serious_violations(page) == []
    page.locator("#id_organisation").press_sequentially("Development Prog", delay=30)
    page.wait_for_selector('#dl-id_organisation option[value="UNDP"]', state="attached")
    page.fill("#id_organisation", "UNDP")
    page.select_option("#id_role", "funder")
    page.locator("#id_organisation").locator("xpath=ancestor::form").locator(
        "button"
    ).click()
    page.wait_for_selector(".messages")
    assert "UNDP" in page.inner_text("#h-p + table")
    screenshot(page, "staff-engagement-picker", full_page=False)
    page.goto("/staff/merge/")
    page.fill("#id_source", "UN-HABITAT-NY")
    page.fill("#id_target", "UN-Habitat")
    page.fill("#id_reason", "looking only")
    page.click("form.edit button[type=submit]")
    page.wait_for_selector("#h-preview")
    assert "Confirm the merge" in page.inner_text(".preview")
    assert serious_violations(page) == []
    screenshot(page, "staff-merge-preview", full_page=False)
    page.goto(f"/staff/engagement/{key}/history/")
    assert "participant UNDP (funder) added" in page.inner_text("#history")
    assert page.errors == []
