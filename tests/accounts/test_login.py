"""The admin's login is limited per address (partnerships.accounts.views)."""

from __future__ import annotations

import time
from types import SimpleNamespace

import django_ratelimit.core
import pytest
from django.conf import settings
from django.test import override_settings

from tests.accounts.conftest import PASSWORD

pytestmark = [pytest.mark.urls("tests.accounts.urls"), pytest.mark.django_db]
# Wrong passwords are hashed too; a fast hasher keeps a dozen attempts quick.
FAST_HASHER = override_settings(
    PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
)
LOGIN = "/admin/login/"
WRONG = {"username": "nobody", "password": "wrong password"}


@pytest.fixture(autouse=True)
def _frozen_clock(monkeypatch):
    # The limit counts in fixed windows; a window ending between two requests of a
    # test would reset the count, so the limiter's clock stands still.
    now = time.time()
    monkeypatch.setattr(
        django_ratelimit.core, "time", SimpleNamespace(time=lambda: now)
    )


def _allowed(rate: str) -> int:
    return int(rate.split("/")[0])


@FAST_HASHER
def test_the_login_is_limited_to_the_configured_rate(client):
    allowed = _allowed(settings.LOGIN_RATE)

    for _ in range(allowed):
        assert client.post(LOGIN, WRONG).status_code == 200
    refused = client.post(LOGIN, WRONG)

    assert refused.status_code == 429
    assert "Too many attempts" in refused.content.decode()


@FAST_HASHER
@override_settings(LOGIN_RATE="3/m")
def test_the_fourth_attempt_in_a_minute_is_refused_at_three_a_minute(client):
    statuses = [client.post(LOGIN, WRONG).status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]


@FAST_HASHER
@override_settings(LOGIN_RATE="3/m")
def test_the_limit_is_per_address_and_only_on_attempts(client):
    for _ in range(4):
        client.post(LOGIN, WRONG)

    assert client.get(LOGIN).status_code == 200
    assert client.post(LOGIN, WRONG, REMOTE_ADDR="192.0.2.7").status_code == 200


def test_a_staff_user_signs_in_to_the_admin(client, admin_user):
    response = client.post(
        LOGIN, {"username": admin_user.username, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get(LOGIN)["Location"] == "/admin/"


def test_the_login_page_is_the_admins_in_the_portals_look(client):
    page = client.get(LOGIN).content.decode()

    assert 'id="login-form"' in page
    assert 'class="top"' in page and "Django" not in page
    assert 'name="next" value="/admin/"' in page
