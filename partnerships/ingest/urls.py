from django.urls import path

from partnerships.ingest import views

app_name = "ingest"

urlpatterns = [
    path("", views.run_list, name="runs"),
    path("upload/", views.upload, name="upload"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("runs/<int:pk>/publish/", views.run_publish, name="run-publish"),
    path("jobs/<int:pk>/", views.job_detail, name="job"),
    path("jobs/<int:pk>/cancel/", views.job_cancel, name="job-cancel"),
    path("jobs/<int:pk>/resume/", views.job_resume, name="job-resume"),
    path("candidates/<int:pk>/decide/", views.decide, name="decide"),
]
