from django.urls import path

from partnerships.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("<slug:key>/", views.report_detail, name="detail"),
    path("<slug:key>/compose/", views.compose_run, name="compose"),
    path("runs/<int:pk>/missing/", views.missing, name="missing"),
    path("runs/<int:pk>/diff/", views.run_diff, name="diff"),
    path("runs/<int:pk>/<str:lang>/", views.preview, name="preview"),
    path("runs/<int:pk>/<str:lang>/<str:fmt>/", views.download, name="download"),
    path(
        "runs/<int:pk>/<str:lang>/edit/<path:anchor>", views.edit_paragraph, name="edit"
    ),
]
