"""Profiles, engagements, documents and dashboards a reader can take in."""

from __future__ import annotations

import re

import pytest

from partnerships.cooperation.models import Engagement, Role
from partnerships.portal.views.dashboards import pivot

pytestmark = pytest.mark.django_db


def test_names_are_labelled_by_the_name_of_their_language(client):
    page = client.get("/organisations/UNDP/").content.decode()
    assert "<dt>中文</dt>" in page
    assert "<dt>English</dt>" in page
    assert "<dt>zh</dt>" not in page
    assert "(en)</dt>" not in page


def test_the_profile_opens_with_a_summary_linking_to_its_lists(client):
    response = client.get("/organisations/UNDP/")
    profile = response.context["p"]
    assert profile.engagements == sum(1 for _ in _visible_of("UNDP"))
    page = response.content.decode()
    assert 'href="/engagements/?organisation=UNDP"' in page
    assert page.index('class="figures summary"') < page.index('id="h-timeline"')


def _visible_of(key):
    return Engagement.objects.filter(
        participations__organisation__key=key,
        is_published=True,
        is_confidential=False,
        deleted_at__isnull=True,
    ).distinct()


def test_roles_come_in_the_order_of_the_roles_not_of_the_alphabet(client):
    roles = [
        r.role for r in client.get("/organisations/UN-Habitat/").context["p"].roles
    ]
    assert len(roles) > 2
    assert roles == sorted(roles, key=Role.values.index)


def test_a_passage_is_quoted_once_in_a_profile(client):
    evidence = client.get("/organisations/UNDP/").context["p"].evidence
    passages = [q.passage.pk for q in evidence]
    assert len(passages) == len(set(passages))
    assert any(len(q.engagements) > 1 for q in evidence)


def test_dates_are_shown_as_precisely_as_they_are_known(client):
    engagement = Engagement.objects.filter(
        start_precision="month", is_published=True, is_confidential=False
    ).first()
    page = client.get(f"/engagements/{engagement.key}/").content.decode()
    assert engagement.start_date.strftime("%B %Y") in page
    undated = Engagement.objects.filter(
        start_date__isnull=True,
        end_date__isnull=True,
        is_published=True,
        is_confidential=False,
    ).first()
    page = client.get(f"/engagements/{undated.key}/").content.decode()
    assert "undated" in page
    assert "? –" not in page


def test_a_document_has_contents_and_each_engagement_once_a_paragraph(client):
    response = client.get("/documents/HSP/HA/1/2/Add.2/")
    page = response.content.decode()
    assert 'class="toc"' in page
    anchors = re.findall(r'<a href="#([cs]\d+)">', page)
    assert anchors
    assert all(f'id="{anchor}"' in page for anchor in anchors)
    for passage in response.context["passages"]:
        keys = [f.engagement.key for f in passage.engagement_facts]
        assert len(keys) == len(set(keys))


def test_the_dashboards_count_the_undated_and_link_to_them(client):
    response = client.get("/dashboards/")
    dating = response.context["dating"]
    assert dating["total"] == 191
    assert dating["undated"] > 0
    assert 'href="/engagements/?year=undated"' in response.content.decode()


def test_a_year_without_engagements_stays_on_the_axis():
    rows = [{"year": 2015, "value": "a", "n": 1}, {"year": 2018, "value": "a", "n": 2}]
    table = pivot(rows, {"a": "A"})
    assert [r["year"] for r in table["rows"]] == [2015, 2016, 2017, 2018]
    assert [r["cells"] for r in table["rows"]] == [[1], [0], [0], [2]]
