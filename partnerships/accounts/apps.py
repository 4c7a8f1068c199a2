from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "partnerships.accounts"
    label = "accounts"
    verbose_name = "Accounts, roles and API tokens"

    def ready(self) -> None:
        from partnerships.accounts import two_factor

        two_factor.install()
