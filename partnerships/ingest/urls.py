from django.urls import path

from partnerships.ingest import views

app_name = "ingest"

urlpatterns = [
    path("", views.run_list, name="runs"),
    path("upload/", views.upload, name="upload"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("candidates/<int:pk>/decide/", views.decide, name="decide"),
]
