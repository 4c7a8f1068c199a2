from django.urls import path

from partnerships.stakeholders.views import bodies, consultations, public, staff

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
    path("consultations/<slug:key>/", consultations.public, name="consultation"),
    path("staff/consultations/", consultations.staff_list, name="consultations-staff"),
    path(
        "staff/consultations/<slug:key>/",
        consultations.staff_detail,
        name="consultation-staff",
    ),
    path(
        "staff/consultations/<slug:key>/synthesis/",
        consultations.synthesis,
        name="synthesis",
    ),
    path(
        "staff/consultations/<slug:key>/outcome.<str:extension>",
        consultations.outcome,
        name="outcome",
    ),
    path("staff/comments/<int:pk>/moderate/", consultations.moderate, name="moderate"),
    path(
        "staff/comments/<int:pk>/erase-author/",
        consultations.erase_author,
        name="erase-author",
    ),
    path("staff/bodies/", bodies.index, name="bodies"),
    path("staff/bodies/<slug:key>/", bodies.body, name="body"),
    path("staff/meetings/<int:pk>/", bodies.meeting, name="meeting"),
    path(
        "staff/meeting-documents/<int:pk>/",
        bodies.meeting_document,
        name="meeting-document",
    ),
    path("staff/trainings/<slug:key>/", bodies.training, name="training"),
]
