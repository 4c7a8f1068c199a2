"""An application walked through the web pages: the public form, the applicant's
own page, the reviewer's checklist, request for more and decision, and the
public list with its export."""

from __future__ import annotations

import re

from django.core import mail
from django.urls import reverse

from partnerships.registry.models import Organisation
from partnerships.stakeholders.models import Accreditation, Application
from tests.stakeholders.conftest import application_form, pdf


def _submit(client, session, **overrides):
    response = client.post(
        reverse("stakeholders:apply", args=[session.key]),
        application_form(**overrides),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def test_an_application_goes_from_submission_to_the_public_list(client, cast, session):
    status_page = _submit(client, session)
    application = Application.objects.get(name="Slum Dwellers Network of Nairobi")
    assert application.documents.count() == 5
    assert [m.to for m in mail.outbox] == [["wanjiru@sdnn.example.org"]]
    assert status_page in mail.outbox[0].body
    assert "submitted" in client.get(status_page).content.decode()

    reviewer = cast["editor-africa"]
    client.force_login(reviewer)
    review = reverse("stakeholders:review", args=[application.pk])
    assert "Wanjiru Kamau" in client.get(review).content.decode()
    client.post(
        reverse("stakeholders:act", args=[application.pk, "check"]),
        {"check-ticked": ["non_profit", "documents"]},
    )
    client.post(
        reverse("stakeholders:act", args=[application.pk, "ask"]),
        {"ask-text": "Please send the statutes as registered."},
    )
    application.refresh_from_db()
    assert application.checklist["non_profit"] and not application.checklist["mandate"]
    assert application.status == "more_requested"
    assert "Please send the statutes" in mail.outbox[-1].body

    client.logout()
    answer = client.post(
        status_page,
        {"text": "Here they are.", "kind": "statutes", "document": pdf("reg.pdf")},
    )
    assert answer.status_code == 302
    application.refresh_from_db()
    assert application.status == "submitted"
    assert application.documents.count() == 6

    client.force_login(reviewer)
    decided = client.post(
        reverse("stakeholders:act", args=[application.pk, "decide"]),
        {
            "decide-accredit": "yes",
            "decide-reason": "Meets every criterion of the policy.",
        },
    )
    assert decided.status_code == 302
    application.refresh_from_db()
    org = Organisation.objects.get(pk=application.organisation_id)
    assert (org.name_en, org.country_id) == (application.name, "KE")
    assert re.fullmatch(r"SDNN-[2-9A-Z]{4}", org.key)  # the acronym, a random suffix
    assert org.history.first().history_user == reviewer
    assert Accreditation.objects.filter(organisation=org, session=session).exists()
    last = application.history.first()
    assert (last.history_user, last.history_change_reason) == (
        reviewer,
        "decided: Meets every criterion of the policy.",
    )
    assert "accredited" in mail.outbox[-1].subject

    client.logout()
    listing = client.get(reverse("stakeholders:accredited", args=[session.key]))
    assert application.name in listing.content.decode()
    assert "Wanjiru" not in listing.content.decode()
    export = client.get(reverse("stakeholders:accredited-export", args=[session.key]))
    lines = export.content.decode().splitlines()
    assert lines[0].startswith("session,organisation")
    assert lines[1].startswith(f"ha-9,{org.key},")


def test_a_rejection_gives_its_reason_and_creates_no_organisation(
    client, cast, session
):
    status_page = _submit(client, session, acronym="", name="Quick Profit Ltd")
    application = Application.objects.get(name="Quick Profit Ltd")
    client.force_login(cast["administrator"])
    client.post(
        reverse("stakeholders:act", args=[application.pk, "decide"]),
        {"decide-accredit": "no", "decide-reason": "A company trading for profit."},
    )
    client.logout()
    page = client.get(status_page).content.decode()
    assert "not accredited" in page and "A company trading for profit." in page
    assert not Organisation.objects.filter(name_en="Quick Profit Ltd").exists()


def test_a_decision_needs_a_reason(client, cast, session):
    _submit(client, session)
    application = Application.objects.get()
    client.force_login(cast["administrator"])
    response = client.post(
        reverse("stakeholders:act", args=[application.pk, "decide"]),
        {"decide-accredit": "yes", "decide-reason": ""},
    )
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.status == "submitted"


def test_the_form_refuses_a_missing_document_and_keeps_nothing(client, session):
    data = application_form()
    del data["doc_financial"]
    response = client.post(reverse("stakeholders:apply", args=[session.key]), data)
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_the_form_is_offered_in_arabic_right_to_left(client, session):
    client.cookies["django_language"] = "ar"
    page = client.get(reverse("stakeholders:apply", args=[session.key]))
    assert re.search(r'<html lang="ar[^"]*" dir="rtl"', page.content.decode())


def test_the_form_speaks_the_readers_language(client, session):
    url = reverse("stakeholders:apply", args=[session.key])
    expected = {
        "fr": "nom de l&#x27;organisation",
        "es": "nombre de la organización",
        "ar": "اسم المنظمة",
        "ru": "название организации",
        "zh-hans": "组织名称",
    }
    for code, label in expected.items():
        client.cookies["django_language"] = code
        assert label.lower() in client.get(url).content.decode().lower(), code
