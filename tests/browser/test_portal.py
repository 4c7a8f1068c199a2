"""The portal in a real browser: search, directory, graph, map, Arabic, staff."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import (
    screenshot,
    serious_violations,
)

# Each test runs in a transaction of the connection the server shares (SQLite in
# memory) and is rolled back; on PostgreSQL the server reads committed data.
pytestmark = pytest.mark.django_db


def test_a_search_for_the_chinese_short_name_reaches_undp(page):
    page.goto("/")
    page.fill("#site-search", "开发署")
    page.press("#site-search", "Enter")
    page.click('#results a[href="/organisations/UNDP/"]')
    page.wait_for_url("**/organisations/UNDP/")
    assert "United Nations Development Programme" in page.inner_text("h1")
    assert serious_violations(page) == []
    screenshot(page, "profile-undp")


def test_the_directory_filters_by_category(page):
    page.goto("/organisations/")
    page.click(".filters-panel > summary")  # folded, as on the engagement list
    with page.expect_response(re.compile(r"/organisations/\?.*category=")):
        page.select_option("#id_category", "fund_programme")
    page.wait_for_function(
        "() => new URL(location.href).searchParams.get('category') === 'fund_programme'"
    )
    categories = page.locator("table.directory tbody td:nth-child(3)").all_inner_texts()
    assert categories
    assert set(categories) == {"UN fund or programme"}
    assert serious_violations(page) == []
    screenshot(page, "directory")


def test_a_profile_draws_its_network_graph(page):
    page.goto("/organisations/UN-Habitat/")
    page.wait_for_selector("#network[data-rendered]")
    assert int(page.get_attribute("#network", "data-rendered")) > 5
    assert page.locator("#network canvas").count() > 0
    assert page.errors == []
    screenshot(page, "profile-un-habitat")


def test_the_dashboards_draw_the_world_map_and_charts(page):
    page.goto("/dashboards/")
    page.wait_for_selector("#map[data-rendered]", timeout=20000)
    assert int(page.get_attribute("#map", "data-rendered")) > 100
    page.wait_for_selector("#network[data-rendered]")
    page.wait_for_selector("[data-chart=stacked][data-rendered]")
    assert page.errors == []
    assert serious_violations(page) == []
    screenshot(page, "dashboards")


def test_switching_to_arabic_turns_the_page_right_to_left(page):
    page.goto("/")
    page.click('button[name="language"][value="ar"]')
    page.wait_for_function("() => document.documentElement.dir === 'rtl'")
    assert page.get_attribute("html", "lang") == "ar"
    assert serious_violations(page) == []
    screenshot(page, "home-ar")


def test_the_home_engagement_and_document_pages_pass_axe(page):
    for url, name in [
        ("/", "home"),
        ("/engagements/p002-quadrennial-report-nua/", "engagement"),
        ("/search/?q=%E4%BA%BA%E5%B1%85%E7%BD%B2", "search"),
    ]:
        page.goto(url)
        assert serious_violations(page) == [], url
        screenshot(page, name)


def test_an_anonymous_visitor_cannot_reach_staff_pages(page):
    for url in ["/staff/", "/staff/engagements/new/", "/staff/merge/"]:
        page.goto(url)
        assert "/admin/login/" in page.url


def test_a_staff_user_edits_an_engagement_and_sees_it_in_the_history(
    page, server, staff_account
):
    session, key = staff_account
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": server}])
    page.goto(f"/staff/engagements/{key}/")
    page.fill("#id_end", "1999")
    page.fill("#id_start", "2018")
    page.locator("#id_end").dispatch_event("change")
    page.wait_for_selector("#err-end .error")
    assert "before the start" in page.inner_text("#err-end")
    page.fill("#id_end", "2019")
    page.fill("#id_title_en", "Browser zebrafinch renamed")
    page.fill("#id_reason", "seen in a browser")
    page.locator("#id_reason").dispatch_event("change")
    # The inline checks answer before the form is sent (SQLite in memory shares
    # one connection between the server's threads).
    page.wait_for_load_state("networkidle")
    assert page.inner_text("#err-end") == ""
    page.click("#engagement-form button[type=submit]")
    page.wait_for_selector(".messages")
    page.goto(f"/staff/engagement/{key}/history/")
    table = page.inner_text("#history")
    assert "Browser zebrafinch renamed" in table
    assert "seen in a browser" in table
    assert "browser-staff" in table
    screenshot(page, "staff-history")


def test_reading_pages_work_without_javascript(browser, server):
    context = browser.new_context(
        base_url=server, java_script_enabled=False, locale="en-GB"
    )
    try:
        page = context.new_page()
        page.goto("/organisations/")
        page.click(".filters-panel > summary")
        page.select_option("#id_category", "fund_programme")
        page.click(".filters button[type=submit]")
        page.wait_for_url("**category=fund_programme**")
        categories = page.locator("table.directory tbody td:nth-child(3)")
        assert set(categories.all_inner_texts()) == {"UN fund or programme"}
        page.goto("/search/?q=%E5%BC%80%E5%8F%91%E7%BD%B2")
        page.click('#results a[href="/organisations/UNDP/"]')
        assert page.locator("#h-partners + div + table tbody tr").count() > 0
        page.goto("/dashboards/")
        assert page.locator("#country-list tbody tr").count() > 10
    finally:
        context.close()
