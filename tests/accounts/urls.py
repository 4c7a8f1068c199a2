"""The URLs these tests need, without the rest of the API."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("partnerships.accounts.urls")),
    path("admin/", admin.site.urls),
    path("api/tokens/", include("partnerships.accounts.api")),
]
