"""The back office writes only through the services (issue 16's attacks on it)."""

from __future__ import annotations

import pytest

from partnerships.cooperation.models import Contribution, Engagement
from partnerships.registry.models import Organisation
from partnerships.sources.models import Passage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def africa_editor(client, cast):
    user = cast["editor-africa"]
    user.is_staff = True
    user.save()
    client.force_login(user)
    return client


@pytest.fixture
def nepali():
    funder = factories.organisation()
    made = factories.engagement(countries=("NP",), participants=((funder, "funder"),))
    factories.money(made.participations.get(), "250000")
    return made


def test_an_editor_cannot_change_a_participant_money_or_place_in_the_back_office(
    africa_editor, nepali
):
    part = nepali.participations.get()
    money = Contribution.objects.get(participation=part)
    place = nepali.places.get()
    for url, data in [
        (f"/admin/cooperation/participation/{part.pk}/change/", {"role": "lead"}),
        (f"/admin/cooperation/contribution/{money.pk}/change/", {"amount": "999999"}),
        (f"/admin/cooperation/place/{place.pk}/change/", {"country": "KE"}),
        ("/admin/cooperation/place/add/", {"engagement": nepali.pk, "country": "KE"}),
    ]:
        response = africa_editor.post(url, data)
        assert response.status_code in (302, 403), url
    part.refresh_from_db()
    money.refresh_from_db()
    assert (part.role, money.amount) == ("funder", 250000)
    assert nepali.places.get().country_id == "NP"
    nepali.refresh_from_db()
    assert nepali.version == 1


def test_an_editor_cannot_add_a_participant_to_an_engagement_of_another_region(
    africa_editor, records
):
    hidden = records["confidential-asia"]
    before = list(hidden.participations.values_list("organisation__key", "role"))
    outsider = factories.organisation(country="KE")
    response = africa_editor.post(
        "/admin/cooperation/participation/add/",
        {"engagement": hidden.pk, "organisation": outsider.pk, "role": "funder"},
    )
    assert response.status_code in (302, 403)
    assert list(hidden.participations.values_list("organisation__key", "role")) == (
        before
    )
    api = africa_editor.get(f"/api/engagements/{hidden.key}/")
    assert api.status_code == 404
    hidden.refresh_from_db()
    assert (hidden.version, hidden.history.count()) == (1, 1)


def test_no_one_rewrites_a_passage_in_the_back_office(admin_client):
    passage = Passage.objects.filter(document__symbol="HSP/HA/1/2/Add.2").first()
    response = admin_client.post(
        f"/admin/sources/passage/{passage.pk}/change/", {"text": "rewritten"}
    )
    assert response.status_code == 403
    passage.refresh_from_db()
    assert passage.text != "rewritten"


def test_an_engagement_is_created_in_the_back_office_through_its_service(
    admin_client, admin_user
):
    response = admin_client.post(
        "/admin/cooperation/engagement/add/",
        {
            "key": "made-in-back-office",
            "kind": "event",
            "status": "unknown",
            "title_en": "A workshop",
            "version": "",
            "is_published": "on",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    made = Engagement.objects.get(key="made-in-back-office")
    record = made.history.get()
    assert (record.history_user, record.history_change_reason) == (
        admin_user,
        "created in the back office",
    )


def test_an_organisation_is_created_in_the_back_office_with_an_empty_version(
    admin_client, admin_user
):
    # A browser sends the hidden version field empty on the add page.
    response = admin_client.post(
        "/admin/registry/organisation/add/",
        {"key": "MADE-IN-BACK-OFFICE", "name_en": "A new body", "category": "ngo"}
        | {"version": "", "is_published": "on"},
    )
    assert response.status_code == 302, response.content[:2000]
    made = Organisation.objects.get(key="MADE-IN-BACK-OFFICE")
    assert (made.name_en, made.version) == ("A new body", 1)
    assert made.history.get().history_user == admin_user


def test_a_back_office_change_raises_the_version_and_writes_one_history_row(
    admin_client, nepali
):
    page = admin_client.get(f"/admin/cooperation/engagement/{nepali.pk}/change/")
    data = {
        key: value
        for key, value in page.context["adminform"].form.initial.items()
        if value not in (None, [])
    }
    data.update({"status": "ongoing", "version": nepali.version})
    for flag in ("is_published", "is_confidential"):
        data[flag] = "on" if data.get(flag) else ""
    response = admin_client.post(
        f"/admin/cooperation/engagement/{nepali.pk}/change/", data
    )
    assert response.status_code == 302, response.content[:3000]
    nepali.refresh_from_db()
    assert (nepali.status, nepali.version) == ("ongoing", 2)
    assert nepali.history.filter(history_type="~").count() == 1
