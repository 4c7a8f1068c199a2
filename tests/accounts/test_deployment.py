"""Production settings pass Django's deployment checks; responses carry the headers."""

from __future__ import annotations

import os
import secrets
import string
import subprocess
import sys

import pytest


def test_check_deploy_passes_with_production_settings():
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    env = {
        **os.environ,
        "PARTNERSHIPS_TLS": "1",
        "SECRET_KEY": "".join(secrets.choice(alphabet) for _ in range(60)),
        "ALLOWED_HOSTS": "partnerships.example.org",
        "DEBUG": "0",
    }

    done = subprocess.run(
        [sys.executable, "-m", "partnerships", "check", "--deploy"]
        + ["--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )

    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.urls("tests.accounts.urls")
def test_responses_carry_the_security_headers(client, db):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
