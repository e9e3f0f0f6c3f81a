"""The roll-call starts from who sits on the body on the meeting's day, not from typing names.

Seats come from dated memberships; an ex officio seat is filled by whoever holds its post that
day (see `registry.roster`). Everyone starts as present (substitutes as not serving) and the
secretary marks the rest.
"""

from __future__ import annotations

from django.db import transaction

from kansli.meetings.models import Attendance, AttendanceRole, AttendanceStatus, Meeting
from kansli.registry.models import MembershipRole, Person
from kansli.registry.roster import sitting_on

ROLE_AT_MEETING = {
    MembershipRole.CHAIR: AttendanceRole.CHAIR,
    MembershipRole.VICE_CHAIR: AttendanceRole.VICE_CHAIR,
    MembershipRole.SECRETARY: AttendanceRole.SECRETARY,
    MembershipRole.SUBSTITUTE: AttendanceRole.SUBSTITUTE,
    MembershipRole.OFFICIAL: AttendanceRole.OFFICIAL,
}


@transaction.atomic
def fill_from_seats(meeting: Meeting) -> int:
    """Add everyone seated on the body that day who is not on the list yet; return how many."""
    listed = set(meeting.attendances.exclude(person=None).values_list("person_id", flat=True))
    position = meeting.attendances.count()
    added = 0
    for seat in sitting_on(meeting.body, meeting.date):
        person = seat.person
        if person.pk in listed:
            continue
        Attendance.objects.create(
            meeting=meeting, position=position + added, person=person,
            name_as_written=person.name, organisation=seat.organisation, party=seat.party,
            status=AttendanceStatus.NON_SERVING_SUBSTITUTE if seat.is_substitute
            else AttendanceStatus.PRESENT,
            role=ROLE_AT_MEETING.get(seat.role, ""),
        )
        listed.add(person.pk)
        added += 1
    return added


def add_attendee(meeting: Meeting, *, person: Person | None, name: str, organisation: str,
                 status: str) -> Attendance:
    """Add someone to the list: a registry person, or a name as written."""
    return Attendance.objects.create(
        meeting=meeting, position=meeting.attendances.count(), person=person,
        name_as_written=person.name if person else name.strip(),
        organisation=person.organisation if person else None,
        organisation_as_written="" if person else organisation.strip(),
        party=person.party if person else None,
        status=status,
    )
