from django.urls import include, path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from partnerships.api import views

router = DefaultRouter()
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("engagements", views.EngagementViewSet, basename="engagement")
router.register("participations", views.ParticipationViewSet, basename="participation")
router.register("contributions", views.ContributionViewSet, basename="contribution")
router.register("places", views.PlaceViewSet, basename="place")
router.register("documents", views.DocumentViewSet, basename="document")
router.register("passages", views.PassageViewSet, basename="passage")
router.register("proposals", views.ProposalViewSet, basename="proposal")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema"),
        name="api-docs",
    ),
    path(
        "redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"
    ),
    path("tokens/", include("partnerships.accounts.api")),
    path("", include(router.urls)),
]
