from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

admin.site.site_header = "partnerships"
admin.site.site_title = "partnerships"

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    # The rate-limited login comes before the admin site's own.
    path("", include("partnerships.accounts.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("partnerships.api.urls")),
    path("ingest/", include("partnerships.ingest.urls")),
    path("interop/", include("partnerships.interop.urls")),
    path("reports/", include("partnerships.reports.urls")),
]
