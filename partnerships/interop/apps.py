from django.apps import AppConfig


class InteropConfig(AppConfig):
    name = "partnerships.interop"
    label = "interop"
    verbose_name = "Data in and out"

    def ready(self) -> None:
        # Register this app's exporters (core.exporters) for pages and commands.
        from partnerships.interop import exporters  # noqa: F401
        from partnerships.interop.sheets import export  # noqa: F401
