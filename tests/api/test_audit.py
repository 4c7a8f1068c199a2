"""Every write path leaves an audit record: who, when, what changed, why."""

import io
import json

import pytest
from django.core.management import call_command

from partnerships.cooperation.models import Engagement
from partnerships.registry.models import Organisation

pytestmark = pytest.mark.django_db


def test_an_api_change_is_recorded_with_user_reason_and_before_after(
    records, client_for
):
    client = client_for("editor-africa")
    url = "/api/engagements/matrix-unpublished/"
    etag = client.get(url)["ETag"]
    response = client.patch(
        url,
        {"status": "completed", "reason": "agreement signed"},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 200
    history = client.get(url + "history/").json()
    last = history[0]
    assert last["user"] == "editor-af"
    assert last["reason"] == "agreement signed"
    assert last["type"] == "changed"
    assert {"field": "status", "before": "unknown", "after": "completed"} in last[
        "changes"
    ]


def test_the_history_of_a_confidential_record_is_hidden_like_the_record(
    records, client_for
):
    response = client_for("anonymous").get(
        "/api/engagements/matrix-confidential/history/"
    )
    assert response.status_code == 404


def test_a_back_office_change_is_recorded(records, admin_client, admin_user):
    org = Organisation.objects.get(key="HUAWEI")
    url = f"/admin/registry/organisation/{org.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {
        k: v
        for k, v in form.initial.items()
        if v is not None and not isinstance(v, list)
    }
    data.update(
        {
            "website": "https://www.huawei.com/",
            "other_names-TOTAL_FORMS": 0,
            "other_names-INITIAL_FORMS": 0,
            "identifiers-TOTAL_FORMS": 0,
            "identifiers-INITIAL_FORMS": 0,
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    org.refresh_from_db()
    assert org.website == "https://www.huawei.com/"
    last = org.history.first()
    assert last.history_user == admin_user
    assert last.history_change_reason == "changed in the back office"
    assert org.version == form.initial["version"] + 1


def test_a_command_load_is_recorded_with_its_reason():
    record = Engagement.history.filter(key="p040-psup").last()
    assert record.history_type == "+"
    assert record.history_change_reason == "load-demo"


def test_an_import_of_a_dump_is_recorded(tmp_path):
    out = io.StringIO()
    call_command("dump", stdout=out)
    data = json.loads(out.getvalue())
    record = next(e for e in data["engagements"] if e["id"] == "p040-psup")
    record["status"] = "completed"
    path = tmp_path / "dump.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    call_command("load", str(path), stdout=io.StringIO())
    last = Engagement.history.filter(key="p040-psup").first()
    assert last.status == "completed"
    assert last.history_change_reason == "load"


def test_soft_delete_and_restore_are_recorded_and_reversible(records, client_for):
    admin = client_for("administrator")
    url = "/api/engagements/matrix-published/"
    etag = admin.get(url)["ETag"]
    assert (
        admin.delete(url + "?reason=duplicate", HTTP_IF_MATCH=etag).status_code == 204
    )
    assert admin.get(url).status_code == 404
    assert (
        client_for("anonymous")
        .get("/api/engagements/", {"q": "zebrafinch"})
        .json()["results"]
        == []
    )
    restored = admin.post(url + "restore/")
    assert restored.status_code == 200
    assert admin.get(url).status_code == 200
    reasons = [h.history_change_reason for h in records["published"].history.all()[:2]]
    assert reasons == ["restored", "duplicate"]


def test_only_administrators_restore(records, client_for):
    admin = client_for("administrator")
    url = "/api/engagements/matrix-unpublished/"
    admin.delete(url, HTTP_IF_MATCH=admin.get(url)["ETag"])
    assert client_for("editor-africa").post(url + "restore/").status_code == 404
