"""The stakeholder staff forms choose organisations with the staff pickers: the
field suggests organisations by name and keeps the chosen one's key."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from partnerships.stakeholders.services.bodies import body_create
from tests.factories import TESTER, organisation


def _pickers(page: str) -> dict[str, str]:
    """Each organisation picker of the page: its input's id -> the address its
    datalist asks for suggestions, checked to belong to that input."""
    found = {}
    for tag in re.findall(r'<input[^>]*data-pick="organisations"[^>]*>', page):
        field_id = re.search(r'id="([^"]+)"', tag).group(1)
        list_id = re.search(r'list="([^"]+)"', tag).group(1)
        assert list_id == f"dl-{field_id}"
        datalist = re.search(rf'<datalist id="{list_id}" hx-get="([^"]+)"', page)
        assert datalist, list_id
        found[field_id] = datalist.group(1)
    return found


@pytest.fixture
def body(db):
    return body_create(
        actor=TESTER,
        key="yab",
        name="Youth Advisory Board",
        kind="advisory_board",
        mandate="Advises on youth.",
    )


def test_the_body_page_picks_members_and_attendees_by_name(client, cast, body):
    client.force_login(cast["administrator"])
    page = client.get(reverse("stakeholders:body", args=["yab"])).content.decode()
    pickers = _pickers(page)
    assert "id_member-organisation" in pickers
    assert {f"id_meeting-attendees_{n}" for n in range(1, 9)} <= set(pickers)
    assert set(pickers.values()) == {
        reverse("portal:staff-pick", args=["organisations"])
    }
    # No field asks for a key any more.
    assert "(key" not in page


def test_a_name_typed_finds_the_key_the_form_then_takes(client, cast, body):
    youth = organisation(key="YOUTH-NET", en="Youth Network of the Pacific")
    client.force_login(cast["administrator"])
    options = client.get(
        reverse("portal:staff-pick", args=["organisations"]),
        {"member-organisation": "Youth Network"},
    ).content.decode()
    assert (
        f'<option value="{youth.key}">Youth Network of the Pacific</option>' in options
    )
    response = client.post(
        reverse("stakeholders:body", args=["yab"]),
        {
            "form": "member",
            "member-organisation": youth.key,
            "member-role": "member",
            "member-group": "children_youth",
        },
    )
    assert response.status_code == 302
    assert list(body.members.values_list("organisation__key", flat=True)) == [
        "YOUTH-NET"
    ]


@pytest.mark.parametrize(
    "url",
    [
        "stakeholders:bodies",
        "stakeholders:consultations-staff",
    ],
)
def test_the_other_staff_forms_pick_organisations_too(client, cast, url):
    client.force_login(cast["administrator"])
    page = client.get(reverse(url)).content.decode()
    assert _pickers(page)
    assert "(key" not in page
