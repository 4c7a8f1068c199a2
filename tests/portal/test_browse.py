"""The engagement list, its filters, and the pages of a country, theme and target."""

from __future__ import annotations

import pytest

from partnerships.cooperation.models import Engagement, Place

pytestmark = pytest.mark.django_db

PUBLIC = {"is_published": True, "is_confidential": False, "deleted_at__isnull": True}


def _keys(response) -> set[str]:
    return {e.key for e in response.context["rows"]}


def _every_page(client, params: dict) -> set[str]:
    """The keys of every page of the list with `params`."""
    found: set[str] = set()
    page = 1
    while True:
        response = client.get("/engagements/", {**params, "page": page})
        found |= _keys(response)
        if not response.context["has_next"]:
            return found
        page += 1


def test_the_list_pages_every_visible_engagement(client):
    first = client.get("/engagements/")
    assert len(first.context["rows"]) == 25
    assert first.context["has_next"]
    second = client.get("/engagements/", {"page": 2})
    assert not _keys(first) & _keys(second)
    assert 'rel="next" href="?page=2"' in first.content.decode()


@pytest.mark.parametrize(
    ("params", "lookup"),
    [
        ({"kind": "agreement"}, {"kind": "agreement"}),
        ({"status": "completed"}, {"status": "completed"}),
        ({"year": "2018"}, {"start_date__year": 2018}),
        ({"year": "undated"}, {"start_date__isnull": True}),
        ({"role": "funder"}, {"participations__role": "funder"}),
        ({"country": "KE"}, {"places__country_id": "KE"}),
    ],
)
def test_each_filter_lists_exactly_the_matching_engagements(client, params, lookup):
    expected = set(
        Engagement.objects.filter(**PUBLIC, **lookup).values_list("key", flat=True)
    )
    assert expected
    assert _every_page(client, params) == expected


def test_a_filter_in_use_shows_as_a_chip_that_removes_it(client):
    page = client.get("/engagements/", {"kind": "agreement", "year": "2018"})
    html = page.content.decode()
    assert 'href="?year=2018"' in html
    assert 'href="?kind=agreement"' in html


def test_an_invalid_filter_is_dropped(client):
    response = client.get("/engagements/", {"kind": "nonsense"})
    assert response.status_code == 200
    assert len(response.context["rows"]) == 25


def test_a_country_page_summarises_and_links_to_its_list(client):
    keys = set(
        Place.objects.filter(
            country_id="KE",
            engagement__is_published=True,
            engagement__is_confidential=False,
        ).values_list("engagement__key", flat=True)
    )
    response = client.get("/countries/KE/")
    topic = response.context["topic"]
    assert topic.count == len(keys)
    assert 'href="/engagements/?country=KE"' in response.content.decode()
    years = [y["year"] for y in topic.years]
    assert years == list(range(years[0], years[-1] + 1))


def test_a_theme_and_a_target_page_answer(client):
    engagement = Engagement.objects.filter(**PUBLIC, themes__isnull=False).first()
    theme = engagement.themes.first()
    page = client.get(f"/themes/{theme.code}/")
    assert page.status_code == 200
    assert f"/engagements/?theme={theme.code}" in page.content.decode()
    target = Engagement.objects.filter(**PUBLIC, sdg_targets__isnull=False).first()
    code = target.sdg_targets.first().code
    page = client.get(f"/sdg-targets/{code}/")
    assert page.context["topic"].count >= 1
    assert client.get("/countries/XX/").status_code == 404


def test_a_hidden_engagement_is_not_listed(client, records):
    found = client.get("/engagements/", {"q": "zebrafinch"})
    assert _keys(found) == {"matrix-published"}


def _expected_partners(country: str) -> list[tuple[str, int]]:
    """The visible organisations in most of the country's public engagements,
    counted the plain way (every participation's organisation tested first)."""
    from django.db.models import Count

    from partnerships.cooperation.models import Participation

    rows = (
        Participation.objects.filter(
            engagement__places__country_id=country,
            engagement__is_published=True,
            engagement__is_confidential=False,
            engagement__deleted_at__isnull=True,
            organisation__is_published=True,
            organisation__deleted_at__isnull=True,
        )
        .values("organisation__key", "organisation_id")
        .annotate(n=Count("engagement_id", distinct=True))
        .order_by("-n", "organisation_id")[:10]
    )
    return [(row["organisation__key"], row["n"]) for row in rows]


def _shown_partners(client, country: str) -> list[tuple[str, int]]:
    topic = client.get(f"/countries/{country}/").context["topic"]
    return [(org.key, n) for org, n in topic.partners]


def test_a_country_page_lists_its_most_frequent_visible_partners(client):
    from django.core.cache import cache

    from partnerships.registry.models import Organisation

    expected = _expected_partners("KE")
    assert len(expected) >= 3
    assert _shown_partners(client, "KE") == expected
    # The most frequent ones hidden: the page counts on past them (the partners
    # are counted first and the visible kept, so hiding the top must not leave
    # the list short).
    hidden = [key for key, _n in expected[:3]]
    Organisation.objects.filter(key__in=hidden).update(is_published=False)
    cache.clear()
    after = _shown_partners(client, "KE")
    assert not {key for key, _n in after} & set(hidden)
    assert after == _expected_partners("KE")


def test_a_common_start_year_lists_the_same_engagements(client, monkeypatch):
    """On SQLite a year with many engagements is read newest first with its date
    compared as text (`browse._of_year`); every year counts as common here."""
    from partnerships.portal import browse

    monkeypatch.setattr(browse, "COMMON", 1)
    expected = set(
        Engagement.objects.filter(**PUBLIC, start_date__year=2018).values_list(
            "key", flat=True
        )
    )
    assert expected
    assert _every_page(client, {"year": "2018"}) == expected


@pytest.mark.parametrize("common", [1, 10**9])
def test_a_region_lists_the_same_engagements_walked_or_listed(
    client, monkeypatch, common
):
    """On SQLite a region with many places is read newest first, each engagement
    tested for a place there (`browse._common_region`); a rare one lists its
    places first. Both ways: every region common, then none."""
    from partnerships.portal import browse
    from partnerships.reference.regions import with_subregions

    monkeypatch.setattr(browse, "COMMON", common)
    expected = set(
        Engagement.objects.filter(
            **PUBLIC, places__country__un_subregion__in=with_subregions("002")
        ).values_list("key", flat=True)
    )
    assert expected
    assert _every_page(client, {"region": "002"}) == expected
