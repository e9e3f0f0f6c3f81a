from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "kansli.notices"
    label = "notices"
    verbose_name = _("Notices")

    def ready(self) -> None:
        from kansli.notices.kallelse import connect_signals

        connect_signals()
