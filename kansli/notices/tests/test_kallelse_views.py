"""The kallelse buttons on the meeting's staff page."""

from django.core import mail
from django.urls import reverse

from kansli.meetings.models import MeetingStatus
from kansli.notices import outbox
from kansli.notices.models import MailStatus, OutgoingMail

KW = {"body": "samarbetskommitten", "meeting": "2099-03-01"}


def url(name: str, **extra) -> str:
    return reverse(f"notices:{name}", kwargs={**KW, **extra})


def staff_page() -> str:
    return reverse("staff:meeting", kwargs=KW)


def test_the_secretary_sends_the_kallelse_and_sees_it_sent(secretary_client, members_with_email):
    response = secretary_client.post(url("send"), {"extra_recipients": "gast@example.se"},
                                     follow=True)
    page = response.content.decode()
    assert "The kallelse is on its way to 3 recipients." in page
    assert "E-mail: 3 sent, 0 waiting, 0 failed." in page
    assert "to 3 recipients." in page
    assert len(mail.outbox) == 3


def test_a_bad_address_is_named_with_its_line(secretary_client, members_with_email):
    response = secretary_client.post(
        url("send"), {"extra_recipients": "gast@example.se\nfel@"}, follow=True
    )
    assert "Other invitees, line 2: “fel@” is not an e-mail address." in response.content.decode()
    assert mail.outbox == []


def test_a_member_may_not_send_the_kallelse(member_client, members_with_email):
    assert member_client.post(url("send")).status_code == 403
    assert mail.outbox == []


def test_anonymous_visitors_may_not_send(client, members_with_email):
    assert client.post(url("send")).status_code == 302
    assert mail.outbox == []


def test_the_secretary_cancels_the_meeting(secretary_client, members_with_email):
    secretary_client.post(url("send"))
    mail.outbox.clear()
    secretary_client.post(url("cancel"), {"note": "Inga ärenden."})
    meeting = members_with_email.planned
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    assert meeting.cancellation_note == "Inga ärenden."
    assert len(mail.outbox) == 2
    again = secretary_client.post(url("cancel"), follow=True)
    assert "already cancelled" in again.content.decode()


def test_a_member_may_not_cancel(member_client, members_with_email):
    assert member_client.post(url("cancel")).status_code == 403
    members_with_email.planned.refresh_from_db()
    assert members_with_email.planned.status == MeetingStatus.PLANNED


def test_failed_mail_is_shown_to_the_secretary_who_can_send_it_again(
    secretary_client, members_with_email
):
    failed = outbox.enqueue_mail(["x@example.se"], "Kallelse", "Text",
                                 meeting=members_with_email.planned)
    OutgoingMail.objects.filter(pk=failed.pk).update(
        status=MailStatus.FAILED, attempts=5, last_error="SMTPRecipientsRefused: x@example.se"
    )
    page = secretary_client.get(staff_page()).content.decode()
    assert "SMTPRecipientsRefused: x@example.se" in page
    secretary_client.post(url("retry", pk=failed.pk))
    failed.refresh_from_db()
    assert failed.status == MailStatus.SENT


def test_a_member_sees_no_send_button(member_client, members_with_email):
    page = member_client.get(staff_page()).content.decode()
    assert url("send") not in page
