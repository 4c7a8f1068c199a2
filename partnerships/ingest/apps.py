from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "partnerships.ingest"
    label = "ingest"
    verbose_name = "Reading reports"
