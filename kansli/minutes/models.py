"""Minutes of a meeting and their life from draft to published.

Only `kansli.minutes.workflow` changes `Minutes.status`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansli.meetings.models import Attendance, Meeting
from kansli.registry.models import Person


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    FOR_ADJUSTMENT = "for_adjustment", _("Sent for adjustment")
    ADJUSTED = "adjusted", _("Adjusted")
    PUBLISHED = "published", _("Published")


class MinutesQuerySet(models.QuerySet):
    def published(self) -> MinutesQuerySet:
        """The only minutes anonymous readers may see."""
        return self.filter(status=MinutesStatus.PUBLISHED)


class Minutes(models.Model):
    """The minutes (minnesanteckningar or protokoll) of one meeting."""

    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, related_name="minutes", verbose_name=_("meeting")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT,
        editable=False,
    )
    note_taker = models.ForeignKey(
        Attendance, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="minutes_taken", verbose_name=_("note-taker"),
    )
    adjusters = models.ManyToManyField(
        Attendance, blank=True, related_name="minutes_adjusted", verbose_name=_("adjusters"),
    )
    adjustment_place_time = models.CharField(
        _("place and time of adjustment"), max_length=200, blank=True
    )
    adjustment_deadline = models.DateField(_("adjust by"), null=True, blank=True)
    adjusted_at = models.DateTimeField(_("adjusted"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = MinutesQuerySet.as_manager()

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return str(self.meeting)

    @property
    def is_published(self) -> bool:
        return self.status == MinutesStatus.PUBLISHED


class MinutesVersion(models.Model):
    """A frozen copy of the minutes' content, the thing that is signed and published."""

    minutes = models.ForeignKey(
        Minutes, on_delete=models.CASCADE, related_name="versions", verbose_name=_("minutes")
    )
    number = models.PositiveIntegerField(_("version"))
    content = models.JSONField(_("content"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    reason = models.TextField(_("reason for the new version"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("created by"),
    )

    class Meta:
        ordering = ["minutes", "number"]
        verbose_name = _("minutes version")
        verbose_name_plural = _("minutes versions")
        constraints = [
            models.UniqueConstraint(fields=["minutes", "number"], name="unique_version_number"),
        ]

    def __str__(self) -> str:
        return f"{self.minutes} v{self.number}"


class Signature(models.Model):
    """One signer's approval of one frozen version."""

    class Role(models.TextChoices):
        ADJUSTER = "adjuster", _("Adjuster")
        CHAIR = "chair", _("Chair")
        SECRETARY = "secretary", _("Secretary")

    version = models.ForeignKey(
        MinutesVersion, on_delete=models.PROTECT, related_name="signatures",
        verbose_name=_("version"),
    )
    signer = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="signatures", verbose_name=_("signer")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    signed_at = models.DateTimeField(_("signed"))
    sha256 = models.CharField(
        _("SHA-256 signed"), max_length=64, help_text=_("Of the exact content signed.")
    )

    class Meta:
        ordering = ["version", "signed_at"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.UniqueConstraint(fields=["version", "signer"], name="sign_once_per_version"),
        ]

    def __str__(self) -> str:
        return f"{self.signer} ({self.get_role_display()})"


class StatusChange(models.Model):
    """Who moved the minutes from one status to another, and when."""

    minutes = models.ForeignKey(
        Minutes, on_delete=models.CASCADE, related_name="status_changes",
        verbose_name=_("minutes"),
    )
    from_status = models.CharField(_("from"), max_length=20, choices=MinutesStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=MinutesStatus.choices)
    changed_at = models.DateTimeField(_("when"), auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("by"),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["minutes", "changed_at"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"
