"""A delegate's path through the portal — search, browse, profile, engagement,
document, download — in English, Chinese and Arabic, on a laptop and a phone:
no horizontal scrolling, no console error, no serious or critical axe finding."""

from __future__ import annotations

import pytest

from tests.browser.conftest import LANGUAGES, SIZES, check_screen, prepared

pytestmark = pytest.mark.django_db


@pytest.fixture
def tab(browser, server, page, request):
    """The `page` fixture's connection sharing, with a language and a size."""
    lang, size = request.param
    return prepared(page, server, lang, size, [])


def _check(page, name: str) -> None:
    check_screen(page, name)


@pytest.mark.parametrize(
    "tab", [(lang, size) for lang in LANGUAGES for size in SIZES], indirect=True
)
def test_a_delegate_finds_browses_reads_and_downloads(tab):
    page = tab
    page.goto("/search/?q=habitat")
    first = page.locator("#r-orgs + ol li a").first
    assert first.get_attribute("href") == "/organisations/UN-Habitat/"
    _check(page, "search")
    first.click()
    page.wait_for_url("**/organisations/UN-Habitat/")
    _check(page, "profile")
    page.goto("/engagements/?kind=agreement")
    assert page.locator("table.engagements tbody tr").count() > 0
    _check(page, "engagements")
    page.locator("table.engagements tbody a").first.click()
    page.wait_for_url("**/engagements/*/")
    _check(page, "engagement")
    page.goto("/countries/KE/")
    _check(page, "country")
    page.goto("/documents/HSP/HA/1/2/Add.2/")
    assert page.locator(".toc a").count() > 0
    _check(page, "document")
    page.goto("/engagements/?kind=agreement")
    with page.expect_download() as download:
        page.locator('a[href^="/download/engagements.csv"]').click()
    assert download.value.suggested_filename.endswith(".csv")


def test_the_keyboard_focus_shows_and_the_landmarks_are_named(page):
    page.goto("/engagements/")
    page.keyboard.press("Tab")
    ring = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }"
    )
    assert ring == ["solid", "3px", "rgb(27, 31, 36)"]
    for role in ("banner", "main", "contentinfo", "search"):
        assert page.get_by_role(role).count() >= 1, role
    assert page.get_by_role("navigation", name="Main").count() == 1
