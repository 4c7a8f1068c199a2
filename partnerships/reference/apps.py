from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ReferenceConfig(AppConfig):
    name = "partnerships.reference"
    label = "reference"
    verbose_name = "Reference data"

    def ready(self) -> None:
        from partnerships.reference.loading import load_after_migrate

        # Codelists are loaded after every migrate, test databases included, so the
        # foreign keys that constrain country and currency codes always have rows.
        post_migrate.connect(load_after_migrate, sender=self)
