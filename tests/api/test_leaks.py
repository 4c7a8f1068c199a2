"""Nothing revealed: the API answers as if a record the reader may not see did not
exist — in filters, counts, references and history (issue 16, item 2)."""

from __future__ import annotations

import pytest

from partnerships.cooperation.models import Engagement
from partnerships.cooperation.services import engagement_update
from partnerships.core.actor import system_actor
from partnerships.registry.models import Identifier, Organisation, OrganisationName
from tests import factories

pytestmark = pytest.mark.django_db
HIDDEN = "MATRIX-HIDDEN-ORG"


def _count(client, path: str) -> int:
    response = client.get(path)
    assert response.status_code == 200, response.content
    return response.json()["count"]


@pytest.mark.parametrize(
    "query",
    [
        f"organisation={HIDDEN}",
        f"organisation={HIDDEN}&role=funder",
        "q=hidden organisation zebrafinch",
    ],
)
def test_an_unpublished_organisation_filters_like_an_unknown_one(
    records, client_for, query
):
    public = client_for("anonymous")
    hidden = _count(public, f"/api/engagements/count/?{query}")
    unknown = _count(
        public, f"/api/engagements/count/?{query.replace(HIDDEN, 'NO-SUCH-ORG')}"
    )
    unknown = unknown if "q=" not in query else 0
    assert hidden == unknown == 0
    # Who may see the organisation finds the engagement by it.
    admin = client_for("administrator")
    assert _count(admin, f"/api/engagements/count/?{query}") == 1


@pytest.mark.parametrize("query", ["ZBFNCH", "XM-ZEBRA-0042"])
def test_an_unpublished_organisation_is_not_found_by_its_acronym_or_identifier(
    records, client_for, query
):
    hidden = records["hidden-org"]
    OrganisationName.objects.create(
        organisation=hidden, kind="acronym", lang="en", value="ZBFNCH"
    )
    Identifier.objects.create(organisation=hidden, scheme="IATI", value="XM-ZEBRA-0042")
    path = f"/api/engagements/count/?q={query}"
    assert _count(client_for("anonymous"), path) == 0
    assert _count(client_for("administrator"), path) == 1


def test_category_counts_leave_out_an_unpublished_partner(records, client_for):
    lonely = factories.organisation(category="academia", country="KE")
    Organisation.objects.filter(pk=lonely.pk).update(is_published=False)
    factories.engagement(countries=("KE",), participants=((lonely, "partner"),))
    public, admin = client_for("anonymous"), client_for("administrator")
    path = "/api/engagements/count/?category=academia"
    assert _count(admin, path) == _count(public, path) + 1


def test_parent_never_names_a_confidential_or_deleted_record(records, client_for):
    child = factories.engagement()
    engagement_update(
        actor=system_actor("tests"),
        engagement=child,
        expected_version=child.version,
        changes={"parent": records["confidential"].key},
        reason="attack",
    )
    parent_org = factories.organisation()
    child_org = factories.organisation()
    Organisation.objects.filter(pk=child_org.pk).update(parent=records["hidden-org"])
    Organisation.objects.filter(pk=parent_org.pk).update(is_published=False)
    public = client_for("anonymous")
    assert public.get(f"/api/engagements/{child.key}/").json()["parent"] is None
    listed = public.get(f"/api/engagements/?q={child.key}").json()["results"]
    assert [e["parent"] for e in listed] == [None]
    assert public.get(f"/api/organisations/{child_org.key}/").json()["parent"] is None
    admin = client_for("administrator")
    assert admin.get(f"/api/engagements/{child.key}/").json()["parent"] == (
        records["confidential"].key
    )
    Engagement.objects.filter(pk=records["confidential"].pk).update(
        deleted_at="2026-01-01T00:00:00Z"
    )
    assert admin.get(f"/api/engagements/{child.key}/").json()["parent"] is None


def _history(client, path: str) -> list[dict]:
    response = client.get(path)
    assert response.status_code == 200, response.content
    return response.json()


def test_public_history_shows_public_facts_only(records, client_for, cast):
    engagement = factories.engagement(is_confidential=True)
    actor = system_actor("tests")
    engagement = engagement_update(
        actor=actor,
        engagement=engagement,
        expected_version=engagement.version,
        changes={"title_en": "Secret title before publication"},
        reason="secret reason: USD 999 999 from a hidden donor",
    )
    engagement_update(
        actor=actor,
        engagement=engagement,
        expected_version=engagement.version,
        changes={"is_confidential": False, "title_en": "Public title"},
        reason="made public by a named staff member",
    )
    path = f"/api/engagements/{engagement.key}/history/"
    public = str(_history(client_for("anonymous"), path))
    assert "Secret title" not in public
    assert "secret reason" not in public
    assert "made public by" not in public
    assert "Public title" in public
    staff = str(_history(client_for("administrator"), path))
    assert "Secret title" in staff and "secret reason" in staff


def test_public_history_hides_who_changed_an_organisation(records, client_for, cast):
    org = Organisation.objects.get(key="ITDP")
    admin = client_for("administrator")
    etag = admin.get(f"/api/organisations/{org.key}/")["ETag"]
    changed = admin.patch(
        f"/api/organisations/{org.key}/",
        {"website": "https://example.org/itdp", "reason": "private staff note"},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert changed.status_code == 200, changed.content
    entries = _history(
        client_for("anonymous"), f"/api/organisations/{org.key}/history/"
    )
    assert entries and all(e["user"] is None and not e["reason"] for e in entries)
    assert "private staff note" not in str(entries)
    assert "https://example.org/itdp" in str(entries)
    staff = _history(admin, f"/api/organisations/{org.key}/history/")
    assert staff[0]["user"] == cast["administrator"].username
