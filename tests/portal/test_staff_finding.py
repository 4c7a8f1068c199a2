"""Editing without knowing keys: search, pickers, reasons, history in words."""

from __future__ import annotations

import re

import pytest

from partnerships.cooperation.models import Engagement
from tests.portal.test_staff_pages import client_as

pytestmark = pytest.mark.django_db


def test_staff_find_a_record_to_edit_by_any_name(cast):
    page = client_as(cast["administrator"]).get("/staff/", {"q": "开发署"})
    html = page.content.decode()
    assert 'href="/staff/organisations/UNDP/"' in html
    assert page.context["found"].engagements.items


def test_staff_see_unpublished_records_in_their_search(records, cast):
    page = client_as(cast["administrator"]).get("/staff/", {"q": "zebrafinch"})
    keys = {e.key for e in page.context["found"].engagements.items}
    assert "matrix-unpublished" in keys


@pytest.mark.parametrize(
    ("what", "typed", "value"),
    [
        ("organisations", "Development Programme", "UNDP"),
        ("organisations", "人居署", "UN-Habitat"),
        ("countries", "Keny", "KE"),
        ("documents", "HSP/HA", "HSP/HA/1/2/Add.2"),
    ],
)
def test_a_picker_suggests_records_by_name(cast, what, typed, value):
    page = client_as(cast["administrator"]).get(
        f"/staff/pick/{what}/", {"organisation": typed}, HTTP_HX_REQUEST="true"
    )
    assert f'<option value="{value}">' in page.content.decode()


def test_the_forms_carry_their_pickers(cast):
    e = Engagement.objects.filter(is_published=True).first()
    page = client_as(cast["administrator"]).get(f"/staff/engagements/{e.key}/")
    html = page.content.decode()
    # The participant form's ids carry its name (the forms share field names).
    assert 'list="dl-participant_organisation"' in html
    assert (
        '<datalist id="dl-participant_organisation" '
        'hx-get="/staff/pick/organisations/"' in html
    )
    assert 'list="dl-place_country"' in html
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "an element id twice"
    assert "(key)" not in html


def test_a_change_without_a_reason_is_refused(records, cast):
    engagement = records["published"]
    response = client_as(cast["administrator"]).post(
        f"/staff/engagements/{engagement.key}/",
        {
            "key": engagement.key,
            "version": engagement.version,
            "kind": "agreement",
            "status": "unknown",
            "title_en": "No reason given",
        },
    )
    assert response.status_code == 200
    engagement.refresh_from_db()
    assert engagement.title_en != "No reason given"


def test_the_history_reads_in_words(records, cast):
    admin = client_as(cast["administrator"])
    engagement = records["published"]
    admin.post(
        f"/staff/engagements/{engagement.key}/",
        {
            "key": engagement.key,
            "version": engagement.version,
            "kind": "project",
            "status": "ongoing",
            "title_en": engagement.title_en,
            "title_zh": "新标题",
            "is_published": "on",
            "reason": "checked with the office",
        },
    )
    page = admin.get(f"/staff/engagement/{engagement.key}/history/")
    html = page.content.decode()
    assert "project or programme" in html
    assert "Title (中文)" in html
    assert "<code>kind</code>" not in html
    assert "changed" in html


def test_a_set_of_themes_in_the_history_reads_as_its_codes():
    from partnerships.portal.history_words import _value

    rows = [
        {"engagement": 7, "theme": "housing"},
        {"engagement": 7, "theme": "land"},
    ]
    assert _value(None, rows) == "housing, land"
    assert _value(None, []) == "—"
