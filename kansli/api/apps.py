from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "kansli.api"
    label = "api"
    verbose_name = _("Open data API")

    def ready(self) -> None:
        from kansli.api.stamps import connect_signals

        connect_signals()
