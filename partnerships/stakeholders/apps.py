from django.apps import AppConfig


class StakeholdersConfig(AppConfig):
    name = "partnerships.stakeholders"
    label = "stakeholders"
    verbose_name = "Stakeholder engagement"

    def ready(self) -> None:
        from partnerships.core.report_sections import register_section_provider
        from partnerships.curation.participants import register_merge_participant
        from partnerships.stakeholders import exporters, merge, outcome  # noqa: F401
        from partnerships.stakeholders.figures import period_figures

        # exporters and outcome register their exporters (core.exporters); a merge
        # of two organisations moves the stakeholder records too; the periodic
        # report's sections VIII.G, VIII.H and IX ask for the period's figures
        # through core.report_sections.
        register_merge_participant(merge.PARTICIPANT)
        register_section_provider("stakeholders", period_figures)
