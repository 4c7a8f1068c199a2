"""Personal data of contact persons and commenters, through the web pages: seen
by reviewers in charge only, erased on request from the record and its history,
the erasure audited, and no e-mail sent to an erased contact."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from partnerships.stakeholders.models import Application, Comment
from tests.stakeholders.conftest import application_form
from tests.stakeholders.views.test_consultation_walk import _comment, _publish

pytestmark = pytest.mark.django_db
PERSON = ("Wanjiru Kamau", "wanjiru@sdnn.example.org", "+254 700 000000")


@pytest.fixture
def application(client, session):
    client.post(reverse("stakeholders:apply", args=[session.key]), application_form())
    client.cookies.clear()
    return Application.objects.get()


def _shows_person(page: str) -> set[str]:
    return {value for value in PERSON if value in page}


def _accredit(client, cast, application):
    client.force_login(cast["editor-africa"])
    response = client.post(
        reverse("stakeholders:act", args=[application.pk, "decide"]),
        {"decide-accredit": "yes", "decide-reason": "Meets the policy."},
    )
    assert response.status_code == 302
    client.logout()


def test_the_contact_is_shown_to_the_reviewer_in_charge_only(
    client, cast, application, session
):
    review = reverse("stakeholders:review", args=[application.pk])
    client.force_login(cast["editor-africa"])
    assert _shows_person(client.get(review).content.decode()) == set(PERSON)
    for who in ("editor-private", "focal-point", "no-role"):
        client.force_login(cast[who])
        response = client.get(review)
        assert response.status_code in (302, 403, 404), who
        assert _shows_person(response.content.decode()) == set(), who
    client.logout()
    _accredit(client, cast, application)
    application.refresh_from_db()
    public = [
        reverse("stakeholders:accredited", args=[session.key]),
        reverse("stakeholders:accredited-export", args=[session.key]),
        f"/organisations/{application.organisation.key}/",
    ]
    for url in public:
        response = client.get(url)
        assert response.status_code == 200, url
        assert application.name in response.content.decode(), url
        assert _shows_person(response.content.decode()) == set(), url


def test_an_erasure_needs_a_reason_and_a_reviewer_in_charge(client, cast, application):
    erase = reverse("stakeholders:act", args=[application.pk, "erase"])
    client.force_login(cast["editor-private"])
    assert client.post(erase, {"erase-reason": "asked"}).status_code == 404
    client.force_login(cast["editor-africa"])
    assert client.post(erase, {"erase-reason": " "}).status_code != 302
    application.refresh_from_db()
    assert (application.contact_name, application.contact_erased_at) == (
        PERSON[0],
        None,
    )


def test_an_erased_contact_is_gone_from_the_pages_and_the_history(
    client, cast, application
):
    before = application.history.count()
    client.force_login(cast["editor-africa"])
    response = client.post(
        reverse("stakeholders:act", args=[application.pk, "erase"]),
        {"erase-reason": "Request of 3 December"},
    )
    assert response.status_code == 302
    review = client.get(reverse("stakeholders:review", args=[application.pk]))
    assert _shows_person(review.content.decode()) == set()
    assert "erased on request" in review.content.decode()
    for row in application.history.all():
        assert {row.contact_name, row.contact_email, row.contact_phone} == {""}
    # The erasure is one more history row, saying who and why.
    assert application.history.count() == before + 1
    last = application.history.first()
    assert (last.history_user, last.history_change_reason) == (
        cast["editor-africa"],
        "contact erased: Request of 3 December",
    )
    sent = len(mail.outbox)
    client.logout()
    _accredit(client, cast, application)
    assert len(mail.outbox) == sent  # nobody left to tell


def test_a_commenters_name_is_shown_to_staff_only(client, cast):
    _publish(client, cast)
    _comment(
        client,
        1,
        organisation_name="Huairou Commission",
        group="women",
        kind="support",
        text="Grassroots women endorse this.",
    )
    client.force_login(cast["administrator"])
    staff = reverse("stakeholders:consultation-staff", args=["strategic-plan"])
    assert "A. Writer" in client.get(staff).content.decode()
    comment = Comment.objects.get()
    client.post(reverse("stakeholders:moderate", args=[comment.pk]), {"publish": "yes"})
    client.logout()
    public = client.get(reverse("stakeholders:consultation", args=["strategic-plan"]))
    page = public.content.decode()
    assert "Grassroots women endorse this." in page
    assert "A. Writer" not in page


def test_a_commenters_name_is_erased_on_request(client, cast):
    _publish(client, cast)
    _comment(
        client,
        2,
        organisation_name="Huairou Commission",
        group="women",
        kind="concern",
        text="Name the grassroots.",
    )
    comment = Comment.objects.get()
    client.force_login(cast["editor-africa"])
    erase = reverse("stakeholders:erase-author", args=[comment.pk])
    client.post(erase, {"reason": " "})
    comment.refresh_from_db()
    assert comment.author_name == "A. Writer"  # no reason, nothing erased
    client.post(erase, {"reason": "E-mail of 3 December"})
    staff = reverse("stakeholders:consultation-staff", args=["strategic-plan"])
    assert "A. Writer" not in client.get(staff).content.decode()
    assert not comment.history.exclude(author_name="").exists()
    last = comment.history.first()
    assert (last.history_user, last.history_change_reason) == (
        cast["editor-africa"],
        "author's name erased: E-mail of 3 December",
    )
