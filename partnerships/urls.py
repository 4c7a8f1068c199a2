from django.contrib import admin
from django.urls import include, path

from partnerships.ops import views as ops

admin.site.site_header = "partnerships"
admin.site.site_title = "partnerships"

# A database that refuses writes answers 503 with a sentence, not a bare 500.
handler500 = "partnerships.ops.errors.server_error_or_read_only"

urlpatterns = [
    # For load balancers and orchestrators: alive, and able to serve.
    path("health/", ops.health, name="health"),
    path("ready/", ops.ready, name="ready"),
    # The portal (public pages, dashboards, staff pages) and its language switcher.
    path("", include("partnerships.portal.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    # The rate-limited login comes before the admin site's own.
    path("", include("partnerships.accounts.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("partnerships.api.urls")),
    path("ingest/", include("partnerships.ingest.urls")),
    path("interop/", include("partnerships.interop.urls")),
    path("reports/", include("partnerships.reports.urls")),
    path("stakeholders/", include("partnerships.stakeholders.urls")),
]
