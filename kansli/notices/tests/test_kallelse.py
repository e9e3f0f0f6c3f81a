import datetime

import pytest
from django.core import mail
from icalendar import Calendar

from kansli.meetings.models import MeetingStatus
from kansli.notices import kallelse
from kansli.notices.models import Notice


def invitation(message):
    name, content, content_type = next(a for a in message.attachments if a[0].endswith(".ics"))
    assert content_type.startswith("text/calendar")
    data = content if isinstance(content, bytes) else content.encode()
    return Calendar.from_ical(data)


def test_the_kallelse_goes_to_each_member_with_the_agenda_and_an_invitation(members_with_email):
    meeting = members_with_email.planned
    kallelse.send_kallelse(meeting, extra_recipients="gast@example.se")
    assert sorted(m.to[0] for m in mail.outbox) == [
        "asa@alby.example", "bjorn@borg.example", "gast@example.se"
    ]
    message = mail.outbox[0]
    assert message.subject.startswith("Notice of meeting")
    assert "Stadshuset" in message.body
    names = [attachment[0] for attachment in message.attachments]
    assert names[0].endswith(".pdf") and names[1] == "kallelse.ics"
    assert message.attachments[0][1].startswith(b"%PDF")
    calendar = invitation(message)
    assert calendar["METHOD"] == "REQUEST"
    assert calendar.walk("VEVENT")[0]["SEQUENCE"] == 0


def test_a_bad_address_names_its_line_and_sends_nothing(members_with_email):
    with pytest.raises(kallelse.NoticeError, match="line 2: “inte-en-adress”"):
        kallelse.send_kallelse(
            members_with_email.planned, extra_recipients="ok@example.se\ninte-en-adress"
        )
    assert mail.outbox == []
    assert not Notice.objects.exists()


def test_nobody_to_send_to_is_refused(committee):
    with pytest.raises(kallelse.NoticeError, match="Nobody to send to"):
        kallelse.send_kallelse(committee.planned)


def test_moving_the_meeting_sends_an_update_with_a_higher_sequence(members_with_email):
    meeting = members_with_email.planned
    kallelse.send_kallelse(meeting)
    mail.outbox.clear()
    meeting.date = datetime.date(2099, 3, 8)
    meeting.save()
    assert len(mail.outbox) == 2
    event = invitation(mail.outbox[0]).walk("VEVENT")[0]
    assert event["SEQUENCE"] == 1
    assert event.decoded("DTSTART").date() == datetime.date(2099, 3, 8)
    assert mail.outbox[0].subject.startswith("Changed")


def test_saving_the_meeting_unchanged_sends_nothing(members_with_email):
    meeting = members_with_email.planned
    kallelse.send_kallelse(meeting)
    mail.outbox.clear()
    meeting.title = "Ny rubrik"
    meeting.save()
    assert mail.outbox == []


def test_cancelling_sends_a_cancel_and_marks_the_meeting(members_with_email, client):
    meeting = members_with_email.planned
    kallelse.send_kallelse(meeting)
    mail.outbox.clear()
    kallelse.cancel_meeting(meeting, note="Nästa möte ställs in.")
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    calendar = invitation(mail.outbox[0])
    assert calendar["METHOD"] == "CANCEL"
    assert calendar.walk("VEVENT")[0]["STATUS"] == "CANCELLED"
    assert calendar.walk("VEVENT")[0]["SEQUENCE"] == 1
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Nästa möte ställs in." in page
    # Cancelled once is enough.
    mail.outbox.clear()
    meeting.save()
    assert mail.outbox == []


def test_a_cancelled_meeting_gets_no_kallelse(members_with_email):
    with pytest.raises(kallelse.NoticeError):
        kallelse.send_kallelse(members_with_email.cancelled)
