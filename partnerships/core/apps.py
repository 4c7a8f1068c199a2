from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "partnerships.core"
    label = "core"
