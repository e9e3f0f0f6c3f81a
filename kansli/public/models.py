"""What the public site stores itself: readers' e-mail subscriptions."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kansli.registry.models import Body


class Subscription(models.Model):
    """A reader's wish to be told by e-mail when a body publishes minutes, or when a saved
    search finds something new. Nothing is sent until the address is confirmed."""

    email = models.EmailField(_("e-mail"))
    body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions",
        verbose_name=_("body"),
    )
    query = models.CharField(
        _("saved search"), max_length=200, blank=True,
        help_text=_("The words of a saved search, for news of new matches."),
    )
    language = models.CharField(
        _("language"), max_length=10, help_text=_("The language the reader subscribed in.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        ordering = ["email", "pk"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.CheckConstraint(
                condition=(Q(body__isnull=False) & Q(query=""))
                | (Q(body__isnull=True) & ~Q(query="")),
                name="subscription_to_body_or_search",
            ),
            models.UniqueConstraint(fields=["email", "body", "query"], name="subscribe_once"),
        ]

    def __str__(self) -> str:
        return f"{self.email} – {self.body or self.query}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
