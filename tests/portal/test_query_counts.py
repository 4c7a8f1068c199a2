"""No page's number of queries grows with the number of rows it shows."""

from __future__ import annotations

import pytest

from partnerships.cooperation.models import Engagement

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "params", "most"),
    [
        ("/organisations/", {}, 4),
        ("/organisations/", {"category": "ngo", "role": "partner", "page": 1}, 4),
        # Latin letters: four name columns, other names (equal, containing) and
        # identifiers asked one by one (each uses its own trigram index on
        # PostgreSQL), the visible ones, then a page and a capped count of
        # engagements and of passages.
        ("/search/", {"q": "UN"}, 12),
        ("/search/", {"q": "UNDP"}, 12),
        ("/search/", {"q": "开发署"}, 9),
        ("/search/", {"q": "habitat", "type": "engagements", "page": 2}, 10),
        # Nothing contains it: the close names are looked up (one query on
        # PostgreSQL per column; SQLite's word index is built once per process).
        ("/search/", {"q": "UN-Habiat"}, 20),
        # The summary: engagements, roles (the latest of each and the figures per
        # role in one windowed query), partners (the top and how many, one query),
        # countries and their names.
        ("/organisations/UN-Habitat/", {}, 11),
        ("/organisations/UNDP/", {}, 11),
        ("/documents/HSP/HA/1/2/Add.2/", {}, 3),
        ("/dashboards/", {}, 15),  # + money: lines, budgets, hand-entered, two flows
        ("/", {}, 6),
        # The filters' choices (countries, regions, themes, targets), then a page
        # and its places.
        ("/engagements/", {}, 6),
        ("/engagements/", {"kind": "agreement", "country": "KE", "page": 1}, 6),
        # + on SQLite the region's places counted (`browse._common_region`).
        ("/engagements/", {"region": "002", "theme": "housing"}, 8),
        ("/countries/KE/", {}, 9),
        ("/themes/housing/", {}, 9),
    ],
)
def test_a_page_takes_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, url, params, most
):
    with django_assert_max_num_queries(most):
        assert client.get(url, params).status_code == 200


def test_the_engagement_page_takes_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    busiest = max(
        Engagement.objects.filter(is_published=True, is_confidential=False),
        key=lambda e: e.participations.count(),
    )
    assert busiest.participations.count() > 5
    with django_assert_max_num_queries(8):
        assert client.get(f"/engagements/{busiest.key}/").status_code == 200


@pytest.mark.parametrize(
    ("url", "most"),
    [
        # A chunk of rows, then its places, participants, themes and targets.
        ("/download/engagements.csv", 6),
        # The directory form's choices validate the filters, then the rows.
        ("/download/organisations.xlsx", 4),
        ("/download/search.csv?q=habitat", 14),
    ],
)
def test_a_download_takes_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, url, most
):
    with django_assert_max_num_queries(most):
        response = client.get(url)
        assert b"".join(response.streaming_content)
