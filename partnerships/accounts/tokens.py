"""API tokens: the one place where they are made, checked and revoked.

A secret reads `pt_<prefix>_<random>`. The prefix (8 URL-safe characters) finds the
row; only a SHA-256 of the whole secret is stored, so a copy of the database does
not hand out working tokens. A fast hash is enough here, unlike for passwords: the
random part carries 256 bits, which no one can guess however fast the hash is.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerships.accounts.actors import actor_for
from partnerships.accounts.models import ApiToken
from partnerships.core.errors import NotAllowed

# Every token starts with this, so that secret scanners can spot a leaked one.
MARK = "pt"
PREFIX_LENGTH = 8
RANDOM_BYTES = 32
DEFAULT_EXPIRY_DAYS = 90
MAX_EXPIRY_DAYS = 365
# Writing on every request would turn each read into a write; a minute is precise
# enough to tell a live token from a forgotten one.
LAST_USED_RESOLUTION = timedelta(minutes=1)

# The prefix has a fixed length because `_` is itself a URL-safe character.
_SECRET_SHAPE = re.compile(
    rf"^{MARK}_(?P<prefix>[A-Za-z0-9_-]{{{PREFIX_LENGTH}}})_[A-Za-z0-9_-]{{43,}}$"
)

AnyUser = AbstractBaseUser | AnonymousUser


class TokenRefused(Exception):
    """A presented secret does not authenticate; the message may go to the client."""


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _new_prefix() -> str:
    # 48 random bits: a clash is rare, but the column is unique, so look first.
    while True:
        prefix = secrets.token_urlsafe(PREFIX_LENGTH * 3 // 4)
        if not ApiToken.objects.filter(prefix=prefix).exists():
            return prefix


def _check_expiry(expires_in_days: object) -> int:
    if (
        isinstance(expires_in_days, bool)
        or not isinstance(expires_in_days, int)
        or not 1 <= expires_in_days <= MAX_EXPIRY_DAYS
    ):
        raise ValidationError(
            {
                "expires_in_days": _("A token must expire within 1 to %(max)d days.")
                % {"max": MAX_EXPIRY_DAYS}
            }
        )
    return expires_in_days


def token_create(
    *,
    user: AbstractBaseUser,
    name: str,
    scope: str,
    expires_in_days: int = DEFAULT_EXPIRY_DAYS,
) -> tuple[ApiToken, str]:
    """Make a token for `user`; the secret is returned here and never again."""
    days = _check_expiry(expires_in_days)
    prefix = _new_prefix()
    secret = f"{MARK}_{prefix}_{secrets.token_urlsafe(RANDOM_BYTES)}"
    token = ApiToken(
        user=user,
        name=name,
        prefix=prefix,
        secret_hash=_hash(secret),
        scope=scope,
        expires_at=timezone.now() + timedelta(days=days),
    )
    token.full_clean()
    token._history_user = user
    token.save()
    return token, secret


def token_check(raw: str) -> ApiToken:
    """The live token `raw` is the secret of, or `TokenRefused` saying why not.

    Whether a token is expired or revoked is only told to someone who holds its
    secret; anyone else learns only that the secret is unknown.
    """
    match = _SECRET_SHAPE.match(raw or "")
    token = (
        ApiToken.objects.select_related("user").filter(prefix=match["prefix"]).first()
        if match
        else None
    )
    if token is None or not hmac.compare_digest(token.secret_hash, _hash(raw)):
        raise TokenRefused(_("This API token is unknown."))
    now = timezone.now()
    if token.revoked_at is not None:
        raise TokenRefused(_("This API token has been revoked."))
    if token.expires_at <= now:
        raise TokenRefused(_("This API token has expired."))
    if not token.user.is_active:
        raise TokenRefused(_("The account this API token belongs to is disabled."))
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        # An update, not save(): no history row and no race with a revocation.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def token_authenticate(raw: str) -> ApiToken | None:
    """The live token `raw` is the secret of, or None."""
    try:
        return token_check(raw)
    except TokenRefused:
        return None


def _may_manage(actor_user: AnyUser, owner_id: int) -> bool:
    if not actor_user.is_authenticated:
        return False
    return actor_user.pk == owner_id or actor_for(actor_user).is_admin


def token_revoke(*, actor_user: AnyUser, token: ApiToken) -> ApiToken:
    """Revoke `token` for good; its owner or an administrator may. Idempotent."""
    if not _may_manage(actor_user, token.user_id):
        raise NotAllowed(_("Only the token's owner or an administrator may revoke it."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token._history_user = actor_user
        token._change_reason = "revoked"
        token.save(update_fields=["revoked_at"])
    return token


def tokens_of(
    *, actor_user: AnyUser, owner_id: int | None = None
) -> QuerySet[ApiToken]:
    """The tokens of `owner_id` (the actor's own by default) the actor may list."""
    owner_id = actor_user.pk if owner_id is None else owner_id
    if not _may_manage(actor_user, owner_id):
        raise NotAllowed(_("Only an administrator may list another user's tokens."))
    return ApiToken.objects.filter(user_id=owner_id)
