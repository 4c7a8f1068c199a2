"""A real server on 127.0.0.1 and Debian's Chromium driven by Playwright.

The server runs in a thread of the test process against the test database that
tests/conftest.py filled with the demo data; it shares the main thread's
connection when that database is SQLite in memory (as Django's own live server
tests do). Nothing here wraps tests in transactions, so a browser test that writes
cleans up after itself. Screenshots go to test-artifacts/browser/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connections
from django.test.testcases import LiveServerThread

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts" / "browser"
AXE = Path(settings.BASE_DIR) / "build" / "vendor" / "axe.min.js"


# The connections the server's threads use, by alias: the very dict the server
# was given, so that a test can hand it its own connection.
SHARED: dict = {}


def _close_server_sessions() -> None:
    """A request the browser dropped may leave its thread's PostgreSQL session
    open, which would keep the test database from being dropped at the end."""
    for conn in connections.all():
        if conn.vendor == "postgresql":
            with conn.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker) -> Iterator[str]:
    if not AXE.exists():
        pytest.fail("The front-end packages are missing: run `make assets` first.")
    # Playwright's sync API runs an event loop in this thread; Django refuses ORM
    # calls under a running loop unless told that this thread is not async code.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with django_db_blocker.unblock():
        shared = {
            conn.alias: conn
            for conn in connections.all()
            if conn.vendor == "sqlite" and conn.is_in_memory_db()
        }
        for conn in shared.values():
            conn.inc_thread_sharing()
        SHARED.clear()
        SHARED.update(shared)
        thread = LiveServerThread("127.0.0.1", StaticFilesHandler, SHARED)
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        try:
            yield f"http://127.0.0.1:{thread.port}"
        finally:
            thread.terminate()
            for conn in shared.values():
                conn.dec_thread_sharing()
            _close_server_sessions()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="module")
def staff_account(server, django_db_blocker):
    """A signed-in administrator and an engagement for it to edit, made before the
    browser starts and removed at the end."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from partnerships.cooperation.models import Engagement

    with django_db_blocker.unblock():
        user = get_user_model().objects.create_superuser(
            username="browser-staff", password="a long test password 1"
        )
        engagement = Engagement.objects.create(
            key="browser-edit", kind="event", title_en="Browser zebrafinch"
        )
        client = Client()
        client.force_login(user)
        try:
            yield client.cookies["sessionid"].value, engagement.key
        finally:
            Engagement.objects.filter(pk=engagement.pk).delete()
            Engagement.history.filter(id=engagement.pk).delete()
            user.delete()


@pytest.fixture(scope="module")
def browser(server, staff_account):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser, server):
    # The server's threads take the connection of this test (and its transaction,
    # rolled back at the end) rather than the one they started with.
    started = dict(SHARED)
    for alias in started:
        SHARED[alias] = connections[alias]
        SHARED[alias].inc_thread_sharing()
    context = browser.new_context(base_url=server, locale="en-GB")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.errors = errors
    try:
        yield tab
    finally:
        context.close()
        # Left shared: a request still in flight closes it from its own thread.
        SHARED.update(started)


def screenshot(page, name: str, full_page: bool = True) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    print(f"screenshot: {path}")
    return path


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page, as short lines."""
    page.add_script_tag(url="/static/vendor/axe.min.js")
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations.filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"
    )
    return list(found)


LANGUAGES = ["en", "zh-hans", "ar"]
SIZES = {"desktop": (1366, 768), "phone": (390, 844)}


def prepared(page, server: str, lang: str, size: str, cookies: list[dict]):
    """`page` at a screen size and in a language, collecting console errors."""
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    page.context.add_cookies(
        [{"name": "django_language", "value": lang, "url": server}, *cookies]
    )
    console: list[str] = []
    page.on(
        "console", lambda msg: console.append(msg.text) if msg.type == "error" else None
    )
    page.console_errors = console
    page.label = f"{lang}-{size}"
    return page


def check_screen(page, name: str) -> None:
    """No horizontal scrolling, no serious axe finding, no page or console error;
    a screenshot to look at."""
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - window.innerWidth"
    )
    assert overflow <= 0, f"{name}: {overflow}px wider than the screen"
    assert serious_violations(page) == [], name
    assert page.errors == [], name
    assert page.console_errors == [], name
    screenshot(page, f"{name}-{page.label}", full_page=False)
