"""No lost updates: a stale write is refused and changes nothing."""

import pytest

from partnerships.cooperation.models import Engagement

pytestmark = pytest.mark.django_db
URL = "/api/engagements/matrix-published/"


def test_the_etag_is_the_version_and_a_matching_if_none_match_gives_304(
    records, client_for
):
    client = client_for("administrator")
    first = client.get(URL)
    assert first["ETag"] == f'"v{records["published"].version}"'
    again = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_of_two_writers_holding_the_same_version_the_second_gets_412(
    records, client_for
):
    alice, bob = client_for("administrator"), client_for("editor-africa")
    etag = alice.get(URL)["ETag"]
    assert bob.get(URL)["ETag"] == etag
    won = alice.patch(
        URL, {"title": {"en": "Alice's title"}}, format="json", HTTP_IF_MATCH=etag
    )
    assert won.status_code == 200
    assert won["ETag"] != etag
    lost = bob.patch(
        URL, {"title": {"en": "Bob's title"}}, format="json", HTTP_IF_MATCH=etag
    )
    assert lost.status_code == 412
    assert "changed by someone else" in lost.json()["detail"]
    assert lost["ETag"] == won["ETag"]
    assert Engagement.objects.get(key="matrix-published").title_en == "Alice's title"


def test_a_write_without_if_match_is_refused_with_428(records, client_for):
    response = client_for("administrator").patch(
        URL, {"status": "ongoing"}, format="json"
    )
    assert response.status_code == 428
    assert Engagement.objects.get(key="matrix-published").status == "unknown"


def test_a_stale_delete_is_refused_too(records, client_for):
    client = client_for("administrator")
    etag = client.get(URL)["ETag"]
    client.patch(URL, {"status": "ongoing"}, format="json", HTTP_IF_MATCH=etag)
    assert client.delete(URL, HTTP_IF_MATCH=etag).status_code == 412
    assert Engagement.objects.get(key="matrix-published").deleted_at is None


def test_the_back_office_refuses_a_stale_form(records, admin_client):
    engagement = records["published"]
    url = f"/admin/cooperation/engagement/{engagement.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {
        k: v
        for k, v in form.initial.items()
        if v is not None and not isinstance(v, list)
    }
    Engagement.objects.filter(pk=engagement.pk).update(version=engagement.version + 1)
    data.update(
        {
            "title_en": "from a stale form",
            "places-TOTAL_FORMS": 0,
            "places-INITIAL_FORMS": 0,
            "participations-TOTAL_FORMS": 0,
            "participations-INITIAL_FORMS": 0,
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Someone else changed this record" in response.content.decode()
    assert Engagement.objects.get(pk=engagement.pk).title_en != "from a stale form"
