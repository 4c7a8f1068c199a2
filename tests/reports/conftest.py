from __future__ import annotations

import pytest

from partnerships.core.actor import ANONYMOUS
from partnerships.reports.demo import seed_report
from partnerships.reports.services import create_run


@pytest.fixture
def seed_run(db):
    return create_run(seed_report(), ANONYMOUS)


@pytest.fixture(scope="module")
def stored_snapshot(django_db_setup, django_db_blocker):
    """One public snapshot of the seed period, shared by the slow rendering tests."""
    with django_db_blocker.unblock():
        from partnerships.reports.snapshot import collect

        return collect(seed_report(), ANONYMOUS)
