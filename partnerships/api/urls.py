from typing import Any

from django.urls import include, path
from django.utils import translation
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter

from partnerships.api import views
from partnerships.api.exports import EngagementExport

router = DefaultRouter()
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("engagements", views.EngagementViewSet, basename="engagement")
router.register("participations", views.ParticipationViewSet, basename="participation")
router.register("contributions", views.ContributionViewSet, basename="contribution")
router.register("places", views.PlaceViewSet, basename="place")
router.register("documents", views.DocumentViewSet, basename="document")
router.register("passages", views.PassageViewSet, basename="passage")
router.register("proposals", views.ProposalViewSet, basename="proposal")


class SchemaView(SpectacularAPIView):
    """The schema in English whatever the client's Accept-Language: the choices'
    labels are translatable (for the portal) and the API speaks English; `?lang=`
    still asks drf-spectacular for another language."""

    @extend_schema(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with translation.override("en"):
            return super().get(request, *args, **kwargs)


urlpatterns = [
    path("schema/", SchemaView.as_view(), name="api-schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema"),
        name="api-docs",
    ),
    path(
        "redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"
    ),
    path("tokens/", include("partnerships.accounts.api")),
    path(
        "engagements/export/",
        EngagementExport.as_view(),
        name="engagement-export",
    ),
    path("", include(router.urls)),
]
