"""Feeds: RSS and Atom of a body's newly published minutes and decisions, iCalendar of the
meetings of a body or of a person's seats."""

from __future__ import annotations

import datetime
from xml.etree import ElementTree

from icalendar import Calendar

from conftest import CONFIDENTIAL_MARKER, DRAFT_MARKER
from kansli.meetings.models import Meeting, MeetingStatus
from kansli.registry.models import Membership, Post, Tenure

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def events(response) -> dict[str, dict]:
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(e["URL"]).rsplit("/", 2)[-2]: e for e in calendar.walk("VEVENT")}


def test_rss_lists_published_minutes_and_their_public_decisions(reader, committee):
    response = reader.get("/flode/samarbetskommitten/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    titles = [item.findtext("title") for item in channel.iterfind("item")]
    assert titles[0].startswith("Minutes published")
    assert "Decision: Förslag nytt utvecklingsprogram" in titles
    text = response.content.decode()
    assert CONFIDENTIAL_MARKER not in text and DRAFT_MARKER not in text
    assert len(titles) == 3  # the minutes and two public decisions


def test_atom_carries_the_same_entries(reader, committee):
    response = reader.get("/flode/samarbetskommitten/atom/")
    feed = ElementTree.fromstring(response.content)
    assert len(feed.findall("atom:entry", ATOM)) == 3
    assert CONFIDENTIAL_MARKER not in response.content.decode()


def test_a_feed_of_an_unknown_body_is_not_found(reader, committee):
    assert reader.get("/flode/finns-inte/rss/").status_code == 404


def test_body_calendar_has_upcoming_and_cancelled_meetings(reader, committee):
    Meeting.objects.filter(pk=committee.cancelled.pk).update(date=datetime.date.today())
    found = events(reader.get("/kalender/samarbetskommitten.ics"))
    assert set(found) == {"2099-03-01", "2022-12-08"}
    assert found["2022-12-08"]["STATUS"] == "CANCELLED"
    assert found["2099-03-01"]["STATUS"] == "CONFIRMED"


def test_a_meeting_long_past_is_not_in_the_calendar(reader, committee):
    assert "2022-11-10" not in events(reader.get("/kalender/samarbetskommitten.ics"))


def test_person_calendar_follows_the_seats_the_person_holds(reader, committee):
    post = Post.objects.create(name="KSO Alby", organisation=committee.chair.organisation)
    Membership.objects.create(body=committee.body, post=post)
    Tenure.objects.create(post=post, person=committee.chair, start=datetime.date(2099, 1, 1))
    Tenure.objects.create(post=post, person=committee.adjuster, end=datetime.date(2098, 12, 31))
    Meeting.objects.create(body=committee.body, date=datetime.date(2098, 6, 1), slug="2098-06-01",
                           status=MeetingStatus.PLANNED)
    assert set(events(reader.get(f"/kalender/personer/{committee.chair.slug}.ics"))) == {
        "2099-03-01"
    }
    assert set(events(reader.get(f"/kalender/personer/{committee.adjuster.slug}.ics"))) == {
        "2098-06-01"
    }


def test_the_calendar_never_shows_the_online_link(reader, committee):
    Meeting.objects.filter(pk=committee.planned.pk).update(online_link="https://example.org/hemlig")
    assert b"example.org/hemlig" not in reader.get("/kalender/samarbetskommitten.ics").content
