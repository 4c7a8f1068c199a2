from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ReportsConfig(AppConfig):
    name = "partnerships.reports"
    label = "reports"
    verbose_name = "Periodic report"

    def ready(self) -> None:
        from partnerships.reports.outline import load_outline_after_migrate

        # The outline ships as data (data/reports/outline.yaml) and is loaded once,
        # when its tables are empty: from then on staff edit it in the back office.
        post_migrate.connect(load_outline_after_migrate, sender=self)
