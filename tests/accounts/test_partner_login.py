"""Partner focal points sign in, reset a forgotten password by e-mail, and see
their own profile and proposals (issue 16, item 3)."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from partnerships.accounts.actors import actor_for
from partnerships.cooperation.services import proposal_create
from partnerships.registry.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db
PASSWORD = "x" * 16  # tests/factories.user's
LOGIN = "/accounts/login/"


@pytest.fixture
def focal(cast):
    user = cast["focal-point"]
    user.email = "focal@example.org"
    user.save()
    return user


def test_a_focal_point_signs_in_and_sees_its_profile(client, focal):
    page = client.get(LOGIN)
    assert page.status_code == 200 and 'name="password"' in page.content.decode()
    response = client.post(LOGIN, {"username": focal.username, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/profile/"
    profile = client.get("/accounts/profile/").content.decode()
    assert focal.username in profile
    assert "ITDP" in profile


def test_a_wrong_password_is_refused_and_attempts_are_limited(client, focal, settings):
    settings.LOGIN_RATE = "3/m"
    wrong = {"username": focal.username, "password": "wrong password"}
    answers = [client.post(LOGIN, wrong).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    assert "_auth_user_id" not in client.session


def test_the_profile_lists_the_partner_s_own_proposals(client, focal):
    itdp = Organisation.objects.get(key="ITDP")
    engagement = factories.engagement(participants=((itdp, "partner"),))
    proposal_create(
        actor=actor_for(focal),
        engagement=engagement,
        changes={"status": "completed"},
        reason="it ended in 2020",
    )
    client.force_login(focal)
    page = client.get("/accounts/profile/").content.decode()
    assert engagement.key in page and "it ended in 2020" in page


def test_the_profile_needs_a_sign_in(client):
    response = client.get("/accounts/profile/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def test_a_forgotten_password_is_reset_through_an_e_mailed_link(client, focal):
    response = client.post("/accounts/password-reset/", {"email": focal.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [focal.email]
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200
    new = "a brand new long password 7"
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert done.status_code == 302
    client.logout()
    signed = client.post(LOGIN, {"username": focal.username, "password": new})
    assert signed.status_code == 302


def test_an_unknown_address_reads_like_a_known_one(client, focal):
    known = client.post("/accounts/password-reset/", {"email": focal.email})
    unknown = client.post("/accounts/password-reset/", {"email": "no@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1
