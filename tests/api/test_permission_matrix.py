"""Who sees and changes what: every role x state x action, allowed and refused."""

import pytest

pytestmark = pytest.mark.django_db

STATES = ["published", "unpublished", "confidential", "confidential-asia"]
ROLES = [
    "anonymous",
    "no-role",
    "focal-point",
    "editor-africa",
    "editor-private",
    "administrator",
]

# Which engagements each role may see.
SEES = {
    "anonymous": {"published"},
    "no-role": {"published"},
    "focal-point": {"published", "unpublished", "confidential", "confidential-asia"},
    "editor-africa": {"published", "unpublished", "confidential"},
    "editor-private": {"published"},
    "administrator": set(STATES),
}
# Which of them each role may change.
EDITS = {
    "anonymous": set(),
    "no-role": set(),
    "focal-point": set(),
    "editor-africa": {"published", "unpublished", "confidential"},
    "editor-private": set(),
    "administrator": set(STATES),
}


def _keys(response):
    assert response.status_code == 200, response.content
    return {row["key"] for row in response.json()["results"]}


def _matrix_keys(keys):
    return {k.removeprefix("matrix-") for k in keys if k.startswith("matrix-")}


@pytest.mark.parametrize("role", ROLES)
def test_the_list_shows_exactly_what_the_role_may_see(role, records, client_for):
    keys = _keys(client_for(role).get("/api/engagements/", {"q": "zebrafinch"}))
    assert _matrix_keys(keys) == SEES[role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", STATES)
def test_the_detail_is_found_only_when_visible(role, state, records, client_for):
    response = client_for(role).get(f"/api/engagements/matrix-{state}/")
    assert response.status_code == (200 if state in SEES[role] else 404)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", STATES)
def test_a_change_is_accepted_only_when_allowed(role, state, records, client_for):
    engagement = records[state]
    response = client_for(role).patch(
        f"/api/engagements/matrix-{state}/",
        {"status": "ongoing", "reason": "matrix"},
        format="json",
        HTTP_IF_MATCH=f'"v{engagement.version}"',
    )
    if state in EDITS[role]:
        assert response.status_code == 200, response.content
        engagement.refresh_from_db()
        assert engagement.status == "ongoing"
    else:
        if role == "anonymous":
            expected = 401
        else:
            expected = 404 if state not in SEES[role] else 403
        assert response.status_code == expected
        engagement.refresh_from_db()
        assert engagement.status == "unknown"


@pytest.mark.parametrize("role", ROLES)
def test_csv_export_holds_only_what_the_role_may_see(role, records, client_for):
    response = client_for(role).get(
        "/api/engagements/", {"q": "zebrafinch", "format": "csv"}
    )
    assert response.status_code == 200
    text = response.content.decode("utf-8")
    for state in STATES:
        assert (f"matrix-{state}\r\n" in text or f"matrix-{state}," in text) == (
            state in SEES[role]
        ), state


@pytest.mark.parametrize("role", ROLES)
def test_the_count_counts_only_what_the_role_may_see(role, records, client_for):
    response = client_for(role).get("/api/engagements/count/", {"q": "zebrafinch"})
    assert response.status_code == 200
    assert response.json()["count"] == len(SEES[role])


@pytest.mark.parametrize("role", ROLES)
def test_lists_hanging_off_engagements_leak_nothing(role, records, client_for):
    client = client_for(role)
    participations = client.get("/api/participations/", {"organisation": "ITDP"}).json()
    seen = {p["engagement"] for p in participations["results"]}
    assert _matrix_keys(seen) == SEES[role]
    places = client.get("/api/places/", {"country": "KH"}).json()["results"]
    assert ("matrix-confidential-asia" in {p["engagement"] for p in places}) == (
        "confidential-asia" in SEES[role]
    )


@pytest.mark.parametrize("role", ROLES)
def test_an_expansion_shows_only_visible_participants(role, records, client_for):
    response = client_for(role).get(
        "/api/engagements/matrix-published/", {"expand": "participants"}
    )
    assert response.status_code == 200
    partners = {p["organisation"] for p in response.json()["participants"]}
    sees_hidden_org = role in {"editor-africa", "administrator"}
    assert ("MATRIX-HIDDEN-ORG" in partners) == sees_hidden_org
    assert "ITDP" in partners


@pytest.mark.parametrize("role", ROLES)
def test_an_unpublished_organisation_is_found_only_by_those_in_charge(
    role, records, client_for
):
    response = client_for(role).get("/api/organisations/", {"q": "zebrafinch"})
    keys = {row["key"] for row in response.json()["results"]}
    assert ("MATRIX-HIDDEN-ORG" in keys) == (role in {"editor-africa", "administrator"})


def test_a_focal_point_edits_its_own_organisation_but_not_its_category(
    cast, records, client_for
):
    client = client_for("focal-point")
    version = client.get("/api/organisations/ITDP/").json()["version"]
    ok = client.patch(
        "/api/organisations/ITDP/",
        {"website": "https://www.itdp.org/"},
        format="json",
        HTTP_IF_MATCH=f'"v{version}"',
    )
    assert ok.status_code == 200, ok.content
    refused = client.patch(
        "/api/organisations/ITDP/",
        {"category": "academia"},
        format="json",
        HTTP_IF_MATCH=f'"v{version + 1}"',
    )
    assert refused.status_code == 400
    other = client.get("/api/organisations/UNDP/").json()["version"]
    assert (
        client.patch(
            "/api/organisations/UNDP/",
            {"website": "https://example.org/"},
            format="json",
            HTTP_IF_MATCH=f'"v{other}"',
        ).status_code
        == 403
    )


def test_a_focal_point_proposes_and_an_editor_approves(cast, records, client_for):
    engagement = records["confidential"]
    proposal = client_for("focal-point").post(
        f"/api/engagements/{engagement.key}/proposals/",
        {"status": "completed", "reason": "signed last week"},
        format="json",
    )
    assert proposal.status_code == 201, proposal.content
    assert engagement.__class__.objects.get(pk=engagement.pk).status == "unknown"
    # The other editor has no charge of Kenya: refused.
    assert (
        client_for("editor-private")
        .post(f"/api/proposals/{proposal.json()['id']}/approve/", {}, format="json")
        .status_code
        == 404
    )
    approved = client_for("editor-africa").post(
        f"/api/proposals/{proposal.json()['id']}/approve/",
        {"note": "ok"},
        format="json",
    )
    assert approved.status_code == 200, approved.content
    engagement.refresh_from_db()
    assert engagement.status == "completed"
    last = engagement.history.first()
    assert last.history_user.username == "editor-af"
    assert "approved" in last.history_change_reason


def test_a_focal_point_cannot_propose_on_an_engagement_it_is_not_in(cast, client_for):
    response = client_for("focal-point").post(
        "/api/engagements/p040-psup/proposals/", {"status": "completed"}, format="json"
    )
    assert response.status_code == 403
