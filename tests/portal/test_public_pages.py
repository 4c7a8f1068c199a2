"""The public reading pages, read by an anonymous visitor."""

from __future__ import annotations

import pytest

from partnerships.cooperation.models import Engagement
from partnerships.registry.models import Organisation

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_the_key_figures_of_the_latest_period(client):
    page = client.get("/").content.decode()
    assert "2017–2018" in page
    assert "HSP/HA/1/2/Add.2" in page


def test_the_key_figures_count_what_the_report_of_the_period_tells():
    """Undated engagements reported for the period count, as in the periodic report."""
    from partnerships.core.actor import ANONYMOUS
    from partnerships.portal.figures import key_figures
    from partnerships.reports.demo import seed_report
    from partnerships.reports.snapshot import collect

    figures = key_figures(ANONYMOUS)
    assert figures["engagements"] == len(
        collect(seed_report(), ANONYMOUS)["engagements"]
    )
    assert figures["engagements"] == 191


@pytest.mark.parametrize(
    ("query", "key"), [("开发署", "UNDP"), ("人居署", "UN-Habitat"), ("UNDP", "UNDP")]
)
def test_a_search_by_any_name_finds_the_organisation(client, query, key):
    page = client.get("/search/", {"q": query}).content.decode()
    assert f'href="/organisations/{key}/"' in page


def test_a_search_finds_passages_and_groups_results_by_type(client):
    page = client.get("/search/", {"q": "人居署"}).content.decode()
    assert 'id="r-orgs"' in page
    assert 'id="r-pass"' in page
    assert "/documents/HSP/HA/1/2/Add.2/#p" in page


def test_an_htmx_search_gets_the_results_alone(client):
    response = client.get("/search/", {"q": "UNDP"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert "<html" not in page
    assert 'href="/organisations/UNDP/"' in page


def test_the_directory_filters_by_category(client):
    page = client.get("/organisations/", {"category": "fund_programme"})
    rows = page.context["rows"]
    assert rows
    assert {org.category for org in rows} == {"fund_programme"}


def test_the_directory_sorts_and_pages(client):
    first = client.get("/organisations/", {"sort": "key"}).context
    second = client.get("/organisations/", {"sort": "key", "page": 2}).context
    keys = [org.key for org in first["rows"]] + [org.key for org in second["rows"]]
    assert keys == sorted(keys)
    assert first["has_next"]
    assert not set(org.key for org in first["rows"]) & {o.key for o in second["rows"]}


def test_the_directory_filters_by_role_kind_and_period(client):
    rows = client.get(
        "/organisations/", {"role": "funder", "year_from": 2017, "year_to": 2018}
    ).context["rows"]
    assert rows
    for org in rows:
        assert org.participations.filter(role="funder").exists()


def test_a_bad_filter_value_is_named_and_changes_nothing(client):
    response = client.get("/organisations/", {"year_from": "soon"})
    assert response.status_code == 200
    assert "Enter a whole number." in response.content.decode()


def test_the_profile_shows_names_engagements_partners_and_sources(client):
    page = client.get("/organisations/UNDP/").content.decode()
    assert "开发署" in page
    assert "United Nations Development Programme" in page
    assert 'id="h-timeline"' in page
    assert "/engagements/" in page
    assert "/documents/HSP/HA/1/2/Add.2/#p" in page


def test_the_engagement_page_quotes_its_evidence_with_a_link(client):
    engagement = Engagement.objects.filter(evidence__isnull=False).first()
    page = client.get(f"/engagements/{engagement.key}/").content.decode()
    assert "<blockquote" in page
    assert "/documents/HSP/HA/1/2/Add.2/#p" in page
    for part in engagement.participations.all():
        assert f"/organisations/{part.organisation.key}/" in page


def test_the_document_page_lists_passages_in_order_with_their_facts(client):
    response = client.get("/documents/HSP/HA/1/2/Add.2/")
    numbers = [p.number for p in response.context["passages"]]
    assert numbers == sorted(numbers)
    assert any(p.facts for p in response.context["passages"])


def test_unknown_records_are_not_found(client):
    assert client.get("/organisations/NO-SUCH-ORG/").status_code == 404
    assert client.get("/engagements/no-such/").status_code == 404
    assert client.get("/documents/NO/SUCH/").status_code == 404


def test_the_dashboards_page_carries_its_figures_as_tables(client):
    page = client.get("/dashboards/").content.decode()
    assert 'id="country-list"' in page
    assert "<table" in page
    data = client.get("/dashboards/countries.json").json()
    assert any(c["code"] == "KE" and c["numeric"] == "404" for c in data["countries"])


def test_the_network_links_organisations_that_share_engagements(client):
    data = client.get("/organisations/UNDP/network.json").json()
    keys = {node["key"] for node in data["nodes"]}
    assert "UNDP" in keys
    assert data["edges"]
    undp = Organisation.objects.get(key="UNDP").pk
    assert any(undp in (e["source"], e["target"]) for e in data["edges"])


def test_the_trivial_page_answers(client):
    assert client.get("/ping/").content == b"ok"


def test_searching_an_organisations_name_lists_its_engagements(client):
    undp = Organisation.objects.get(key="UNDP")
    found = client.get("/search/", {"q": "开发署"}).context["results"].engagements
    assert found.items
    for engagement in found.items:
        assert engagement.participations.filter(organisation=undp).exists()


def test_a_word_of_a_title_finds_the_engagement(client):
    engagement = Engagement.objects.get(key="p002-quadrennial-report-nua")
    found = client.get("/search/", {"q": "quadrennial"}).context["results"].engagements
    assert engagement in found.items


def test_a_search_by_identifier_finds_the_organisation(client):
    identifier = Organisation.objects.get(key="UNDP").identifiers.first()
    page = client.get("/search/", {"q": identifier.value}).content.decode()
    assert 'href="/organisations/UNDP/"' in page
