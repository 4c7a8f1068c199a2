"""The dashboards reveal nothing (issue 16, item 2): the counts by partner
category follow only the organisations the reader may see. Written as the
attack: an unpublished organisation, the only partner of a published engagement
of a year of its own, must not show in the public counts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from partnerships.cooperation.models import Engagement, Participation
from partnerships.core.actor import ANONYMOUS, system_actor
from partnerships.portal import figures
from partnerships.registry.categories import Category
from partnerships.registry.models import Organisation

pytestmark = pytest.mark.django_db
YEAR = 1991


def _expected(published_only: bool) -> dict[tuple[int, str], int]:
    """Engagements per start year and partner category, read plainly: public
    engagements, and partners that are live (and published, for the public)."""
    engagements = defaultdict(set)
    for part in Participation.objects.select_related("engagement", "organisation"):
        eng, org = part.engagement, part.organisation
        if not eng.start_date or org.deleted_at or eng.deleted_at:
            continue
        if published_only and not (
            eng.is_published and not eng.is_confidential and org.is_published
        ):
            continue
        engagements[(eng.start_date.year, org.category)].add(eng.pk)
    return {key: len(found) for key, found in engagements.items()}


def _counted(actor) -> dict[tuple[int, str], int]:
    return {
        (row["year"], row["value"]): row["n"]
        for row in figures.by_year(actor, "category")
    }


@pytest.fixture
def hidden_partner():
    # A year of its own: whatever its category, the hidden partner alone makes it.
    assert not Engagement.objects.filter(start_date__year=YEAR).exists()
    hidden = Organisation.objects.create(
        key="FIGURES-HIDDEN",
        category=Category.values[0],
        name_en="Hidden partner of the figures",
        is_published=False,
    )
    engagement = Engagement.objects.create(
        key="figures-public-1991",
        kind="agreement",
        title_en="A public engagement of 1991",
        start_date=dt.date(YEAR, 5, 1),
        start_precision="day",
        is_published=True,
    )
    Participation.objects.create(
        engagement=engagement, organisation=hidden, role="funder"
    )
    return hidden


def test_category_counts_leave_out_an_unpublished_partner(hidden_partner):
    counted = _counted(ANONYMOUS)
    assert (YEAR, hidden_partner.category) not in counted
    assert not any(year == YEAR for year, _ in counted)
    assert counted == _expected(published_only=True)


def test_an_administrator_counts_every_live_partner(hidden_partner):
    counted = _counted(system_actor("test"))
    assert counted[(YEAR, hidden_partner.category)] == 1
    assert counted == _expected(published_only=False)
