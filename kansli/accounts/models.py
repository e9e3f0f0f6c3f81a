"""Who may do what in which body: the secretariat runs a body's meetings, members read them.

Site administrators are Django superusers and hold every role in every body; anonymous readers
are the public and see only the public site.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansli.registry.models import Body


class Role(models.TextChoices):
    SECRETARY = "secretary", _("Secretary")
    MEMBER = "member", _("Member")


class BodyRole(models.Model):
    """A user's role in one body: secretary (runs its meetings and minutes) or member (reads its
    drafts and documents)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="body_roles",
        verbose_name=_("user"),
    )
    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="staff_roles", verbose_name=_("body")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        ordering = ["body", "role", "user"]
        verbose_name = _("role in a body")
        verbose_name_plural = _("roles in bodies")
        constraints = [
            models.UniqueConstraint(fields=["user", "body"], name="one_role_per_user_and_body"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.body}: {self.get_role_display()}"
