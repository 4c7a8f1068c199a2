"""Shared fixtures: the seed report's data is loaded once into the test database.

Each test then runs in a transaction that is rolled back, so tests may change the
data freely without affecting one another.
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

SEED_SYMBOL = "HSP/HA/1/2/Add.2"


def pytest_configure(config):  # noqa: ANN001, ANN201
    from django.conf import settings

    # Hashing passwords slowly is the point in production and a waste in tests.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Tests render templates without running collectstatic first.
    settings.STATIC_ROOT = None
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # noqa: ANN001, ANN201
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def admin_user(db, django_user_model):  # noqa: ANN001, ANN201
    return django_user_model.objects.create_superuser(
        username="root", password="a long test password 1"
    )


@pytest.fixture
def admin_client(client, admin_user):  # noqa: ANN001, ANN201
    client.force_login(admin_user)
    return client
