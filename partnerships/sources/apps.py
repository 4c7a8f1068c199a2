from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "partnerships.sources"
    label = "sources"
    verbose_name = "Sources and evidence"
