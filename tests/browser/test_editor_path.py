"""An editor's path — find a record without its key, edit it (description, theme,
a participant chosen with the organisation picker), preview a merge, read the
history in words — in English, Chinese and Arabic, on a laptop and a phone: no
horizontal scrolling, no console error, no serious or critical axe finding."""

from __future__ import annotations

import pytest

from tests.browser.conftest import LANGUAGES, SIZES, check_screen, prepared

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_tab(browser, server, page, staff_account, request):
    """The `page` fixture signed in as staff, with a language and a size."""
    lang, size = request.param
    session, key = staff_account
    cookie = {"name": "sessionid", "value": session, "url": server}
    page = prepared(page, server, lang, size, [cookie])
    page.key = key
    return page


def _check(page, name: str) -> None:
    check_screen(page, f"staff-{name}")


def _find_and_edit(page, key: str) -> None:
    page.goto("/staff/?q=zebrafinch")
    _check(page, "find")
    page.click(f'#staff-found a[href="/staff/engagements/{key}/"]')
    page.wait_for_url(f"**/staff/engagements/{key}/")
    _check(page, "engagement")
    page.fill("#id_summary_en", "A meeting seen in a browser.")
    page.locator("#id_themes input").first.check()
    page.fill("#id_reason", "described")
    page.locator("#engagement-form button[type=submit]").click()
    page.wait_for_selector(".messages")
    assert page.input_value("#id_summary_en") == "A meeting seen in a browser."
    assert page.locator("#id_themes input").first.is_checked()


def _pick_a_participant(page) -> None:
    field = page.locator("#participant_organisation")
    field.press_sequentially("Development Prog", delay=30)
    page.wait_for_selector(
        '#dl-participant_organisation option[value="UNDP"]', state="attached"
    )
    field.fill("UNDP")
    page.select_option("#participant_role", "funder")
    page.fill("#participant_reason", "named in the report")
    field.locator("xpath=ancestor::form").locator("button").click()
    page.wait_for_selector(".messages")
    assert "UNDP" in page.inner_text("#h-p + table")
    _check(page, "picked")


def _remove_the_participant(page) -> None:
    row = page.locator("#h-p + table tr", has_text="UNDP")
    row.locator("input[name=reason]").fill("added to try the picker")
    row.locator("button").click()
    page.wait_for_selector(".messages")
    assert page.locator("#h-p + table tr", has_text="UNDP").count() == 0


@pytest.mark.parametrize(
    "staff_tab",
    [(lang, size) for lang in LANGUAGES for size in SIZES],
    ids=[f"{lang}-{size}" for lang in LANGUAGES for size in SIZES],
    indirect=True,
)
def test_an_editor_finds_edits_picks_previews_and_reads_the_history(staff_tab):
    page, key = staff_tab, staff_tab.key
    _find_and_edit(page, key)
    _pick_a_participant(page)
    page.goto("/staff/merge/")
    _check(page, "merge")
    page.fill("#id_source", "UN-HABITAT-NY")
    page.fill("#id_target", "UN-Habitat")
    page.fill("#id_reason", "looking only")
    page.click("form.edit button[type=submit]")
    page.wait_for_selector("#h-preview")
    assert page.locator(".preview button.danger").count() == 1
    _check(page, "merge-preview")
    page.goto(f"/staff/engagement/{key}/history/")
    history = page.inner_text("#history")
    # The system's words in the reader's language, the reason as typed.
    said = {
        "en": "participant UNDP (funder) added: named in the report",
        "zh-hans": "已添加参与方 UNDP（供资方）：named in the report",
        "ar": "أُضيف المشارك UNDP (جهة ممولة): named in the report",
    }[page.label.rsplit("-", 1)[0]]
    assert said in history
    if not page.label.startswith("en"):
        assert "participant UNDP (funder) added" not in history
    assert "described" in history
    _check(page, "history")
    page.goto(f"/staff/engagements/{key}/")
    _remove_the_participant(page)
