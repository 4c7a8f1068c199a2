"""The API tests' cast of users and records in each state of publication."""

import pytest
from django.core.cache import cache

from tests.api.conftest import records  # noqa: F401


@pytest.fixture(autouse=True)
def fresh_cache():
    """Public figures are cached; each test starts without them."""
    cache.clear()
    yield
    cache.clear()
