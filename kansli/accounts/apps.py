from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kansli.accounts"
    label = "accounts"
    verbose_name = _("Accounts and permissions")

    def ready(self) -> None:
        from kansli.accounts.audit import register_audited_models

        register_audited_models()
