from django.apps import AppConfig


class CooperationConfig(AppConfig):
    name = "partnerships.cooperation"
    label = "cooperation"
    verbose_name = "Cooperation"
