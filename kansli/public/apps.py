from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    name = "kansli.public"
    label = "public"
    verbose_name = _("Public site")

    def ready(self) -> None:
        from kansli.public import caching, subscriptions

        caching.connect_signals()
        subscriptions.connect_signals()
