"""Token authentication for DRF views, through a throwaway view (not the real API)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView, exception_handler

from partnerships.accounts.authentication import TokenAuthentication
from partnerships.accounts.models import ApiToken


class EchoView(APIView):
    authentication_classes = [TokenAuthentication]
    # Deliberately not the API's permission class: the read-only rule must hold
    # even in a view that only asks for a signed-in user.
    permission_classes = [IsAuthenticated]
    renderer_classes = [JSONRenderer]

    def get_exception_handler(self):
        # DRF's own, so that these tests do not need partnerships.api.
        return exception_handler

    def get(self, request):
        return Response({"user": request.user.pk, "scope": request.auth.scope})

    def patch(self, request):
        return Response({"changed": True})


def _call(method, authorization=None):
    extra = {"HTTP_AUTHORIZATION": authorization} if authorization else {}
    request = getattr(APIRequestFactory(), method)("/echo/", {}, format="json", **extra)
    return EchoView.as_view()(request)


def test_a_token_authenticates_a_request_as_its_owner(owner, read_token):
    response = _call("get", f"Token {read_token[1]}")

    assert response.status_code == 200
    assert response.data == {"user": owner.pk, "scope": "read"}


def test_the_bearer_keyword_is_accepted_too(read_token):
    assert _call("get", f"Bearer {read_token[1]}").status_code == 200


def test_without_a_token_the_client_is_told_to_send_one(db):
    response = _call("get")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"expires_at": timezone.now() - timedelta(minutes=1)}, "expired"),
        ({"revoked_at": timezone.now()}, "revoked"),
    ],
)
def test_an_expired_or_revoked_token_is_refused_with_401(read_token, change, message):
    token, secret = read_token
    ApiToken.objects.filter(pk=token.pk).update(**change)

    response = _call("get", f"Token {secret}")

    assert response.status_code == 401
    assert message in str(response.data["detail"])
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize("header", ["Token pt_nope", "Token", "Token a b"])
def test_an_unknown_or_garbled_token_is_refused_with_401(db, header):
    assert _call("get", header).status_code == 401


def test_a_read_token_cannot_patch(read_token):
    response = _call("patch", f"Token {read_token[1]}")

    assert response.status_code == 403
    assert "only read" in str(response.data["detail"])


def test_a_write_token_can_patch(write_token):
    assert _call("patch", f"Token {write_token[1]}").status_code == 200


def test_another_scheme_is_left_to_other_authentication_classes(db):
    # Basic is not ours: no 401 from us, the view just sees no user.
    response = _call("get", "Basic dXNlcjpwYXNz")

    assert response.status_code == 401
    assert "not provided" in str(response.data["detail"])
