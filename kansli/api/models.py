"""When each object of the open-data API was created and last modified.

The registry and meetings records carry no timestamps of their own, and an API object is often
made of several records (a meeting with its items, decisions and files), so the API keeps its
own: one row per API object, moved on by `stamps` whenever a record it is made of changes.
This is what `created` and `modified` in the API, and the `modified_since` filter, read.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stamp(models.Model):
    """The creation and last change of one API object, named by its kind and id."""

    kind = models.CharField(_("kind"), max_length=20, help_text=_("E.g. 'meeting', 'paper'."))
    key = models.CharField(
        _("id"), max_length=40, help_text=_("The object's id in the API, e.g. '12' or '12-pdf'.")
    )
    created = models.DateTimeField(_("created"))
    modified = models.DateTimeField(_("modified"), db_index=True)

    class Meta:
        ordering = ["kind", "key"]
        verbose_name = _("API timestamp")
        verbose_name_plural = _("API timestamps")
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="one_stamp_per_object"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"
