from django.apps import AppConfig


class InteropConfig(AppConfig):
    name = "partnerships.interop"
    label = "interop"
    verbose_name = "Data in and out"
