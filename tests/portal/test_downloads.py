"""Every list as CSV and Excel, through the permission layer, streamed."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from partnerships.cooperation.models import Engagement
from partnerships.registry.models import Organisation

pytestmark = pytest.mark.django_db


def _csv(response) -> list[list[str]]:
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def _xlsx(response) -> list[tuple]:
    data = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(data), read_only=True).active
    return list(sheet.iter_rows(values_only=True))


def test_the_directory_downloads_with_its_filters(client):
    rows = _csv(client.get("/download/organisations.csv", {"category": "ngo"}))
    expected = Organisation.objects.filter(
        category="ngo", is_published=True, deleted_at__isnull=True
    ).count()
    assert rows[0][0] == "Key"
    assert len(rows) - 1 == expected


def test_the_engagement_list_downloads_as_csv_and_excel_alike(client):
    params = {"kind": "agreement", "page": 3}
    rows = _csv(client.get("/download/engagements.csv", params))
    sheet = _xlsx(client.get("/download/engagements.xlsx", params))
    expected = Engagement.objects.filter(
        kind="agreement",
        is_published=True,
        is_confidential=False,
        deleted_at__isnull=True,
    ).count()
    assert len(rows) - 1 == expected
    assert [r[0] for r in rows[1:]] == [r[0] for r in sheet[1:]]
    assert all(r[12 - 1].startswith("http://testserver/engagements/") for r in rows[1:])


def test_a_search_downloads_every_match_of_each_type(client):
    rows = _csv(client.get("/download/search.csv", {"q": "habitat"}))
    types = [r[0] for r in rows[1:]]
    page = client.get("/search/", {"q": "habitat"}).context["results"]
    assert types.count("Engagement") == page.engagements.count
    assert types.count("Organisation") == page.organisations.count
    assert rows[1][1] == "UN-Habitat"


def test_a_download_leaves_out_what_the_reader_may_not_see(client, records):
    rows = _csv(client.get("/download/engagements.csv", {"q": "zebrafinch"}))
    assert [r[0] for r in rows[1:]] == ["matrix-published"]
    rows = _csv(client.get("/download/search.csv", {"q": "zebrafinch"}))
    assert "MATRIX-HIDDEN-ORG" not in {r[1] for r in rows}


def test_text_that_looks_like_a_formula_stays_text(client):
    Organisation.objects.filter(key="UNDP").update(name_en="=HYPERLINK(1)")
    rows = _csv(client.get("/download/organisations.csv"))
    assert ["'=HYPERLINK(1)"] == [r[2] for r in rows if r[0] == "UNDP"]
    sheet = _xlsx(client.get("/download/organisations.xlsx"))
    assert ["=HYPERLINK(1)"] == [r[2] for r in sheet if r[0] == "UNDP"]


def test_each_list_links_to_its_downloads_and_the_api(client):
    page = client.get("/engagements/", {"kind": "agreement"}).content.decode()
    assert 'href="/download/engagements.csv?kind=agreement"' in page
    assert 'href="/api/docs/"' in page
    assert client.get("/download/nothing.csv").status_code == 404


def _activities(response) -> list:
    from lxml import etree

    assert response["Content-Type"] == "application/xml"
    data = b"".join(response.streaming_content)
    return etree.fromstring(data).findall("iati-activity")


def test_the_engagement_list_downloads_as_iati_with_its_filters(client, records):
    from partnerships.cooperation.visibility import engagements_visible_to
    from partnerships.core.actor import ANONYMOUS

    response = client.get("/download/engagements.xml", {"kind": "agreement"})
    activities = _activities(response)
    keys = {a.findtext("iati-identifier").split("-", 3)[-1] for a in activities}
    visible = set(
        engagements_visible_to(ANONYMOUS)
        .filter(kind="agreement")
        .values_list("key", flat=True)
    )
    assert activities and keys <= visible
    everything = _activities(client.get("/download/engagements.xml"))
    assert len(everything) > len(activities)
    page = client.get("/engagements/", {"kind": "agreement"}).content.decode()
    assert 'href="/download/engagements.xml?kind=agreement"' in page


def test_an_iati_download_of_nothing_says_so_and_hides_what_it_must(client, records):
    empty = client.get("/download/engagements.xml", {"q": "no such words at all"})
    assert empty.status_code == 404
    assert "IATI" in empty.content.decode()
    hidden = client.get("/download/engagements.xml", {"q": "zebrafinch"})
    if hidden.streaming:
        text = b"".join(hidden.streaming_content).decode()
    else:
        text = hidden.content.decode()
    for key in ("matrix-unpublished", "matrix-confidential", "MATRIX-HIDDEN-ORG"):
        assert key not in text
