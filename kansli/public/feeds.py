"""Feeds to follow a body or a person: RSS and Atom of newly published minutes and decisions,
and iCalendar of upcoming and cancelled meetings.

Feeds are read by programs that ask again every few minutes, so each is kept like a page (see
`caching`) and answers 304 when nothing has changed.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from kansli.meetings.calendar import calendar_bytes, meeting_event
from kansli.meetings.models import Meeting
from kansli.public import access
from kansli.public.caching import kept, validated
from kansli.public.templatetags.public_site import minutes_published_label
from kansli.registry.models import Body, Person

FEED_LENGTH = 50
# Calendar clients drop events that vanish from a feed; a month of the past keeps a meeting
# someone just attended (or that was just cancelled) in view.
CALENDAR_PAST = datetime.timedelta(days=30)
CALENDAR_TYPE = "text/calendar; charset=utf-8"


@dataclass(frozen=True)
class Entry:
    """One entry of a body's feed: published minutes, or a decision in them."""

    title: str
    link: str
    text: str
    published: datetime.datetime


def minutes_entries(body: Body) -> list[Entry]:
    meetings = access.body_meetings(body).filter(minutes_published=True)
    meetings = meetings.order_by("-minutes_published_at")[:FEED_LENGTH]
    return [
        Entry(
            title=f"{minutes_published_label(meeting)}: {meeting.get_kind_display()} "
                  f"{meeting.date:%Y-%m-%d}",
            link=meeting.get_absolute_url(),
            text=meeting.title or body.name,
            published=meeting.minutes_published_at,
        )
        for meeting in meetings
    ]


def decision_entries(body: Body) -> list[Entry]:
    decisions = access.public_decisions().filter(item__meeting__body=body).annotate(
        published=F("item__meeting__minutes__published_at")
    ).order_by("-published", "-pk")[:FEED_LENGTH]
    return [
        Entry(
            title=f"{_('Decision')}: {decision.item.title}",
            link=reverse("public:decision", kwargs={"pk": decision.pk}),
            text=decision.text,
            published=decision.published,
        )
        for decision in decisions
    ]


def body_entries(body: Body) -> list[Entry]:
    entries = minutes_entries(body) + decision_entries(body)
    return sorted(entries, key=lambda entry: entry.published, reverse=True)[:FEED_LENGTH]


def kept_response(
    request: HttpRequest, make: Callable[[], tuple[bytes, str]], filename: str = ""
) -> HttpResponse:
    """A feed's bytes kept by address, answered with 304 when the reader's copy is current."""

    def respond() -> HttpResponse:
        content, content_type = kept("feed", request.path, make)
        response = HttpResponse(content, content_type=content_type)
        if filename:
            response["Content-Disposition"] = f'inline; filename="{filename}"'
        return response

    return validated(request, respond)


class BodyRssFeed(Feed):
    """RSS 2.0 of a body's newly published minutes and decisions."""

    feed_type = Rss201rev2Feed

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        def make() -> tuple[bytes, str]:
            response = super(BodyRssFeed, self).__call__(request, *args, **kwargs)
            return response.content, response["Content-Type"]

        return kept_response(request, make)

    def get_object(self, request: HttpRequest, body: str) -> Body:
        return access.public_body(body)

    def title(self, body: Body) -> str:
        return _("%(body)s: minutes and decisions") % {"body": body.name}

    def link(self, body: Body) -> str:
        return body.get_absolute_url()

    def description(self, body: Body) -> str:
        return _("Newly published minutes and decisions of %(body)s.") % {"body": body.name}

    def items(self, body: Body) -> list[Entry]:
        return body_entries(body)

    def item_title(self, entry: Entry) -> str:
        return entry.title

    def item_description(self, entry: Entry) -> str:
        return entry.text

    def item_link(self, entry: Entry) -> str:
        return entry.link

    def item_pubdate(self, entry: Entry) -> datetime.datetime:
        return entry.published


class BodyAtomFeed(BodyRssFeed):
    """The same entries as Atom 1.0."""

    feed_type = Atom1Feed
    subtitle = BodyRssFeed.description


def calendar_meetings(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Upcoming and recent meetings, cancelled ones included so calendars can drop them."""
    since = timezone.localdate() - CALENDAR_PAST
    return meetings.filter(date__gte=since).select_related("notice").order_by("date", "pk")


def ics(meetings) -> tuple[bytes, str]:
    return calendar_bytes([meeting_event(meeting) for meeting in meetings]), CALENDAR_TYPE


@require_safe
def body_calendar(request: HttpRequest, body: str) -> HttpResponse:
    return kept_response(
        request,
        lambda: ics(calendar_meetings(access.body_meetings(access.public_body(body)))),
        f"{body}.ics",
    )


def seated_meetings(person: Person) -> list[Meeting]:
    """Meetings of the bodies where `person` holds a seat on the meeting's day."""
    seats = access.person_seats(person)
    meetings = calendar_meetings(
        access.public_meetings().filter(body__in={seat.body.pk for seat in seats})
    )
    return [
        meeting for meeting in meetings
        if any(seat.body.pk == meeting.body_id and _during(meeting.date, seat) for seat in seats)
    ]


def _during(day: datetime.date, seat: access.Seat) -> bool:
    return (seat.start is None or seat.start <= day) and (seat.end is None or day <= seat.end)


@require_safe
def person_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    return kept_response(
        request, lambda: ics(seated_meetings(access.public_person(slug))), f"{slug}.ics"
    )
