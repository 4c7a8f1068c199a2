import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_it_creates_an_admin_with_a_random_password_and_says_how_to_log_in(
    tmp_path, settings
):
    settings.VAR_DIR = tmp_path
    out = io.StringIO()
    call_command("demo_admin", stdout=out)
    password = (tmp_path / "demo-admin-password").read_text()
    assert len(password) >= 12
    assert f"'{password}'" in out.getvalue()
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)
    call_command("demo_admin", stdout=io.StringIO())
    assert (tmp_path / "demo-admin-password").read_text() == password
