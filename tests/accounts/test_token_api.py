"""The token endpoints under /api/tokens/ (partnerships.accounts.api)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from partnerships.accounts.models import ApiToken
from partnerships.accounts.tokens import token_authenticate

pytestmark = pytest.mark.urls("tests.accounts.urls")

LIST = "/api/tokens/"


def _revoke_url(prefix):
    return reverse("api-token-revoke", args=[prefix])


def test_a_signed_in_user_gets_the_secret_once(api_client, owner):
    api_client.force_login(owner)

    made = api_client.post(
        LIST, {"name": "ci", "scope": "write", "expires_in_days": 30}, format="json"
    )

    assert made.status_code == 201
    assert made["Cache-Control"] == "no-store"
    body = made.json()
    token = token_authenticate(body["secret"])
    assert token is not None
    assert (token.user, token.name, token.scope) == (owner, "ci", "write")
    listed = api_client.get(LIST).json()
    assert [row["prefix"] for row in listed] == [body["prefix"]]
    assert "secret" not in listed[0]
    assert "secret_hash" not in listed[0]
    assert token.secret_hash not in api_client.get(LIST).content.decode()


def test_a_token_expiring_after_a_year_is_refused(api_client, owner):
    api_client.force_login(owner)

    made = api_client.post(
        LIST, {"name": "forever", "expires_in_days": 366}, format="json"
    )

    assert made.status_code == 400
    assert "expires_in_days" in made.json()
    assert not ApiToken.objects.filter(user=owner).exists()


def test_a_token_cannot_mint_tokens(api_client, owner, write_token):
    made = api_client.post(
        LIST,
        {"name": "successor"},
        format="json",
        HTTP_AUTHORIZATION=f"Token {write_token[1]}",
    )

    assert made.status_code == 403
    assert ApiToken.objects.filter(user=owner).count() == 1


def test_a_user_lists_only_their_own_tokens(api_client, stranger, read_token):
    api_client.force_login(stranger)

    assert api_client.get(LIST).json() == []
    assert api_client.get(LIST, {"user": read_token[0].user_id}).status_code == 403


def test_an_administrator_may_list_another_users_tokens(
    api_client, administrator, read_token
):
    api_client.force_login(administrator)

    listed = api_client.get(LIST, {"user": read_token[0].user_id})

    assert listed.status_code == 200
    assert [row["prefix"] for row in listed.json()] == [read_token[0].prefix]


def test_token_creation_is_throttled(api_client, owner):
    allowed = int(
        settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["token"].split("/")[0]
    )
    api_client.force_login(owner)

    for n in range(allowed):
        made = api_client.post(LIST, {"name": f"t{n}"}, format="json")
        assert made.status_code == 201, made.content
    refused = api_client.post(LIST, {"name": "one too many"}, format="json")

    assert refused.status_code == 429
    assert ApiToken.objects.filter(user=owner).count() == allowed
    assert api_client.get(LIST).status_code == 200  # reading is not throttled


def test_the_owner_revokes_a_token_by_its_prefix(api_client, owner, read_token):
    token, secret = read_token
    api_client.force_login(owner)

    response = api_client.post(_revoke_url(token.prefix))

    assert response.status_code == 200
    assert response.json()["revoked_at"] is not None
    assert token_authenticate(secret) is None


def test_another_user_cannot_revoke_and_learns_nothing(
    api_client, stranger, read_token
):
    token, secret = read_token
    api_client.force_login(stranger)

    response = api_client.post(_revoke_url(token.prefix))
    unknown = api_client.post(_revoke_url("nosuchpx"))

    assert response.status_code == unknown.status_code == 404
    assert response.json() == unknown.json()
    assert token_authenticate(secret) == token


def test_an_administrator_revokes_anyones_token(api_client, administrator, read_token):
    api_client.force_login(administrator)

    response = api_client.post(_revoke_url(read_token[0].prefix))

    assert response.status_code == 200
    assert token_authenticate(read_token[1]) is None
