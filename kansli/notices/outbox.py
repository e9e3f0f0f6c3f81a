"""E-mail leaves Kansli through this outbox, never from inside a request.

`enqueue_mail` stores the message and queues a task that sends it; the task runs in
`kansli worker`. A failed attempt is recorded and tried again later, waiting longer each time;
after the last attempt the mail is marked failed, which the secretary sees on the meeting's page
and can send again.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from kansli.meetings.models import Meeting
from kansli.notices.models import MailAttachment, MailStatus, OutgoingMail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
FIRST_WAIT = datetime.timedelta(minutes=1)
# 1, 5, 25, 125 minutes: a mail server that is down for the night is still caught by the last try.
BACKOFF_FACTOR = 5

# (file name, content, content type)
Attachment = tuple[str, bytes, str]


@transaction.atomic
def enqueue_mail(
    to: list[str],
    subject: str,
    body: str,
    attachments: Iterable[Attachment] = (),
    *,
    meeting: Meeting | None = None,
    headers: dict[str, str] | None = None,
) -> OutgoingMail:
    """Store a mail and queue it for sending; `meeting` files it under that meeting's page and
    `headers` are sent with it."""
    if not to:
        raise ValueError("A mail needs at least one recipient.")
    mail = OutgoingMail.objects.create(to=list(to), subject=subject, body=body, meeting=meeting,
                                       headers=headers or {})
    MailAttachment.objects.bulk_create(
        MailAttachment(mail=mail, filename=name, content=content, content_type=content_type)
        for name, content, content_type in attachments
    )
    _queue(mail)
    return mail


def _queue(mail: OutgoingMail, run_after: datetime.datetime | None = None) -> None:
    # Imported here: the task module imports this one.
    from kansli.notices.tasks import deliver_mail

    task = deliver_mail
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # `send_due`, run by the periodic job, tries it when it is due
        task = task.using(run_after=run_after)
    # Queued in the same transaction as the mail row with the database backend, so a mail is
    # never stored without its task nor a task queued for a mail that was rolled back.
    task.enqueue(mail.pk)


def backoff(attempts: int) -> datetime.timedelta:
    return FIRST_WAIT * BACKOFF_FACTOR ** max(attempts - 1, 0)


def as_message(mail: OutgoingMail) -> EmailMessage:
    message = EmailMessage(
        subject=mail.subject, body=mail.body, from_email=settings.DEFAULT_FROM_EMAIL, to=mail.to,
        headers=mail.headers,
    )
    for attachment in mail.attachments.all():
        message.attach(attachment.filename, bytes(attachment.content), attachment.content_type)
    return message


@transaction.atomic
def deliver(mail: OutgoingMail) -> OutgoingMail:
    """Try once to send `mail` if it is due; record the outcome and queue a retry if one is left.

    The row is locked first, so a retry task and the periodic job that reach the same mail at
    the same moment do not both send it.
    """
    mail = OutgoingMail.objects.select_for_update().get(pk=mail.pk)
    if not _is_due(mail):
        return mail
    mail.attempts += 1
    try:
        as_message(mail).send()
    except Exception as error:  # any failure of the mail backend: SMTP, DNS, TLS, refused
        logger.warning("Mail %s failed (attempt %s): %s", mail.pk, mail.attempts, error)
        _failed(mail, error)
    else:
        mail.status, mail.sent_at, mail.next_attempt_at = MailStatus.SENT, timezone.now(), None
        mail.save(update_fields=["status", "attempts", "sent_at", "next_attempt_at"])
    return mail


def _is_due(mail: OutgoingMail) -> bool:
    waiting = mail.next_attempt_at is not None and mail.next_attempt_at > timezone.now()
    return mail.status == MailStatus.QUEUED and not waiting


def _failed(mail: OutgoingMail, error: Exception) -> None:
    mail.last_error = f"{type(error).__name__}: {error}"[:2000]
    if mail.attempts >= MAX_ATTEMPTS:
        mail.status, mail.next_attempt_at = MailStatus.FAILED, None
    else:
        mail.next_attempt_at = timezone.now() + backoff(mail.attempts)
    mail.save(update_fields=["status", "attempts", "last_error", "next_attempt_at"])
    if mail.status == MailStatus.QUEUED:
        _queue(mail, run_after=mail.next_attempt_at)


def retry(mail: OutgoingMail) -> OutgoingMail:
    """Give a failed mail a fresh set of attempts (the secretary's "send again")."""
    mail.status, mail.attempts, mail.next_attempt_at = MailStatus.QUEUED, 0, None
    mail.save(update_fields=["status", "attempts", "next_attempt_at"])
    _queue(mail)
    return mail


def send_due() -> int:
    """Try every queued mail whose retry is due: the periodic job's safety net for a task
    backend that cannot wait, and for tasks lost with a wiped queue."""
    due = OutgoingMail.objects.filter(
        status=MailStatus.QUEUED, attempts__gt=0, next_attempt_at__lte=timezone.now()
    )
    return sum(1 for mail in due if deliver(mail).status == MailStatus.SENT)


def failures(meeting: Meeting) -> Sequence[OutgoingMail]:
    return list(meeting.mails.filter(status=MailStatus.FAILED))
