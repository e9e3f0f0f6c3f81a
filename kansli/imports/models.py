"""Provenance of imported documents."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kansli.meetings.models import Meeting


class SourceDocument(models.Model):
    """A file a meeting was imported from, with its checksum so re-imports can be recognised."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="sources", verbose_name=_("meeting")
    )
    file_name = models.CharField(_("file name"), max_length=300)
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.PositiveIntegerField(_("size in bytes"))
    text = models.TextField(_("extracted text"))
    parser_version = models.CharField(_("parser version"), max_length=20)
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")

    def __str__(self) -> str:
        return self.file_name
