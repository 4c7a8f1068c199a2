from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "partnerships.registry"
    label = "registry"
    verbose_name = "Registry of organisations"
