"""Meetings as iCalendar (RFC 5545) events: one for a kallelse's invitation, many for a feed.

A meeting keeps one UID for its whole life, so a calendar client that got the first invitation
replaces it when the meeting moves (a higher SEQUENCE) or is cancelled (STATUS:CANCELLED), instead
of showing two meetings.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from icalendar import Calendar, Event

from kansli.meetings.models import Meeting

# Meeting times are the municipality's wall-clock times (see meetings.models); Swedish bodies
# all meet on Stockholm time.
MEETING_ZONE = ZoneInfo("Europe/Stockholm")
# A meeting without a stated end still needs one in calendars, which draw zero-length events as
# thin lines that are easy to miss; two hours is a typical committee meeting.
DEFAULT_LENGTH = datetime.timedelta(hours=2)
PRODUCT_ID = "-//Kansli//Kansli//SV"


def site_domain() -> str:
    """The host name of KANSLI_SITE_URL: what makes meeting UIDs unique worldwide."""
    return urlsplit(settings.KANSLI_SITE_URL).hostname or "localhost"


def absolute_url(path: str) -> str:
    return urljoin(settings.KANSLI_SITE_URL, path)


def meeting_uid(meeting: Meeting) -> str:
    return f"meeting-{meeting.pk}@{site_domain()}"


def meeting_sequence(meeting: Meeting) -> int:
    """How many times attendees were told of a change: kept by the meeting's kallelse."""
    notice = getattr(meeting, "notice", None)
    return notice.sequence if notice is not None else 0


def meeting_summary(meeting: Meeting) -> str:
    return f"{meeting.body.name}: {meeting.get_kind_display()}"


def _times(meeting: Meeting) -> tuple[datetime.date | datetime.datetime, ...]:
    if meeting.start_time is None:
        # No time known: an all-day event, which ends (exclusively) the next day.
        return meeting.date, meeting.date + datetime.timedelta(days=1)
    start = datetime.datetime.combine(meeting.date, meeting.start_time, MEETING_ZONE)
    if meeting.end_time is not None and meeting.end_time > meeting.start_time:
        end = datetime.datetime.combine(meeting.date, meeting.end_time, MEETING_ZONE)
    else:
        end = start + DEFAULT_LENGTH
    return start, end


def meeting_event(meeting: Meeting, *, sequence: int | None = None) -> Event:
    """The meeting as a VEVENT. `sequence` overrides the count kept by the kallelse."""
    event = Event()
    start, end = _times(meeting)
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", datetime.datetime.now(datetime.UTC))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", meeting_summary(meeting))
    event.add("sequence", meeting_sequence(meeting) if sequence is None else sequence)
    event.add("url", absolute_url(meeting.get_absolute_url()))
    if meeting.place:
        event.add("location", meeting.place)
    if meeting.is_cancelled:
        event.add("status", "CANCELLED")
        if meeting.cancellation_note:
            event.add("description", meeting.cancellation_note)
    else:
        event.add("status", "CONFIRMED")
    return event


def calendar_bytes(events: Iterable[Event], method: str | None = None) -> bytes:
    """A VCALENDAR holding `events`; `method` is REQUEST or CANCEL for invitations by e-mail
    (RFC 5546) and None for a feed to subscribe to."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    for event in events:
        calendar.add_component(event)
    # The VTIMEZONE for Europe/Stockholm, so clients without a zone database read TZID right.
    calendar.add_missing_timezones()
    return calendar.to_ical()
