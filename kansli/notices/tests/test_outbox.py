import datetime
import smtplib

import pytest
from django.core import mail as django_mail
from django.utils import timezone

from kansli.notices import outbox
from kansli.notices.models import MailStatus, OutgoingMail


class RefusingBackend:
    """A mail backend whose server is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture
def server_down(settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"


@pytest.mark.django_db
def test_a_queued_mail_is_sent_by_its_task_with_its_attachments():
    mail = outbox.enqueue_mail(
        ["a@example.se"], "Ämne", "Text", [("a.ics", b"BEGIN:VCALENDAR", "text/calendar")]
    )
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == (MailStatus.SENT, 1)
    sent = django_mail.outbox[-1]
    assert sent.to == ["a@example.se"]
    assert sent.attachments[0][0] == "a.ics"


@pytest.mark.django_db
def test_a_mail_needs_a_recipient():
    with pytest.raises(ValueError, match="recipient"):
        outbox.enqueue_mail([], "Ämne", "Text")
    assert not OutgoingMail.objects.exists()


@pytest.mark.django_db
def test_a_failed_attempt_is_recorded_and_tried_again_later(server_down):
    mail = outbox.enqueue_mail(["a@example.se"], "Ämne", "Text")
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == (MailStatus.QUEUED, 1)
    assert "Connection unexpectedly closed" in mail.last_error
    assert mail.next_attempt_at > timezone.now()
    # Not due yet: the periodic job leaves it alone.
    assert outbox.send_due() == 0
    assert OutgoingMail.objects.get().attempts == 1


@pytest.mark.django_db
def test_the_wait_grows_between_attempts():
    assert [outbox.backoff(n) for n in (1, 2, 3)] == [
        datetime.timedelta(minutes=1), datetime.timedelta(minutes=5),
        datetime.timedelta(minutes=25),
    ]


@pytest.mark.django_db
def test_after_the_last_attempt_the_mail_is_failed_until_sent_again(server_down, settings):
    mail = outbox.enqueue_mail(["a@example.se"], "Ämne", "Text")
    for _attempt in range(outbox.MAX_ATTEMPTS - 1):
        OutgoingMail.objects.filter(pk=mail.pk).update(next_attempt_at=timezone.now())
        outbox.send_due()
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == (MailStatus.FAILED, outbox.MAX_ATTEMPTS)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    outbox.retry(mail)
    mail.refresh_from_db()
    assert mail.status == MailStatus.SENT


@pytest.mark.django_db
def test_a_sent_mail_is_not_sent_twice():
    mail = outbox.enqueue_mail(["a@example.se"], "Ämne", "Text")
    outbox.deliver(mail)
    assert len(django_mail.outbox) == 1
