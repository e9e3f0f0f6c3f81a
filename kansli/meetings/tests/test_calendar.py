import datetime

from icalendar import Calendar

from kansli.meetings.calendar import calendar_bytes, meeting_event
from kansli.meetings.models import MeetingStatus


def parse(data: bytes):
    return Calendar.from_ical(data)


def test_an_invitation_has_a_stable_uid_local_times_and_the_public_address(committee, settings):
    settings.KANSLI_SITE_URL = "https://kansli.example.se/"
    meeting = committee.planned
    calendar = parse(calendar_bytes([meeting_event(meeting)], "REQUEST"))
    event = calendar.walk("VEVENT")[0]
    assert calendar["METHOD"] == "REQUEST"
    assert str(event["UID"]) == f"meeting-{meeting.pk}@kansli.example.se"
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert event.decoded("DTSTART") == datetime.datetime(
        2099, 3, 1, 13, tzinfo=event.decoded("DTSTART").tzinfo
    )
    assert event.decoded("DTEND") - event.decoded("DTSTART") == datetime.timedelta(hours=2)
    assert str(event["LOCATION"]) == "Stadshuset"
    assert str(event["URL"]) == "https://kansli.example.se/samarbetskommitten/2099-03-01/"
    assert event["SEQUENCE"] == 0
    assert calendar.walk("VTIMEZONE"), "the Stockholm zone travels with the invitation"


def test_the_same_meeting_keeps_its_uid_when_it_moves(committee):
    meeting = committee.planned
    before = meeting_event(meeting)
    meeting.date = datetime.date(2099, 3, 8)
    after = meeting_event(meeting, sequence=1)
    assert before["UID"] == after["UID"]
    assert after["SEQUENCE"] == 1


def test_a_cancelled_meeting_is_a_cancelled_event(committee):
    meeting = committee.planned
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancellation_note = "Inga ärenden."
    data = calendar_bytes([meeting_event(meeting)], "CANCEL")
    event = parse(data).walk("VEVENT")[0]
    assert parse(data)["METHOD"] == "CANCEL"
    assert event["STATUS"] == "CANCELLED"
    assert str(event["DESCRIPTION"]) == "Inga ärenden."


def test_a_meeting_without_a_time_is_an_all_day_event(committee):
    event = meeting_event(committee.cancelled)
    assert event.decoded("DTSTART") == datetime.date(2022, 12, 8)
    assert event.decoded("DTEND") == datetime.date(2022, 12, 9)


def test_a_feed_has_no_method(committee):
    data = calendar_bytes([meeting_event(committee.planned), meeting_event(committee.published)])
    calendar = parse(data)
    assert "METHOD" not in calendar
    assert len(calendar.walk("VEVENT")) == 2
