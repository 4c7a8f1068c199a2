from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "partnerships.accounts"
    label = "accounts"
    verbose_name = "Accounts, roles and API tokens"
