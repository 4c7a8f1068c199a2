"""One organisation is found by its acronym, its Chinese name and its short form."""

import pytest

from partnerships.registry.models import Organisation
from partnerships.registry.search import organisations_matching
from partnerships.registry.selectors import organisation_by_name

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("key", "names"),
    [
        (
            "UNDP",
            [
                "UNDP",
                "联合国开发计划署",
                "开发署",
                "United Nations Development Programme",
            ],
        ),
        ("UNEP", ["UNEP", "联合国环境规划署", "环境署"]),
        (
            "UN-Habitat",
            ["UN-Habitat", "联合国人类住区规划署", "人居署", "XM-DAC-41120"],
        ),
        ("UNODC", ["联合国毒品和犯罪问题办公室", "毒品和犯罪问题办公室"]),
        ("OCHA", ["人道主义事务协调厅", "人道协调厅"]),
        ("ITDP", ["运输与发展政策研究所", "交通和发展政策研究所"]),
    ],
)
def test_every_name_of_an_organisation_leads_to_the_same_record(key, names):
    expected = Organisation.objects.get(key=key)
    for name in names:
        assert organisation_by_name(name=name) == expected, name
        assert expected in organisations_matching(name), name


def test_the_seed_spelling_wins_and_the_reference_spelling_stays_findable():
    ocha = Organisation.objects.get(key="OCHA")
    assert ocha.name_zh == "人道主义事务协调厅"
    assert organisation_by_name(name="联合国人道主义事务协调厅") == ocha


def test_the_admin_search_finds_undp_by_its_chinese_short_form(admin_client):
    response = admin_client.get("/admin/registry/organisation/", {"q": "开发署"})
    assert response.status_code == 200
    keys = [org.key for org in response.context["cl"].result_list]
    assert "UNDP" in keys


def test_the_admin_needs_a_login(client, db):
    response = client.get("/admin/registry/organisation/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


ONE_SEARCH_QUERIES = [
    "开发署",
    "UNDP",
    "development programme",
    "XM-DAC-41120",
    "人居署",
]


@pytest.mark.parametrize("text", ONE_SEARCH_QUERIES)
def test_the_api_the_admin_and_the_portal_find_the_same_organisations(
    client, admin_client, text
):
    """One search (registry/search.py): the API's `q` filter, the back office's
    search box and the portal's search answer a query with the same records."""
    public = set(
        organisations_matching(text)
        .filter(is_published=True, deleted_at__isnull=True)
        .values_list("key", flat=True)
    )
    assert public, text
    api = client.get("/api/organisations/", {"q": text, "page_size": 500}).json()
    assert {row["key"] for row in api["results"]} == public
    portal = client.get("/search/", {"q": text, "type": "organisations"})
    listed = {f.organisation.key for f in portal.context["results"].organisations.items}
    assert listed == public
    admin = admin_client.get("/admin/registry/organisation/", {"q": text})
    assert {o.key for o in admin.context["cl"].result_list} == set(
        organisations_matching(text).values_list("key", flat=True)
    )
