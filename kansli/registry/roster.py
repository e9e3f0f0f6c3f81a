"""Who sat on a body on a day, and who sat on it over time, from dated records alone.

A seat (`Membership`) belongs to a person or to a post. A post's seat is filled on a day by
whoever holds the post that day (`Tenure`), so after an election the roster changes on the day
the new holder takes over, with nothing typed by hand. A `Roster` reads one body's seats and
every tenure of their posts in two queries, then answers any day, and the whole history, from
memory: the pages and the roll-call that use it cost the same however long the history grows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from django.db.models import F, Prefetch, QuerySet

from kansli.registry.models import (
    Body,
    Membership,
    MembershipRole,
    Organisation,
    Party,
    Person,
    Tenure,
)

ROLE_ORDER = {role: rank for rank, role in enumerate(MembershipRole.values)}

Period = tuple[datetime.date | None, datetime.date | None]


def overlap(first: Period, second: Period) -> Period | None:
    """The common part of two periods (None ends are open), or None when they do not meet."""
    start = max((day for day in (first[0], second[0]) if day), default=None)
    end = min((day for day in (first[1], second[1]) if day), default=None)
    if start and end and start > end:
        return None
    return start, end


def covers(period: Period, day: datetime.date) -> bool:
    return (period[0] is None or period[0] <= day) and (period[1] is None or period[1] >= day)


@dataclass(frozen=True)
class Seat:
    """A seat and who filled it for a period; `tenure` is set for an ex officio seat, and
    `person` is None while its post is vacant.

    `stands_in_for` is the seat a substitute stands in for, on the day asked about; `others`
    are the person's other seats that day when `Roster.people_on` merged them into this one.
    """

    membership: Membership
    tenure: Tenure | None
    start: datetime.date | None
    end: datetime.date | None
    stands_in_for: Seat | None = None
    others: tuple[Seat, ...] = ()

    @property
    def person(self) -> Person | None:
        if self.membership.person_id:
            return self.membership.person
        return self.tenure.person if self.tenure else None

    @property
    def party(self) -> Party | None:
        # The party the post was held for, which may not be the person's party today.
        if self.tenure is not None and self.tenure.party_id:
            return self.tenure.party
        return self.person.party if self.person else None

    @property
    def organisation(self) -> Organisation | None:
        """The organisation the seat represents: stated on one of the person's seats, else the
        post's or the person's own."""
        for seat in (self, *self.others):
            if seat.membership.on_behalf_of_id:
                return seat.membership.on_behalf_of
        if self.membership.post_id:
            return self.membership.post.organisation
        return self.person.organisation if self.person else None

    @property
    def role(self) -> str:
        return self.membership.role

    @property
    def role_label(self) -> str:
        return str(MembershipRole(self.role).label)

    @property
    def is_substitute(self) -> bool:
        return self.role == MembershipRole.SUBSTITUTE

    @property
    def voting(self) -> bool:
        return any(seat.membership.voting for seat in (self, *self.others))

    @property
    def post_name(self) -> str:
        return self.membership.post.name if self.membership.post_id else ""

    @property
    def post_names(self) -> list[str]:
        """The posts of this seat and of the person's other seats merged into it."""
        return [seat.post_name for seat in (self, *self.others) if seat.post_name]

    def sort_key(self) -> tuple[int, str, str]:
        organisation = self.organisation
        return (
            ROLE_ORDER.get(self.role, len(ROLE_ORDER)),
            organisation.display_name if organisation else "",
            self.person.name if self.person else "",
        )


def memberships_with_tenures(memberships: QuerySet[Membership]) -> QuerySet[Membership]:
    """`memberships` with what a roster reads, in two queries: each post's tenures come with
    their people and parties, oldest first."""
    # An open start is the earliest; PostgreSQL would otherwise sort it last, SQLite first.
    tenures = Tenure.objects.select_related(
        "person__party", "person__organisation", "party", "term"
    ).order_by(F("start").asc(nulls_first=True), "pk")
    return memberships.select_related(
        "body", "person__party", "person__organisation", "post__organisation", "on_behalf_of",
        "term",
    ).prefetch_related(Prefetch("post__tenures", queryset=tenures, to_attr="all_tenures"))


def _tenures(membership: Membership) -> list[Tenure]:
    return membership.post.all_tenures if membership.post_id else []


def _periods(membership: Membership) -> list[Seat]:
    """Every period the seat was filled: its own for a personal seat, else one per tenure
    of its post that falls within it."""
    own = (membership.start, membership.end)
    if membership.person_id:
        return [Seat(membership, None, *own)]
    seats = []
    for tenure in _tenures(membership):
        period = overlap(own, (tenure.start, tenure.end))
        if period is not None:
            seats.append(Seat(membership, tenure, *period))
    return seats


class Roster:
    """The seats of a set of memberships (normally one body's), loaded once."""

    def __init__(self, memberships: QuerySet[Membership]) -> None:
        self.memberships = list(memberships_with_tenures(memberships).order_by("pk"))

    @classmethod
    def of(cls, body: Body) -> Roster:
        return cls(Membership.objects.filter(body=body))

    def periods(self) -> list[Seat]:
        """Every period of every seat, in the memberships' order; vacancies are left out."""
        return [seat for membership in self.memberships for seat in _periods(membership)]

    def history(self) -> list[Seat]:
        """Every period of every seat, the latest start first; vacancies are left out."""
        seats = sorted(self.periods(), key=Seat.sort_key)
        # Sorting is stable (reversed too): within a start day the roster's order remains.
        return sorted(seats, key=lambda seat: seat.start or datetime.date.min, reverse=True)

    def on(self, day: datetime.date) -> list[Seat]:
        """Every seat on `day`, a vacant post's seat with nobody in it; substitutes know whom
        they stand in for."""
        seats = []
        for membership in self.memberships:
            if not covers((membership.start, membership.end), day):
                continue
            filled = [seat for seat in _periods(membership) if covers((seat.start, seat.end), day)]
            seats.extend(filled or [Seat(membership, None, membership.start, membership.end)])
        return _with_substituted(sorted(seats, key=Seat.sort_key))

    def people_on(self, day: datetime.date) -> list[Seat]:
        """One seat per person sitting on `day`, in their leading role (a chair who also holds
        a member's seat is listed once, as chair, for the organisation they represent)."""
        by_person: dict[int, list[Seat]] = {}
        for seat in self.on(day):
            if seat.person is not None:
                by_person.setdefault(seat.person.pk, []).append(seat)
        merged = [replace(seats[0], others=tuple(seats[1:])) for seats in by_person.values()]
        return sorted(merged, key=Seat.sort_key)


def _with_substituted(seats: list[Seat]) -> list[Seat]:
    filled = {seat.membership.pk: seat for seat in seats if seat.person is not None}
    return [
        replace(seat, stands_in_for=filled.get(seat.membership.substitute_for_id))
        if seat.membership.substitute_for_id else seat
        for seat in seats
    ]


def sitting_on(body: Body, day: datetime.date) -> list[Seat]:
    """Who sat on `body` on `day`: one entry per person, in two queries."""
    return Roster.of(body).people_on(day)
