from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "partnerships.portal"
    label = "portal"
    verbose_name = "Portal"
