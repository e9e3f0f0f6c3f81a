"""Outgoing e-mail and the kallelse (notice) of each meeting."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansli.meetings.models import Meeting


class MailStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class OutgoingMail(models.Model):
    """One e-mail on its way out, kept with the outcome of each attempt to send it."""

    to = models.JSONField(_("to"), help_text=_("A list of e-mail addresses."))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    headers = models.JSONField(
        _("extra headers"), default=dict, blank=True,
        help_text=_("E.g. List-Unsubscribe on a subscriber's mail."),
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="mails",
        verbose_name=_("meeting"), help_text=_("The meeting the mail is about, if any."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MailStatus.choices, default=MailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mail")

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)}"


class MailAttachment(models.Model):
    """A file sent with an e-mail, kept so that a retry sends the very same bytes."""

    mail = models.ForeignKey(
        OutgoingMail, on_delete=models.CASCADE, related_name="attachments",
        verbose_name=_("e-mail"),
    )
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    content = models.BinaryField(_("content"))

    class Meta:
        ordering = ["mail", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.filename


class Notice(models.Model):
    """The kallelse of a meeting: to whom it went, and what they were last told."""

    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, related_name="notice", verbose_name=_("meeting")
    )
    recipients = models.JSONField(_("recipients"), default=list)
    extra_recipients = models.TextField(
        _("other invitees"), blank=True, help_text=_("E-mail addresses, one per line.")
    )
    sequence = models.PositiveIntegerField(
        _("changes announced"), default=0,
        help_text=_("The iCalendar SEQUENCE: goes up each time a change is sent out."),
    )
    announced = models.JSONField(
        _("as announced"), default=dict,
        help_text=_("Date, times and place as the last notice stated them."),
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("sent by"),
    )
    cancelled_at = models.DateTimeField(_("cancellation sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("kallelse")
        verbose_name_plural = _("kallelser")

    def __str__(self) -> str:
        return str(self.meeting)
