from django.urls import path

from partnerships.interop import views

app_name = "interop"

urlpatterns = [
    path("iati/upload/", views.upload, name="iati-upload"),
    path("iati/runs/<int:pk>/", views.run_detail, name="iati-run"),
    path("iati/runs/<int:pk>/resume/", views.run_resume, name="iati-run-resume"),
    path("iati/matches/", views.matches, name="iati-matches"),
]
