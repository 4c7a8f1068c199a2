"""REST API views: reads through the permission layer, writes through the services."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from partnerships.api import serializers as s
from partnerships.api.base import ActorMixin, VersionedDetail, visible_parent_key
from partnerships.api.pagination import IdCursorPagination
from partnerships.cooperation import services as engagements
from partnerships.cooperation.filters import ParticipationFilter
from partnerships.cooperation.visibility import (
    contributions_visible_to,
    deleted_engagements_for,
    engagements_visible_to,
    money_lines_visible_to,
    participations_visible_to,
    places_visible_to,
    proposals_visible_to,
)
from partnerships.registry import services as organisations
from partnerships.registry.filters import OrganisationFilter
from partnerships.registry.visibility import (
    deleted_organisations_for,
    organisations_visible_to,
)
from partnerships.sources.filters import EngagementPeriodFilter, PassageFilter
from partnerships.sources.visibility import documents_shown_to, passages_visible_to

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description='The ETag of the version the change is based on, e.g. "v3".',
)
EXPAND = OpenApiParameter(
    "expand",
    OpenApiTypes.STR,
    enum=["participants"],
    description="`participants`: include the participants the reader may see.",
)


@extend_schema_view(
    list=extend_schema(summary="Organisations the reader may see"),
    retrieve=extend_schema(summary="One organisation (ETag: its version)"),
)
class OrganisationViewSet(
    VersionedDetail,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = s.OrganisationOut
    filterset_class = OrganisationFilter
    lookup_field = "key"
    lookup_value_regex = "[^/]+"
    input_class = s.OrganisationIn
    subject = "organisation"
    service_create = staticmethod(organisations.organisation_create)
    service_update = staticmethod(organisations.organisation_update)
    service_delete = staticmethod(organisations.organisation_delete)
    service_restore = staticmethod(organisations.organisation_restore)
    deleted_for = staticmethod(deleted_organisations_for)
    name_field = "names"

    def get_queryset(self) -> QuerySet:
        visible = organisations_visible_to(self.actor)
        return visible.annotate(
            parent_key=visible_parent_key(organisations_visible_to(self.actor))
        ).prefetch_related("other_names", "identifiers")

    @extend_schema(responses=s.CountOut)
    @action(detail=False, methods=["get"], pagination_class=None)
    def count(self, request: Request) -> Response:
        """How many records the reader may see that match the filters."""
        return Response({"count": self.filter_queryset(self.get_queryset()).count()})

    @extend_schema(request=s.OrganisationIn, responses={201: s.OrganisationOut})
    def create(self, request: Request) -> Response:
        return self._create(request)

    @extend_schema(
        request=s.OrganisationIn,
        parameters=[IF_MATCH],
        responses={200: s.OrganisationOut},
    )
    def partial_update(self, request: Request, key: str) -> Response:
        return self._update(request)

    @extend_schema(parameters=[IF_MATCH], responses={204: None})
    def destroy(self, request: Request, key: str) -> Response:
        return self._destroy(request)

    @extend_schema(request=None, responses={200: s.OrganisationOut})
    @action(detail=True, methods=["post"])
    def restore(self, request: Request, key: str) -> Response:
        return self._restore(key)

    @extend_schema(responses=s.HistoryOut(many=True))
    @action(detail=True, methods=["get"], pagination_class=None, filterset_class=None)
    def history(self, request: Request, key: str) -> Response:
        return self._history()


@extend_schema_view(
    list=extend_schema(summary="Engagements the reader may see", parameters=[EXPAND]),
    retrieve=extend_schema(
        summary="One engagement (ETag: its version)", parameters=[EXPAND]
    ),
)
class EngagementViewSet(
    VersionedDetail,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    filterset_class = EngagementPeriodFilter
    lookup_field = "key"
    lookup_value_regex = "[^/]+"
    input_class = s.EngagementIn
    subject = "engagement"
    service_create = staticmethod(engagements.engagement_create)
    service_update = staticmethod(engagements.engagement_update)
    service_delete = staticmethod(engagements.engagement_delete)
    service_restore = staticmethod(engagements.engagement_restore)
    deleted_for = staticmethod(deleted_engagements_for)
    name_field = "title"

    def _expanded(self) -> bool:
        return self.request.query_params.get("expand") == "participants"

    def get_serializer_class(self) -> type:
        return s.EngagementExpandedOut if self._expanded() else s.EngagementOut

    def get_queryset(self) -> QuerySet:
        qs = (
            engagements_visible_to(self.actor)
            .annotate(parent_key=visible_parent_key(engagements_visible_to(self.actor)))
            .prefetch_related("places", "themes", "sdg_targets")
        )
        if self._expanded():
            visible = (
                participations_visible_to(self.actor)
                .select_related("organisation")
                .prefetch_related("contributions")
            )
            qs = qs.prefetch_related(
                Prefetch("participations", visible, to_attr="visible_participations"),
                Prefetch(
                    "money",
                    money_lines_visible_to(self.actor),
                    to_attr="visible_money",
                ),
            )
        return qs

    @extend_schema(responses=s.CountOut)
    @action(detail=False, methods=["get"], pagination_class=None)
    def count(self, request: Request) -> Response:
        """How many records the reader may see that match the filters."""
        return Response({"count": self.filter_queryset(self.get_queryset()).count()})

    @extend_schema(request=s.EngagementIn, responses={201: s.EngagementOut})
    def create(self, request: Request) -> Response:
        return self._create(request)

    @extend_schema(
        request=s.EngagementIn, parameters=[IF_MATCH], responses={200: s.EngagementOut}
    )
    def partial_update(self, request: Request, key: str) -> Response:
        return self._update(request)

    @extend_schema(parameters=[IF_MATCH], responses={204: None})
    def destroy(self, request: Request, key: str) -> Response:
        return self._destroy(request)

    @extend_schema(request=None, responses={200: s.EngagementOut})
    @action(detail=True, methods=["post"])
    def restore(self, request: Request, key: str) -> Response:
        return self._restore(key)

    @extend_schema(responses=s.HistoryOut(many=True))
    @action(detail=True, methods=["get"], pagination_class=None, filterset_class=None)
    def history(self, request: Request, key: str) -> Response:
        return self._history()

    @extend_schema(request=s.ProposalIn, responses={201: s.ProposalOut})
    @action(detail=True, methods=["post"], filterset_class=None)
    def proposals(self, request: Request, key: str) -> Response:
        engagement = self.get_object()
        data = s.ProposalIn(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        changes = {k: v for k, v in data.changes().items() if k != "key"}
        proposal = engagements.proposal_create(
            actor=self.actor,
            engagement=engagement,
            changes=changes,
            reason=data.validated_data.get("reason", ""),
        )
        return Response(s.ProposalOut(proposal).data, status=status.HTTP_201_CREATED)


class ProposalViewSet(
    ActorMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = s.ProposalOut
    pagination_class = IdCursorPagination

    def get_queryset(self) -> QuerySet:
        return proposals_visible_to(self.actor).select_related(
            "engagement", "organisation", "proposed_by"
        )

    def _decide(self, request: Request, approve: bool) -> Response:
        data = s.DecisionIn(data=request.data)
        data.is_valid(raise_exception=True)
        proposal = engagements.proposal_decide(
            actor=self.actor,
            proposal=self.get_object(),
            approve=approve,
            note=data.validated_data.get("note", ""),
        )
        return Response(s.ProposalOut(proposal).data)

    @extend_schema(request=s.DecisionIn, responses={200: s.ProposalOut})
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, pk: str) -> Response:
        return self._decide(request, approve=True)

    @extend_schema(request=s.DecisionIn, responses={200: s.ProposalOut})
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, pk: str) -> Response:
        return self._decide(request, approve=False)


class ParticipationViewSet(ActorMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = s.ParticipationOut
    filterset_class = ParticipationFilter
    pagination_class = IdCursorPagination

    def get_queryset(self) -> QuerySet:
        return (
            participations_visible_to(self.actor)
            .select_related("engagement", "organisation")
            .prefetch_related("contributions")
        )


class ContributionViewSet(ActorMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = s.ContributionListOut
    pagination_class = IdCursorPagination
    filterset_fields = ["currency"]

    def get_queryset(self) -> QuerySet:
        return contributions_visible_to(self.actor).select_related(
            "participation__engagement", "participation__organisation"
        )


class PlaceViewSet(ActorMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = s.PlaceOut
    pagination_class = IdCursorPagination
    filterset_fields = ["country", "region"]

    def get_queryset(self) -> QuerySet:
        return places_visible_to(self.actor).select_related("engagement")


class DocumentViewSet(ActorMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = s.DocumentOut
    pagination_class = IdCursorPagination
    filterset_fields = ["symbol", "language"]

    def get_queryset(self) -> QuerySet:
        return documents_shown_to(self.actor)


class PassageViewSet(ActorMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = s.PassageOut
    filterset_class = PassageFilter
    pagination_class = IdCursorPagination

    def get_queryset(self) -> QuerySet:
        return passages_visible_to(self.actor).select_related("document")
