"""API endpoints for personal tokens, mounted under /api/tokens/.

Only a signed-in session reaches them: a token can neither mint nor list nor revoke
tokens, so a leaked token cannot be used to make itself a longer-lived successor.
"""

from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle, ScopedRateThrottle
from rest_framework.views import APIView

from partnerships.accounts.models import ApiToken, Scope
from partnerships.accounts.tokens import (
    DEFAULT_EXPIRY_DAYS,
    MAX_EXPIRY_DAYS,
    token_create,
    token_revoke,
    tokens_of,
)
from partnerships.accounts.two_factor import VerifiedStaff
from partnerships.core.errors import NotAllowed

TAGS = ["tokens"]


class TokenOut(serializers.ModelSerializer):
    user = serializers.IntegerField(source="user_id", read_only=True)

    class Meta:
        model = ApiToken
        fields = [
            "prefix",
            "name",
            "scope",
            "user",
            "created_at",
            "expires_at",
            "last_used_at",
            "revoked_at",
        ]
        read_only_fields = fields


class TokenCreatedOut(TokenOut):
    secret = serializers.SerializerMethodField(
        help_text="The token itself. It is shown this once; only its hash is kept."
    )

    class Meta(TokenOut.Meta):
        fields = [*TokenOut.Meta.fields, "secret"]
        read_only_fields = fields

    def get_secret(self, token: ApiToken) -> str:
        return self.context["secret"]


class TokenCreateIn(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    scope = serializers.ChoiceField(choices=Scope.choices, default=Scope.READ)
    expires_in_days = serializers.IntegerField(
        min_value=1, max_value=MAX_EXPIRY_DAYS, default=DEFAULT_EXPIRY_DAYS
    )


class _TokenView(APIView):
    authentication_classes = [SessionAuthentication]
    permission_classes = [IsAuthenticated, VerifiedStaff]
    # Tokens are no table to export: no CSV renderer here.
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer]


class TokenListView(_TokenView):
    throttle_scope = "token"

    def get_throttles(self) -> list[BaseThrottle]:
        # Making tokens is throttled; looking at them is not.
        return [ScopedRateThrottle()] if self.request.method == "POST" else []

    @extend_schema(
        operation_id="tokens_list",
        summary="Your API tokens",
        parameters=[
            OpenApiParameter(
                "user",
                int,
                description="An administrator may list another user's tokens.",
            )
        ],
        responses=TokenOut(many=True),
        tags=TAGS,
    )
    def get(self, request: Request) -> Response:
        raw = request.query_params.get("user")
        if raw is not None and not (raw.isascii() and raw.isdigit()):
            raise ValidationError({"user": [_("Give a user's numeric id.")]})
        try:
            tokens = tokens_of(
                actor_user=request.user, owner_id=int(raw) if raw else None
            )
        except NotAllowed as exc:
            raise PermissionDenied(str(exc)) from None
        return Response(TokenOut(tokens, many=True).data)

    @extend_schema(
        operation_id="tokens_create",
        summary="Make an API token",
        request=TokenCreateIn,
        responses={status.HTTP_201_CREATED: TokenCreatedOut},
        tags=TAGS,
    )
    def post(self, request: Request) -> Response:
        given = TokenCreateIn(data=request.data)
        given.is_valid(raise_exception=True)
        token, secret = token_create(user=request.user, **given.validated_data)
        return Response(
            TokenCreatedOut(token, context={"secret": secret}).data,
            status=status.HTTP_201_CREATED,
            # The secret must not linger in a cache on the way.
            headers={"Cache-Control": "no-store"},
        )


class TokenRevokeView(_TokenView):
    @extend_schema(
        operation_id="tokens_revoke",
        summary="Revoke an API token",
        parameters=[OpenApiParameter("prefix", str, OpenApiParameter.PATH)],
        request=None,
        responses=TokenOut,
        tags=TAGS,
    )
    def post(self, request: Request, prefix: str) -> Response:
        token = ApiToken.objects.filter(prefix=prefix).first()
        if token is not None:
            try:
                token_revoke(actor_user=request.user, token=token)
            except NotAllowed:
                token = None
        if token is None:
            # Not found rather than forbidden: other people's prefixes stay unknown.
            raise NotFound(_("You have no API token with this prefix."))
        return Response(TokenOut(token).data)


urlpatterns = [
    path("", TokenListView.as_view(), name="api-token-list"),
    path("<str:prefix>/revoke/", TokenRevokeView.as_view(), name="api-token-revoke"),
]
