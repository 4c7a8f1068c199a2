from django.urls import path

from partnerships.stakeholders.views import public, staff

app_name = "stakeholders"

urlpatterns = [
    path("", public.sessions, name="sessions"),
    path("sessions/<slug:key>/apply/", public.apply, name="apply"),
    path("sessions/<slug:key>/accredited/", public.accredited, name="accredited"),
    path(
        "sessions/<slug:key>/accredited.csv",
        public.accredited_export,
        name="accredited-export",
    ),
    path("applications/<str:token>/", public.status, name="status"),
    path("staff/applications/", staff.queue, name="queue"),
    path("staff/applications/<int:pk>/", staff.detail, name="review"),
    path("staff/applications/<int:pk>/<slug:action>/", staff.act, name="act"),
    path("staff/documents/<int:pk>/", staff.document, name="document"),
    path("staff/basis/", staff.basis, name="basis"),
]
