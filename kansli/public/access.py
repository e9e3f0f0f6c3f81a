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

from kansli.meetings import adoption
from kansli.meetings.adoption import ADOPTED  # noqa: F401 (the API reads it from here)
from kansli.meetings.models import (
    Adoption,
    AgendaItem,
    Attachment,
    Attendance,
    AttendanceStatus,
    Decision,
    Matter,
    Meeting,
)
from kansli.minutes import publication
from kansli.minutes.models import Minutes, MinutesVersion, PublishedFile
from kansli.minutes.render.document import MinutesDocument, build_document, load_meeting
from kansli.registry.models import (
    Body,
    Membership,
    MembershipRole,
    Organisation,
    Person,
    Tenure,
)
from kansli.registry.roster import Roster
from kansli.registry.roster import Seat as RosterSeat

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


def immediately_adjusted(meeting: Meeting) -> list:
    """Paragraphs adjusted at the meeting (omedelbar justering), public on their own; never a
    confidential one."""
    return publication.immediately_adjusted_items(meeting)


def published_file(meeting: Meeting, fmt: str) -> bytes:
    """The published minutes as a file, frozen when published and never rendered again; while
    they are corrected, the file that was published before."""
    minutes = published_minutes(meeting)
    if minutes is not None:
        return publication.public_file(minutes, fmt)
    frozen = _frozen_under_correction(meeting, fmt)
    if frozen is None:
        raise Http404("The minutes of this meeting are not published.")
    return publication.read(frozen)


def under_correction(meeting: Meeting) -> MinutesVersion | None:
    """The version readers keep while the meeting's published minutes are corrected."""
    minutes = Minutes.objects.filter(meeting=meeting).first()
    return publication.version_under_correction(minutes) if minutes else None


def _frozen_under_correction(meeting: Meeting, fmt: str) -> PublishedFile | None:
    version = under_correction(meeting)
    return publication.frozen_file(version, fmt) if version else None


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


def body_seats(body: Body, day: datetime.date) -> tuple[list[Seat], list[Seat]]:
    """Who sits on `body` on `day`, and who filled each seat over time (latest first), from
    one read of the body's dated memberships and post tenures (see `registry.roster`)."""
    found = Roster.of(body)
    return [_public_seat(seat) for seat in found.on(day)], [
        _public_seat(seat) for seat in found.history()
    ]


def _public_seat(seat: RosterSeat) -> Seat:
    return _seat(seat.membership, seat.tenure, start=seat.start, end=seat.end)


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


def person_seats(person: Person) -> list[Seat]:
    """Seats the person held in their own name, and seats that came with a post they held,
    each for the time the person actually filled it, the latest first (see `registry.roster`)."""
    roster = Roster(Membership.objects.filter(
        Q(person=person) | Q(post__in=Tenure.objects.filter(person=person).values("post"))
    ))
    return [_public_seat(seat) for seat in roster.history() if seat.person == person]


def attended_meetings(person: Person) -> QuerySet[Attendance]:
    """The person's attendance at meetings whose minutes are published, newest first."""
    return (
        Attendance.objects.filter(person=person, meeting__minutes__in=Minutes.objects.published())
        .exclude(status=AttendanceStatus.ABSENT)
        .select_related("meeting__body", "organisation")
        .order_by("-meeting__date")
    )


def public_items() -> QuerySet[AgendaItem]:
    """Agenda items anyone may read: in published minutes, neither confidential themselves nor
    under a confidential item."""
    return (
        AgendaItem.objects.public()
        .filter(meeting__minutes__in=Minutes.objects.published())
        .exclude(parent__confidential=True)
    )


def public_item(pk: int) -> AgendaItem:
    return get_object_or_404(public_items().select_related("meeting__body"), pk=pk)


def visible_attachments() -> QuerySet[Attachment]:
    """Documents anyone may fetch: those the secretariat marked public, attached to items
    anyone may read."""
    return Attachment.objects.filter(public=True, item__in=public_items())


def public_attachments(meeting: Meeting) -> QuerySet[Attachment]:
    """The documents shown with a meeting's published minutes."""
    return (
        visible_attachments().filter(item__meeting=meeting)
        .select_related("item")
        .order_by("item__sort_key", "uploaded_at", "pk")
    )


def public_attachment(meeting: Meeting, pk: int, name: str) -> Attachment:
    """One public attachment, at the one address that names it by its file name."""
    return get_object_or_404(public_attachments(meeting), pk=pk, original_name=name)


def public_decisions() -> QuerySet[Decision]:
    """Decisions under public items, newest meeting first, in the minutes' order."""
    return (
        Decision.objects.filter(item__in=public_items())
        .select_related("item__meeting__body", "item__matter")
        .order_by("-item__meeting__date", "item__meeting__body__name", "item__sort_key",
                  "position", "pk")
    )


def public_decision(pk: int) -> Decision:
    return get_object_or_404(public_decisions(), pk=pk)


def decision_years() -> list[int]:
    dates = Meeting.objects.filter(items__in=public_items().filter(decisions__isnull=False))
    return [day.year for day in dates.dates("date", "year", order="DESC")]


def public_matters() -> QuerySet[Matter]:
    """Matters marked public that a public item has dealt with: a matter known only from drafts
    or closed sessions stays unknown, even its title."""
    dealt_with = public_items().filter(matter=OuterRef("pk"))
    return Matter.objects.filter(public=True).filter(Exists(dealt_with)).select_related("body")


def public_matter(slug: str) -> Matter:
    return get_object_or_404(public_matters(), slug=slug)


def matter_timeline(matter: Matter) -> QuerySet[AgendaItem]:
    """The public items that dealt with `matter`, across meetings and bodies, oldest first."""
    decisions = Prefetch("decisions", queryset=Decision.objects.order_by("position", "pk"))
    return (
        public_items().filter(matter=matter)
        .select_related("meeting__body")
        .prefetch_related(decisions)
        .order_by("meeting__date", "meeting__start_time", "sort_key")
    )


def matter_adoptions(matter: Matter) -> adoption.Rollup:
    """Adoptions of a public matter by member organisations (call only with a public matter)."""
    return adoption.rollup(matter)


def adoption_matrix() -> adoption.Matrix:
    """Public matters that member organisations are asked to adopt, by organisation."""
    return adoption.matrix(public_matters())


def public_organisations() -> QuerySet[Organisation]:
    """Organisations with a public role: owning a body, belonging to one, or adopting a public
    matter's proposal."""
    return Organisation.objects.filter(
        Exists(Body.objects.filter(organisation=OuterRef("pk")))
        | Exists(Body.member_organisations.through.objects.filter(organisation=OuterRef("pk")))
        | Exists(Adoption.objects.filter(organisation=OuterRef("pk"), matter__in=public_matters()))
    )


def meeting_years() -> list[int]:
    return [day.year for day in public_meetings().dates("date", "year", order="DESC")]
