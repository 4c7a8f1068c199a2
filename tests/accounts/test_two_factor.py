"""Optional two-factor sign-in for staff (issue 16, item 3): with
STAFF_TWO_FACTOR on, a password alone does not open the back office or the staff
pages; the code of the user's TOTP device does."""

from __future__ import annotations

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"


@pytest.fixture
def device(admin_user):
    return TOTPDevice.objects.create(user=admin_user, name="phone", confirmed=True)


@pytest.fixture
def required(settings):
    settings.STAFF_TWO_FACTOR = True


def _credentials(admin_user, **extra):
    return {"username": admin_user.username, "password": PASSWORD, **extra}


def test_a_password_alone_is_refused(client, admin_user, device, required):
    response = client.post(LOGIN, _credentials(admin_user))
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_device_s_code_opens_the_back_office(client, admin_user, device, required):
    code = f"{totp(device.bin_key):06d}"
    response = client.post(
        LOGIN, _credentials(admin_user, otp_device=device.persistent_id, otp_token=code)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert client.get("/admin/").status_code == 200
    assert client.get("/reports/").status_code == 200


def test_a_session_opened_with_a_password_does_not_reach_staff_pages(
    client, admin_user, device, required
):
    client.force_login(admin_user)  # as the partners' login would
    assert client.get("/admin/").status_code == 302
    response = client.get("/reports/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    made = client.post("/api/tokens/", {"name": "x"}, content_type="application/json")
    assert made.status_code == 403 and "device" in made.json()["detail"]


def test_off_by_default(client, admin_user, device):
    response = client.post(LOGIN, _credentials(admin_user))
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
