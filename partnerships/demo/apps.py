from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "partnerships.demo"
    label = "demo"
    verbose_name = "Demo and synthetic data"
