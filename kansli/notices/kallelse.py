"""The kallelse: the notice of a meeting, sent by e-mail with the agenda and an invitation.

Whoever changes a meeting (the staff pages, the admin) need not remember the notice: once a
kallelse has gone out, saving the meeting with another date, time or place sends an update, and
saving it cancelled sends the cancellation, both as iCalendar messages that replace the first
invitation in the invitees' calendars.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.signals import post_save
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kansli.lib.swedish_dates import format_meeting_time
from kansli.meetings.calendar import absolute_url, calendar_bytes, meeting_event
from kansli.meetings.models import Attachment as ItemAttachment
from kansli.meetings.models import Meeting, MeetingStatus
from kansli.notices.agenda import render_agenda_pdf
from kansli.notices.models import Notice
from kansli.notices.outbox import Attachment, enqueue_mail
from kansli.registry.roster import sitting_on

ADDRESS_SEPARATORS = re.compile(r"[\s,;]+")


class NoticeError(Exception):
    """A kallelse that cannot be sent as asked; the message says what to fix."""


def parse_addresses(text: str) -> list[str]:
    """The addresses in `text` (one per line, or separated by commas or semicolons)."""
    addresses = []
    for number, line in enumerate(text.splitlines(), start=1):
        for address in filter(None, ADDRESS_SEPARATORS.split(line)):
            try:
                validate_email(address)
            except ValidationError:
                raise NoticeError(
                    _("Other invitees, line %(line)s: “%(address)s” is not an e-mail address.")
                    % {"line": number, "address": address}
                ) from None
            addresses.append(address)
    return addresses


def member_addresses(meeting: Meeting) -> list[str]:
    """The e-mail of everyone holding a seat in the body on the meeting's day."""
    people = (seat.person for seat in sitting_on(meeting.body, meeting.date))
    return [person.email for person in people if person.email]


def _unique(addresses: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for address in addresses:
        seen.setdefault(address.lower(), address)
    return list(seen.values())


def announced(meeting: Meeting) -> dict[str, str]:
    """What a notice tells about when and where: a change in any of these is a move."""
    return {
        "date": meeting.date.isoformat(),
        "start": meeting.start_time.isoformat() if meeting.start_time else "",
        "end": meeting.end_time.isoformat() if meeting.end_time else "",
        "place": meeting.place,
    }


@transaction.atomic
def send_kallelse(meeting: Meeting, *, user=None, extra_recipients: str = "") -> Notice:
    """Send (or send again) the kallelse with the agenda as PDF and an invitation."""
    if meeting.is_cancelled:
        raise NoticeError(_("The meeting is cancelled; there is nothing to give notice of."))
    extra = parse_addresses(extra_recipients)
    recipients = _unique(member_addresses(meeting) + extra)
    if not recipients:
        raise NoticeError(
            _("Nobody to send to: no member of the body has an e-mail address and no other "
              "invitees were given.")
        )
    notice, _created = Notice.objects.select_for_update().get_or_create(meeting=meeting)
    notice.recipients, notice.extra_recipients = recipients, extra_recipients.strip()
    notice.announced, notice.sent_at, notice.sent_by = announced(meeting), timezone.now(), user
    notice.save()
    meeting.notice = notice
    _send(meeting, notice, "kallelse", "REQUEST", with_agenda=True)
    return notice


def _send(meeting: Meeting, notice: Notice, kind: str, method: str, with_agenda=False) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = _mail_text(meeting, kind)
        attachments: list[Attachment] = [(
            "kallelse.ics",
            calendar_bytes([meeting_event(meeting, sequence=notice.sequence)], method),
            "text/calendar",
        )]
        if with_agenda:
            attachments[:0] = [
                (_agenda_name(meeting), render_agenda_pdf(meeting), "application/pdf"),
                *_documents(meeting),
            ]
    for address in notice.recipients:
        # One mail each: invitees do not see each other's addresses, and one bad address fails
        # alone.
        enqueue_mail([address], subject, body, attachments, meeting=meeting)


def _documents(meeting: Meeting) -> list[Attachment]:
    """The items' attached documents (handlingar): the kallelse goes to members only, who may
    read them all."""
    documents = []
    found = ItemAttachment.objects.filter(item__meeting=meeting).order_by("item__sort_key", "pk")
    for document in found:
        with document.file.open("rb") as handle:
            documents.append((document.original_name, handle.read(), document.content_type))
    return documents


def _agenda_name(meeting: Meeting) -> str:
    return f"{meeting.body.slug}-{meeting.slug}-{_('agenda')}.pdf"


def _mail_text(meeting: Meeting, kind: str) -> tuple[str, str]:
    subjects = {
        "kallelse": _("Notice of meeting: %(body)s, %(when)s"),
        "update": _("Changed: %(body)s, %(when)s"),
        "cancel": _("Cancelled: %(body)s, %(when)s"),
    }
    when = format_meeting_time(meeting.date, meeting.start_time, meeting.end_time)
    subject = subjects[kind] % {"body": meeting.body.name, "when": when}
    body = render_to_string(f"notices/mail/{kind}.txt", {
        "meeting": meeting, "when": when, "url": absolute_url(meeting.get_absolute_url()),
        "site_name": settings.KANSLI_SITE_NAME,
    })
    return subject, body


def announce_changes(meeting: Meeting) -> str:
    """Tell the invitees what changed since the kallelse: "cancel", "update" or ""."""
    notice = Notice.objects.select_for_update().filter(meeting=meeting, sent_at__isnull=False)
    notice = notice.first()
    if notice is None or notice.cancelled_at is not None:
        return ""
    if meeting.status == MeetingStatus.CANCELLED:
        notice.sequence += 1
        notice.cancelled_at = timezone.now()
        kind, method = "cancel", "CANCEL"
    elif announced(meeting) != notice.announced:
        notice.sequence += 1
        notice.announced = announced(meeting)
        kind, method = "update", "REQUEST"
    else:
        return ""
    notice.save(update_fields=["sequence", "cancelled_at", "announced"])
    meeting.notice = notice
    _send(meeting, notice, kind, method)
    return kind


@transaction.atomic
def cancel_meeting(meeting: Meeting, *, note: str = "") -> Meeting:
    """Mark the meeting cancelled; saving it sends the cancellation if a kallelse went out."""
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancellation_note = note.strip() or meeting.cancellation_note
    meeting.save(update_fields=["status", "cancellation_note"])
    return meeting


def _meeting_saved(sender, instance: Meeting, created: bool, raw: bool = False, **kwargs) -> None:
    if created or raw:
        return
    with transaction.atomic():
        announce_changes(instance)


def connect_signals() -> None:
    post_save.connect(_meeting_saved, sender=Meeting, dispatch_uid="kallelse-meeting-saved")
