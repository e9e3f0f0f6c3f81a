"""What anonymous readers may see: the only way the public site reaches the database.

Meetings themselves (date, place, status) are public information. Their minutes, and everything
recorded at them (attendance included), become public only once the minutes are published, so
every helper here that touches minutes goes through `Minutes.objects.published()`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404

from kansli.meetings.models import Attendance, AttendanceStatus, Meeting
from kansli.minutes.models import Minutes
from kansli.minutes.render.document import MinutesDocument, build_document, load_meeting
from kansli.registry.models import Body, Membership, MembershipRole, Person, Tenure

ROLE_ORDER = {role: rank for rank, role in enumerate(MembershipRole.values)}


def _published_for(meeting_ref: OuterRef | Meeting) -> QuerySet[Minutes]:
    return Minutes.objects.published().filter(meeting=meeting_ref)


def public_bodies() -> QuerySet[Body]:
    return Body.objects.select_related("organisation")


def public_body(slug: str) -> Body:
    return get_object_or_404(public_bodies(), slug=slug)


def public_meetings() -> QuerySet[Meeting]:
    """Every meeting, each marked with whether (and when) its minutes were published.

    The marks are subqueries rather than a join so a list of meetings stays one query.
    """
    published = _published_for(OuterRef("pk"))
    return Meeting.objects.public().annotate(
        minutes_published=Exists(published),
        minutes_published_at=Subquery(published.values("published_at")[:1]),
    )


def public_meeting(body_slug: str, slug: str) -> Meeting:
    return get_object_or_404(public_meetings(), body__slug=body_slug, slug=slug)


def published_minutes(meeting: Meeting) -> Minutes | None:
    return _published_for(meeting).first()


def public_document(meeting: Meeting) -> MinutesDocument | None:
    """The published minutes as plain data, confidential items left out; None before then."""
    if published_minutes(meeting) is None:
        return None
    return build_document(load_meeting(meeting.pk), for_public=True)


def published_document(meeting: Meeting) -> MinutesDocument:
    """Like `public_document`, for addresses that only exist once the minutes are out."""
    document = public_document(meeting)
    if document is None:
        raise Http404("The minutes of this meeting are not published.")
    return document


def neighbours(meeting: Meeting) -> tuple[Meeting | None, Meeting | None]:
    """The body's previous and next meeting, for the links between meeting pages."""
    return meeting.previous(), meeting.following()


def upcoming_meetings(today: datetime.date, limit: int = 8) -> QuerySet[Meeting]:
    return public_meetings().filter(date__gte=today).order_by("date", "start_time")[:limit]


def recently_published(limit: int = 8) -> QuerySet[Meeting]:
    """Meetings whose minutes came out most recently."""
    return (
        public_meetings()
        .filter(minutes_published=True)
        .order_by("-minutes_published_at", "-date")[:limit]
    )


def body_meetings(body: Body) -> QuerySet[Meeting]:
    return public_meetings().filter(body=body).order_by("-date", "-start_time")


@dataclass(frozen=True)
class Seat:
    """A seat in a body and who fills it: on one day (the body's page) or over a period (the
    person's page). `person` is None when the seat's post is vacant."""

    person: Person | None
    party: str
    representing: str
    role: str
    post: str
    body: Body | None = None
    start: datetime.date | None = None
    end: datetime.date | None = None

    @property
    def role_label(self) -> str:
        return str(MembershipRole(self.role).label)

    @property
    def rank(self) -> tuple[int, str]:
        return ROLE_ORDER.get(self.role, len(ROLE_ORDER)), self.representing


def _seat(membership: Membership, tenure: Tenure | None, **period: datetime.date | None) -> Seat:
    person = membership.person if membership.person_id else getattr(tenure, "person", None)
    party = tenure.party if tenure and tenure.party_id else getattr(person, "party", None)
    return Seat(
        person=person,
        party=party.abbreviation if party else "",
        representing=membership.on_behalf_of.display_name if membership.on_behalf_of_id else "",
        role=membership.role,
        post=membership.post.name if membership.post_id else "",
        body=membership.body,
        **period,
    )


def current_seats(body: Body, day: datetime.date) -> list[Seat]:
    """Who sits on `body` on `day`, from dated memberships and post tenures."""
    holders = Tenure.objects.current_on(day).select_related("person__party", "party")
    memberships = (
        Membership.objects.current_on(day)
        .filter(body=body)
        .select_related("body", "person__party", "on_behalf_of", "post")
        .prefetch_related(Prefetch("post__tenures", queryset=holders, to_attr="current_tenures"))
    )
    seats = [_seat(membership, _holding(membership)) for membership in memberships]
    return sorted(seats, key=lambda seat: seat.rank)


def _holding(membership: Membership) -> Tenure | None:
    # An ex officio seat is filled by whoever holds its post that day; the tenures came
    # prefetched already narrowed to that day, so this reads no further rows.
    tenures = membership.post.current_tenures if membership.post_id else []
    return tenures[0] if tenures else None


def public_people() -> QuerySet[Person]:
    """People with a public trace: a seat, a post, or presence at a meeting with published
    minutes. Someone named only in a draft stays unknown to the public."""
    attended_published = Attendance.objects.filter(
        person=OuterRef("pk"), meeting__minutes__in=Minutes.objects.published()
    )
    return Person.objects.filter(
        Exists(Membership.objects.filter(person=OuterRef("pk")))
        | Exists(Tenure.objects.filter(person=OuterRef("pk")))
        | Exists(attended_published)
    ).select_related("organisation", "party")


def public_person(slug: str) -> Person:
    return get_object_or_404(public_people(), slug=slug)


def person_tenures(person: Person) -> list[Tenure]:
    return list(person.tenures.select_related("post", "person", "party").order_by("-start"))


def _overlap(
    first: tuple[datetime.date | None, datetime.date | None],
    second: tuple[datetime.date | None, datetime.date | None],
) -> dict[str, datetime.date | None] | None:
    """The common part of two periods (None ends are open), or None when they do not meet."""
    start = max((day for day in (first[0], second[0]) if day), default=None)
    end = min((day for day in (first[1], second[1]) if day), default=None)
    if start and end and start > end:
        return None
    return {"start": start, "end": end}


def person_seats(person: Person, tenures: list[Tenure]) -> list[Seat]:
    """Seats the person held in their own name, and seats that came with a post they held,
    each for the time the person actually filled it. `tenures` are the person's tenures."""
    memberships = Membership.objects.filter(
        Q(person=person) | Q(post__in={tenure.post_id for tenure in tenures})
    ).select_related("body", "post", "on_behalf_of", "person__party")
    seats = []
    for membership in memberships:
        own = (membership.start, membership.end)
        if membership.person_id:
            seats.append(_seat(membership, None, start=own[0], end=own[1]))
            continue
        for tenure in (t for t in tenures if t.post_id == membership.post_id):
            period = _overlap(own, (tenure.start, tenure.end))
            if period:
                seats.append(_seat(membership, tenure, **period))
    return sorted(seats, key=lambda seat: seat.start or datetime.date.min, reverse=True)


def attended_meetings(person: Person) -> QuerySet[Attendance]:
    """The person's attendance at meetings whose minutes are published, newest first."""
    return (
        Attendance.objects.filter(person=person, meeting__minutes__in=Minutes.objects.published())
        .exclude(status=AttendanceStatus.ABSENT)
        .select_related("meeting__body", "organisation")
        .order_by("-meeting__date")
    )
