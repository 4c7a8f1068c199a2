"""Shared fixtures: the seed report's data is loaded once into the test database.

Each test then runs in a transaction that is rolled back, so tests may change the
data freely without affecting one another.
"""

from __future__ import annotations

import io
import re
import sys

import pytest
from django.core.management import call_command

SEED_SYMBOL = "HSP/HA/1/2/Add.2"


# Tests that start a browser, render PDF or DOCX, call LibreOffice or read a whole
# report: marked `slow` so that `pytest -m "not slow"` gives a quick first answer.
# `make test` and CI run everything.
SLOW = (
    "tests/browser/",
    "tests/reports/test_documents.py",
    "tests/ingest/test_seed.py",
    "tests/ingest/test_evaluation.py",
    "tests/interop/test_iati_export.py",
    "tests/test_architecture.py",
    "tests/test_cli.py",
)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.nodeid.startswith(SLOW):
            item.add_marker(pytest.mark.slow)


def pytest_configure(config):
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


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Pages and figures are cached for the public, keyed by a data version that
    a rolled-back test does not roll back: each test starts with an empty cache."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="root", password="a long test password 1"
    )


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


# --- One write path --------------------------------------------------------------
# Every save or delete of a registry, cooperation or sources model must come from
# a services module of the domain apps (or curation, the cross-app operations):
# the nearest product frame under the write says which code asked for it.
# Test code may still arrange data directly.

_WRITERS = re.compile(
    r"^partnerships\.(?:(?:registry|cooperation|sources)\.(?:services|bulk)\b"
    r"|curation\.|core\.(?:versioned|upsert|bulk)$)"
)
_GUARDED_APPS = {"registry", "cooperation", "sources"}


def _caller_module() -> str:
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_globals.get("__name__", "")
        if name.startswith("partnerships.") and not name.startswith(
            ("partnerships.core.versioned", "partnerships.core.upsert")
        ):
            return name
        frame = frame.f_back
    return ""


def _guard(sender, **kwargs) -> None:
    if sender._meta.app_label not in _GUARDED_APPS:
        return
    module = _caller_module()
    if module and not _WRITERS.match(module):
        raise AssertionError(
            f"{module} wrote a {sender.__name__} directly; write through the "
            "domain app's services (docs/architecture.md)."
        )


@pytest.fixture(scope="session", autouse=True)
def _one_write_path():
    from django.db.models import signals

    for signal in (signals.pre_save, signals.pre_delete):
        signal.connect(_guard, dispatch_uid=f"one-write-path-{signal}")
    yield
    for signal in (signals.pre_save, signals.pre_delete):
        signal.disconnect(dispatch_uid=f"one-write-path-{signal}")


# --- A shared cast of users ----------------------------------------------------------


@pytest.fixture
def cast(db):
    """One user per kind of reader and writer (docs/permissions.md). The focal
    point speaks for ITDP, which takes part in engagements in Kenya and Egypt."""
    from partnerships.core.actor import Role
    from partnerships.registry.models import Organisation
    from tests.factories import user

    itdp = Organisation.objects.get(key="ITDP")
    return {
        "anonymous": None,
        "no-role": user("reader"),
        "focal-point": user("itdp-focal", role=Role.FOCAL_POINT, organisation=itdp),
        "editor-africa": user("editor-af", role=Role.EDITOR, regions=["002"]),
        "editor-private": user(
            "editor-ps", role=Role.EDITOR, categories=["private_sector"]
        ),
        "administrator": user("admin2", role=Role.ADMINISTRATOR),
    }
