"""The URLs these tests need, without the rest of the API."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    # The sign-in pages take the portal's look (its header links to its pages).
    path("", include("partnerships.portal.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("partnerships.accounts.urls")),
    path("admin/", admin.site.urls),
    path("api/tokens/", include("partnerships.accounts.api")),
]
