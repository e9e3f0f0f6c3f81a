from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    name = "kansli.public"
    label = "public"
    verbose_name = _("Public site")

    def ready(self) -> None:
        from kansli.public.caching import connect_signals

        connect_signals()
