"""The public's cached figures are dropped as soon as anything they count changes
(issue 16, item 2: an unpublished organisation stayed on the dashboard for five
minutes)."""

from __future__ import annotations

import pytest

from partnerships.cooperation.bulk import engagements_bulk_write
from partnerships.core.actor import ANONYMOUS, system_actor
from partnerships.portal.figures import cached_for
from partnerships.registry.models import Organisation
from partnerships.registry.services import organisation_update

pytestmark = pytest.mark.django_db


def _counting():
    calls = []

    def compute():
        calls.append(1)
        return Organisation.objects.filter(is_published=True).count()

    return calls, compute


def test_unpublishing_an_organisation_drops_the_cached_figures():
    calls, compute = _counting()
    before = cached_for(ANONYMOUS, "cache-test", compute)
    assert cached_for(ANONYMOUS, "cache-test", compute) == before
    assert len(calls) == 1
    org = Organisation.objects.get(key="ITDP")
    organisation_update(
        actor=system_actor("tests"),
        organisation=org,
        expected_version=org.version,
        changes={"is_published": False},
        reason="unpublished",
    )
    assert cached_for(ANONYMOUS, "cache-test", compute) == before - 1
    assert len(calls) == 2


def test_a_bulk_write_drops_them_too():
    calls, compute = _counting()
    cached_for(ANONYMOUS, "cache-test-bulk", compute)
    engagements_bulk_write(
        actor=system_actor("tests"),
        new=[{"key": "bulk-cache-test", "kind": "project", "title_en": "Bulk"}],
        reason="bulk",
    )
    cached_for(ANONYMOUS, "cache-test-bulk", compute)
    assert len(calls) == 2
