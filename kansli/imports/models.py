"""Provenance of imported documents, how sure the parser was, and the secretariat's corrections."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansli.meetings.models import Meeting


class ReviewStatus(models.TextChoices):
    NOT_NEEDED = "", _("not needed")
    PENDING = "pending", _("waiting for review")
    CONFIRMED = "confirmed", _("confirmed")


class SourceDocument(models.Model):
    """A file a meeting was imported from, with its checksum so re-imports can be recognised."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="sources", verbose_name=_("meeting")
    )
    file_name = models.CharField(
        _("file name"), max_length=300, db_index=True,
        help_text=_("As imported: the path below the imported folder, or the file's name."),
    )
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.PositiveIntegerField(_("size in bytes"))
    format = models.CharField(
        _("format"), max_length=10, default="text", help_text=_("text, docx, pdf or odt")
    )
    text = models.TextField(_("extracted text"))
    parsed = models.JSONField(
        _("parsed fields"), default=dict, blank=True,
        help_text=_("What was stored, in the parse schema of docs/import-format.md, "
                    "corrections included."),
    )
    confidence = models.JSONField(
        _("confidence"), default=dict, blank=True,
        help_text=_("How sure the parser was of each field, from 0 to 1."),
    )
    review_status = models.CharField(
        _("review"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.NOT_NEEDED,
        blank=True, db_index=True,
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="reviewed_documents",
        # A reviewer's account may be removed; the review it made stays.
        on_delete=models.SET_NULL, verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    parser_version = models.CharField(_("parser version"), max_length=20)
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")

    def __str__(self) -> str:
        return self.file_name

    @property
    def doubtful(self) -> list[str]:
        """The fields the parser was unsure of."""
        from kansli.imports.review import doubtful_fields

        return doubtful_fields(self.confidence)


class Correction(models.Model):
    """A field of a document as the secretariat corrected it, applied again on every re-import
    of a document with the same name."""

    file_name = models.CharField(
        _("file name"), max_length=300, db_index=True,
        help_text=_("The document the correction belongs to, named as when it was imported."),
    )
    field = models.CharField(_("field"), max_length=40)
    value = models.JSONField(
        _("value"), null=True, blank=True, help_text=_("In the parse schema's form.")
    )
    source = models.ForeignKey(
        SourceDocument, null=True, blank=True, related_name="corrections",
        # The correction outlives the import it was made on: the next import applies it again.
        on_delete=models.SET_NULL, verbose_name=_("made on"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="import_corrections",
        # Who corrected is kept while the account exists; the correction stays regardless.
        on_delete=models.SET_NULL, verbose_name=_("corrected by"),
    )
    created_at = models.DateTimeField(_("corrected"), auto_now=True)

    class Meta:
        ordering = ["file_name", "field"]
        constraints = [
            models.UniqueConstraint(fields=["file_name", "field"], name="one_correction_per_field")
        ]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self) -> str:
        return f"{self.file_name}: {self.field}"
