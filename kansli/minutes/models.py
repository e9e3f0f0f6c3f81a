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
    correction_reason = models.TextField(
        _("reason for the correction"), blank=True, editable=False,
        help_text=_("Set when adjusted minutes are opened for correction; the next frozen "
                    "version carries it."),
    )
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


class AdjustmentRequest(models.Model):
    """A frozen version sent to the adjusters (and the chair in protocol mode) to sign by a date."""

    minutes = models.ForeignKey(
        Minutes, on_delete=models.CASCADE, related_name="adjustment_requests",
        verbose_name=_("minutes"),
    )
    # PROTECT: a version that was sent out is a record of what the signers were asked to sign.
    version = models.ForeignKey(
        MinutesVersion, on_delete=models.PROTECT, related_name="adjustment_requests",
        verbose_name=_("version"),
    )
    deadline = models.DateField(_("adjust by"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("sent by"),
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    returned_at = models.DateTimeField(
        _("sent back"), null=True, blank=True, help_text=_("When a signer sent it back.")
    )
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        ordering = ["minutes", "-sent_at"]
        get_latest_by = "sent_at"
        verbose_name = _("request for adjustment")
        verbose_name_plural = _("requests for adjustment")

    def __str__(self) -> str:
        return f"{self.version} → {self.deadline}"


class AdjusterComment(models.Model):
    """A signer's comment on one item (or the whole minutes) when sending them back."""

    request = models.ForeignKey(
        AdjustmentRequest, on_delete=models.CASCADE, related_name="comments",
        verbose_name=_("request"),
    )
    item_anchor = models.CharField(
        _("item"), max_length=30, blank=True,
        help_text=_("The item's anchor in the frozen version; empty for the whole minutes."),
    )
    item_number = models.CharField(_("item number"), max_length=20, blank=True)
    author = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="adjuster_comments",
        verbose_name=_("by"),
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["request", "created_at", "pk"]
        verbose_name = _("adjuster's comment")
        verbose_name_plural = _("adjusters' comments")

    def __str__(self) -> str:
        return self.text[:80]


class PublishedFormat(models.TextChoices):
    PDF = "pdf", _("PDF/A, signed")
    DOCX = "docx", _("Word (DOCX)")
    HTML = "html", _("HTML")
    TXT = "txt", _("Plain text")


def published_path(instance: PublishedFile, filename: str) -> str:
    version = instance.version
    body = version.minutes.meeting.body.slug
    return f"protokoll/{body}/{version.minutes_id}/v{version.number}/{filename}"


class PublishedFile(models.Model):
    """A published file of one version, made once and then served as it is, never re-rendered."""

    # PROTECT: a file that has been public is a public record.
    version = models.ForeignKey(
        MinutesVersion, on_delete=models.PROTECT, related_name="published_files",
        verbose_name=_("version"),
    )
    format = models.CharField(_("format"), max_length=10, choices=PublishedFormat.choices)
    file = models.FileField(_("file"), upload_to=published_path, max_length=300)
    sha256 = models.CharField(_("SHA-256"), max_length=64, help_text=_("Of the file's bytes."))
    size = models.PositiveBigIntegerField(_("size in bytes"))
    signed = models.BooleanField(
        _("signed"), default=False, help_text=_("The PDF carries the organisation's signature.")
    )
    created_at = models.DateTimeField(_("made"), auto_now_add=True)

    class Meta:
        ordering = ["version", "format"]
        verbose_name = _("published file")
        verbose_name_plural = _("published files")
        constraints = [
            models.UniqueConstraint(fields=["version", "format"], name="one_file_per_format"),
        ]

    def __str__(self) -> str:
        return f"{self.version} {self.format}"


class ImmediateAdjustment(models.Model):
    """Omedelbar justering (KL 5 kap. 70 §): one paragraph adjusted at the meeting itself, and
    public on its own before the rest of the protocol."""

    minutes = models.ForeignKey(
        Minutes, on_delete=models.CASCADE, related_name="immediate_adjustments",
        verbose_name=_("minutes"),
    )
    item_anchor = models.CharField(_("item"), max_length=30)
    content = models.JSONField(_("content"), help_text=_("The paragraph as adjusted."))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    signers = models.ManyToManyField(
        Person, related_name="immediate_adjustments", verbose_name=_("adjusted by")
    )
    adjusted_at = models.DateTimeField(_("adjusted"))
    adjusted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("recorded by"),
    )

    class Meta:
        ordering = ["minutes", "adjusted_at"]
        verbose_name = _("immediate adjustment")
        verbose_name_plural = _("immediate adjustments")
        constraints = [
            models.UniqueConstraint(fields=["minutes", "item_anchor"], name="adjust_item_once"),
        ]

    def __str__(self) -> str:
        return f"{self.minutes} § {self.item_anchor}"


class NoticeBoardEntryQuerySet(models.QuerySet):
    def current(self, day) -> NoticeBoardEntryQuerySet:
        """Entries on the board on `day`, of minutes that are still published."""
        return self.filter(
            posted_on__lte=day, take_down_on__gte=day, minutes__status=MinutesStatus.PUBLISHED
        )


class NoticeBoardEntry(models.Model):
    """The anslag announcing that a protocol was adjusted (KL 8 kap. 12 §)."""

    minutes = models.OneToOneField(
        Minutes, on_delete=models.CASCADE, related_name="notice_board_entry",
        verbose_name=_("minutes"),
    )
    posted_on = models.DateField(_("posted"))
    take_down_on = models.DateField(
        _("taken down"), help_text=_("Three weeks after posting, moved to a working day.")
    )
    kept_at = models.CharField(_("where the minutes are kept"), max_length=200)
    appeal_text = models.TextField(_("how to appeal"))

    objects = NoticeBoardEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-posted_on", "pk"]
        verbose_name = _("notice board entry")
        verbose_name_plural = _("notice board entries")

    def __str__(self) -> str:
        return str(self.minutes)
