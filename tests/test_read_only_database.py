"""A database that refuses writes: a sentence and 503, never a bare 500, on a
page and in the API, in the reader's language (docs/security.md)."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from django.db import connection
from django.test import Client
from rest_framework.test import APIClient

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="PostgreSQL cannot make the test's own open transaction read-only; "
    "its message is checked in test_other_errors_stay_server_errors",
)


@contextmanager
def read_only():
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA query_only = ON")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA query_only = OFF")


@sqlite_only
def test_signing_in_on_a_read_only_database_says_so(admin_user):
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="fr")
    with read_only():
        response = client.post(
            "/admin/login/",
            {"username": "root", "password": "a long test password 1"},
        )
    assert response.status_code == 503
    assert response["Retry-After"] == "300"
    page = response.content.decode()
    assert 'lang="fr"' in page and "Rien n’a été enregistré" in page


@sqlite_only
def test_an_api_write_on_a_read_only_database_says_so(admin_user):
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(admin_user)
    with read_only():
        response = client.post(
            "/api/organisations/",
            {"key": "READ-ONLY-TEST", "names": {"en": "A new one"}, "category": "ngo"},
            format="json",
        )
    assert response.status_code == 503
    assert "Nothing was saved" in response.json()["detail"]


def test_other_errors_stay_server_errors():
    from django.db import OperationalError

    from partnerships.ops.errors import is_read_only

    assert is_read_only(OperationalError("attempt to write a readonly database"))
    assert is_read_only(
        OperationalError("cannot execute INSERT in a read-only transaction")
    )
    assert not is_read_only(OperationalError("database is locked"))
    assert not is_read_only(ValueError("read-only"))
