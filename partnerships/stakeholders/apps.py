from django.apps import AppConfig


class StakeholdersConfig(AppConfig):
    name = "partnerships.stakeholders"
    label = "stakeholders"
    verbose_name = "Stakeholder engagement"

    def ready(self) -> None:
        # Registers the exporters, found by identifier (core.exporters).
        from partnerships.curation.participants import register_merge_participant
        from partnerships.stakeholders import exporters, merge, outcome  # noqa: F401

        # A merge of two organisations moves the stakeholder records too.
        register_merge_participant(merge.PARTICIPANT)
