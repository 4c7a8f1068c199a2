"""The portal's pages: public reading pages, dashboards and staff pages."""

from django.urls import path

from partnerships.portal.views import (
    browse,
    dashboards,
    downloads,
    public,
    staff,
    staff_find,
    staff_records,
)

app_name = "portal"

urlpatterns = [
    path("", public.home, name="home"),
    path("search/", public.search, name="search"),
    path("organisations/", public.directory, name="directory"),
    path("organisations/<str:key>/", public.organisation, name="organisation"),
    path(
        "organisations/<str:key>/network.json",
        dashboards.organisation_network,
        name="organisation-network",
    ),
    path("engagements/", browse.engagements, name="engagements"),
    path("engagements/<str:key>/", public.engagement, name="engagement"),
    path("countries/<str:code>/", browse.country, name="country"),
    path("themes/<str:code>/", browse.theme, name="theme"),
    path("sdg-targets/<str:code>/", browse.sdg_target, name="sdg-target"),
    path("documents/", public.documents, name="documents"),
    path("documents/<path:symbol>/", public.document, name="document"),
    path("dashboards/", dashboards.page, name="dashboards"),
    path("dashboards/<str:name>.json", dashboards.data, name="dashboard-data"),
    path("ping/", public.ping, name="ping"),
    path("download/<str:name>.<str:fmt>", downloads.download, name="download"),
    path("staff/", staff.index, name="staff"),
    path("staff/validate/<str:name>/", staff.validate, name="staff-validate"),
    path("staff/merge/", staff_records.merge, name="staff-merge"),
    path("staff/pick/<str:what>/", staff_find.pick, name="staff-pick"),
    path(
        "staff/organisations/new/",
        staff.organisation_edit,
        name="staff-organisation-new",
    ),
    path(
        "staff/organisations/<str:key>/",
        staff.organisation_edit,
        name="staff-organisation-edit",
    ),
    path("staff/engagements/new/", staff.engagement_edit, name="staff-engagement-new"),
    path(
        "staff/engagements/<str:key>/",
        staff.engagement_edit,
        name="staff-engagement-edit",
    ),
    path(
        "staff/engagements/<str:key>/add/<str:what>/",
        staff.engagement_child,
        name="staff-engagement-add",
    ),
    path(
        "staff/engagements/<str:key>/remove/<str:what>/<int:pk>/",
        staff.engagement_child_remove,
        name="staff-engagement-remove",
    ),
    path(
        "staff/<str:kind>/<str:key>/publish/",
        staff_records.publish,
        name="staff-publish",
    ),
    path(
        "staff/<str:kind>/<str:key>/delete/",
        staff_records.delete,
        name="staff-delete",
    ),
    path(
        "staff/<str:kind>/<str:key>/history/",
        staff_records.history,
        name="staff-history",
    ),
]
