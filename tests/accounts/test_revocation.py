"""Who may revoke a token: its owner or an administrator, nobody else."""

from __future__ import annotations

import pytest
from django.urls import reverse

from partnerships.accounts.models import ApiToken
from partnerships.accounts.tokens import token_authenticate, token_revoke
from partnerships.core.errors import NotAllowed


def test_the_owner_can_revoke_a_token(owner, read_token):
    token, secret = read_token

    token_revoke(actor_user=owner, token=token)

    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    assert token_authenticate(secret) is None


@pytest.mark.parametrize("who", ["administrator", "admin_user"])
def test_an_administrator_can_revoke_anyones_token(request, read_token, who):
    actor = request.getfixturevalue(who)
    token, _ = read_token

    token_revoke(actor_user=actor, token=token)

    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None


def test_another_user_cannot_revoke_a_token(stranger, read_token):
    token, secret = read_token

    with pytest.raises(NotAllowed):
        token_revoke(actor_user=stranger, token=token)

    assert ApiToken.objects.get(pk=token.pk).revoked_at is None
    assert token_authenticate(secret) == token


def test_the_revocation_is_recorded_with_who_revoked(administrator, read_token):
    token, _ = read_token

    token_revoke(actor_user=administrator, token=token)

    last = token.history.latest()
    assert last.revoked_at is not None
    assert last.history_user == administrator


def test_revoking_twice_keeps_the_first_time(owner, read_token):
    token, _ = read_token
    first = token_revoke(actor_user=owner, token=token).revoked_at

    token_revoke(actor_user=owner, token=token)

    assert ApiToken.objects.get(pk=token.pk).revoked_at == first


@pytest.mark.urls("tests.accounts.urls")
def test_the_admin_action_revokes_the_selected_tokens(admin_client, read_token):
    token, _ = read_token

    response = admin_client.post(
        reverse("admin:accounts_apitoken_changelist"),
        {"action": "revoke_selected", "_selected_action": [token.pk]},
    )

    assert response.status_code == 302
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None


@pytest.mark.urls("tests.accounts.urls")
def test_tokens_cannot_be_added_in_the_admin(admin_client):
    response = admin_client.get(reverse("admin:accounts_apitoken_add"))

    assert response.status_code == 403


@pytest.mark.urls("tests.accounts.urls")
def test_the_admin_shows_a_token_without_letting_its_hash_change(
    admin_client, read_token
):
    token, _ = read_token

    response = admin_client.get(
        reverse("admin:accounts_apitoken_change", args=[token.pk])
    )

    assert response.status_code == 200
    assert token.secret_hash in response.content.decode()
    assert 'name="secret_hash"' not in response.content.decode()
