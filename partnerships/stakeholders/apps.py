from django.apps import AppConfig


class StakeholdersConfig(AppConfig):
    name = "partnerships.stakeholders"
    label = "stakeholders"
    verbose_name = "Stakeholder engagement"

    def ready(self) -> None:
        # Registers the exporters, found by identifier (core.exporters).
        from partnerships.stakeholders import exporters, outcome  # noqa: F401
