"""A cast for the token and login tests: an owner, a stranger, an administrator.

Passwords are left unusable (fast to make); the tests sign in with force_login.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from partnerships.accounts.models import Profile, Role, Scope
from partnerships.accounts.tokens import token_create

# The password tests/conftest.py gives `admin_user`.
PASSWORD = "a long test password 1"


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rate limits count in the cache; each test starts with none used.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def owner(db, django_user_model):
    return django_user_model.objects.create_user(username="owner")


@pytest.fixture
def stranger(db, django_user_model):
    return django_user_model.objects.create_user(username="stranger")


@pytest.fixture
def administrator(db, django_user_model):
    """An administrator by role, not a Django superuser."""
    user = django_user_model.objects.create_user(username="chief")
    Profile.objects.create(user=user, role=Role.ADMINISTRATOR)
    return user


@pytest.fixture
def read_token(owner):
    return token_create(user=owner, name="reader", scope=Scope.READ)


@pytest.fixture
def write_token(owner):
    return token_create(user=owner, name="writer", scope=Scope.WRITE)


@pytest.fixture
def api_client():
    return APIClient()
