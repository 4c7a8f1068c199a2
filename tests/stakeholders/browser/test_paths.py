"""The applicant's and the reviewer's paths in Chromium, in English, French and
Arabic (tests/browser/conftest.py runs the server and the browser)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot, serious_violations
from tests.stakeholders.conftest import PDF

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

KINDS = ["statutes", "legal_status", "annual_report", "financial", "letter"]


@pytest.fixture(scope="module")
def open_session(server, django_db_blocker):
    """An open session, committed so that a server on PostgreSQL sees it, and
    removed at the end with the applications made to it."""
    from django.db import connections

    from partnerships.core.actor import system_actor
    from partnerships.stakeholders.models import Application, Session
    from partnerships.stakeholders.services.sessions import session_upsert

    with django_db_blocker.unblock():
        # The portal's browser tests end by terminating the database sessions of
        # their server (PostgreSQL), which may take this thread's with them.
        for conn in connections.all():
            if not conn.is_usable():
                conn.close()
        session, _ = session_upsert(
            actor=system_actor("tests"),
            key="browser-session",
            values={"title": "Browser session", "body": "Assembly"},
        )
        try:
            yield session.key
        finally:
            for application in Application.objects.filter(session=session):
                application.documents.all().delete()
                application.messages.all().delete()
                application.delete()
            Application.history.filter(session_id=session.pk).delete()
            session.delete()
            Session.history.filter(id=session.pk).delete()


def _apply(page, session: str, name: str, tmp_path) -> str:
    page.goto(f"/stakeholders/sessions/{session}/apply/")
    page.fill("#id_name", name)
    page.select_option("#id_country", "FR")
    page.select_option("#id_category", "ngo")
    page.select_option("#id_group", "women")
    page.fill("#id_description", "Housing rights.")
    page.fill("#id_contact_name", "Claire Martin")
    page.fill("#id_contact_email", "claire@example.org")
    for kind in KINDS:
        upload = tmp_path / f"{kind}.pdf"
        upload.write_bytes(PDF)
        page.set_input_files(f"#id_doc_{kind}", str(upload))
    page.click("form.application button[type=submit]")
    page.wait_for_url("**/stakeholders/applications/**")
    return page.url


@pytest.mark.parametrize(
    ("lang", "status"),
    [("en", "submitted"), ("fr", "soumise"), ("ar", "مقدَّم")],
)
def test_an_applicant_applies_and_follows_its_application(
    page, server, open_session, tmp_path, lang, status
):
    page.context.add_cookies(
        [{"name": "django_language", "value": lang, "url": server}]
    )
    _apply(page, open_session, f"Browser applicant {lang}", tmp_path)
    assert status in page.inner_text("dd.status")
    direction = page.get_attribute("html", "dir")
    assert direction == ("rtl" if lang == "ar" else "ltr")
    assert serious_violations(page) == []
    screenshot(page, f"stakeholders-status-{lang}")


REVIEWER_WORDS = {
    "en": ("Send the request", "more information", "Decide", "not accredited"),
    "fr": (
        "Envoyer la demande",
        "informations complémentaires",
        "Statuer",
        "non accréditée",
    ),
    "ar": ("إرسال الطلب", "طُلبت معلومات إضافية", "البت", "غير معتمَدة"),
}


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_reviewer_asks_for_more_and_decides(
    page, server, open_session, staff_account, tmp_path, lang
):
    name = f"Browser applicant reviewed {lang}"
    status_url = _apply(page, open_session, name, tmp_path)
    send, more, decide, refused = REVIEWER_WORDS[lang]
    session_id, _ = staff_account
    page.context.add_cookies(
        [
            {"name": "sessionid", "value": session_id, "url": server},
            {"name": "django_language", "value": lang, "url": server},
        ]
    )
    page.goto("/stakeholders/staff/applications/")
    page.click(f"text={name}")
    assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    page.fill("#id_ask-text", "Please send your statutes as registered.")
    ask = page.locator("form[action$='/ask/'] button")
    # The button is shown in capitals by the design system; its text is as written.
    assert ask.text_content().strip() == send
    ask.click()
    page.wait_for_selector("dd.status")
    assert more in page.inner_text("dd.status")
    page.select_option("#id_decide-accredit", "no")
    page.fill("#id_decide-reason", "Outside the mandate.")
    decision = page.locator("form[action$='/decide/'] button")
    assert decision.text_content().strip() == decide
    decision.click()
    page.wait_for_selector("dd.status")
    assert refused in page.inner_text("dd.status")
    assert serious_violations(page) == []
    screenshot(page, f"stakeholders-review-{lang}")
    page.context.clear_cookies()
    page.goto(status_url)
    assert "Outside the mandate." in page.inner_text("main")
