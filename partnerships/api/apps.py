from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "partnerships.api"
    label = "api"
    verbose_name = "REST API"
