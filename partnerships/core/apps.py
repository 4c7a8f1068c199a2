from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "partnerships.core"
    label = "core"

    def ready(self) -> None:
        from partnerships.core import data_version

        data_version.connect()
