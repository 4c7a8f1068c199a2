"""The browser fixtures of tests/browser (a live server, Chromium, a page, a
signed-in administrator), for the stakeholder paths."""

from tests.browser.conftest import (  # noqa: F401 (fixtures used by name)
    browser,
    page,
    server,
    staff_account,
)
