"""Making and checking API tokens (partnerships.accounts.tokens)."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from partnerships.accounts.models import ApiToken, Scope
from partnerships.accounts.tokens import (
    TokenRefused,
    token_authenticate,
    token_check,
    token_create,
)


def test_the_secret_is_shown_once_and_only_its_hash_is_stored(owner):
    token, secret = token_create(user=owner, name="laptop", scope=Scope.READ)

    mark, prefix, random_part = secret[:2], secret[3:11], secret[12:]
    assert (mark, secret[2], secret[11]) == ("pt", "_", "_")
    assert prefix == token.prefix
    assert len(random_part) >= 43  # 32 random bytes, base64-encoded
    assert token.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    stored = ApiToken.objects.filter(pk=token.pk).values().get()
    assert not any(random_part in str(value) for value in stored.values())
    history = token.history.values().get()
    assert not any(random_part in str(value) for value in history.values())


def test_each_token_gets_its_own_prefix_and_secret(owner):
    first = token_create(user=owner, name="one", scope=Scope.READ)
    second = token_create(user=owner, name="two", scope=Scope.READ)

    assert first[0].prefix != second[0].prefix
    assert first[1] != second[1]


def test_a_token_authenticates(read_token):
    token, secret = read_token

    assert token_authenticate(secret) == token
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.parametrize(
    "presented",
    ["", "pt_", "Token abc", "pt_ABCDEFGH_" + "x" * 43, "not a token at all"],
)
def test_a_malformed_or_unknown_secret_is_refused(db, presented):
    assert token_authenticate(presented) is None


def test_a_real_prefix_with_a_wrong_secret_is_refused(read_token):
    token, secret = read_token
    forged = secret[:-1] + ("A" if secret[-1] != "A" else "B")

    with pytest.raises(TokenRefused, match="unknown"):
        token_check(forged)


def test_an_expired_token_is_refused(read_token):
    token, secret = read_token
    ApiToken.objects.filter(pk=token.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )

    assert token_authenticate(secret) is None
    with pytest.raises(TokenRefused, match="expired"):
        token_check(secret)


def test_a_revoked_token_is_refused(read_token):
    token, secret = read_token
    ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())

    assert token_authenticate(secret) is None
    with pytest.raises(TokenRefused, match="revoked"):
        token_check(secret)


def test_a_token_of_a_disabled_account_is_refused(owner, read_token):
    owner.is_active = False
    owner.save()

    with pytest.raises(TokenRefused, match="disabled"):
        token_check(read_token[1])


def test_last_use_is_written_at_most_once_a_minute(read_token):
    token, secret = read_token
    a_moment_ago = timezone.now() - timedelta(seconds=30)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=a_moment_ago)

    token_check(secret)
    assert ApiToken.objects.get(pk=token.pk).last_used_at == a_moment_ago

    two_minutes_ago = timezone.now() - timedelta(minutes=2)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=two_minutes_ago)
    token_check(secret)
    assert ApiToken.objects.get(pk=token.pk).last_used_at > a_moment_ago


def test_a_token_expires_after_the_days_asked_for(owner):
    token, _ = token_create(
        user=owner, name="year", scope=Scope.WRITE, expires_in_days=365
    )

    left = token.expires_at - timezone.now()
    assert timedelta(days=364, hours=23) < left <= timedelta(days=365)


@pytest.mark.parametrize("days", [0, -1, 366, None, "30", True])
def test_a_token_must_expire_within_a_year(owner, days):
    with pytest.raises(ValidationError) as caught:
        token_create(user=owner, name="forever", scope=Scope.READ, expires_in_days=days)

    assert "expires_in_days" in caught.value.message_dict
    assert not ApiToken.objects.filter(user=owner).exists()


def test_an_unknown_scope_is_refused(owner):
    with pytest.raises(ValidationError) as caught:
        token_create(user=owner, name="root", scope="admin")

    assert "scope" in caught.value.message_dict
