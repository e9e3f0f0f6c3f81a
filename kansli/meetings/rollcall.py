"""The roll-call starts from who sits on the body on the meeting's day, not from typing names.

Seats come from dated memberships; an ex officio seat is filled by whoever holds its post that
day. Everyone starts as present (substitutes as not serving) and the secretary marks the rest.
"""

from __future__ import annotations

from django.db import transaction

from kansli.meetings.models import Attendance, AttendanceRole, AttendanceStatus, Meeting
from kansli.registry.models import Membership, MembershipRole, Person

ROLE_AT_MEETING = {
    MembershipRole.CHAIR: AttendanceRole.CHAIR,
    MembershipRole.VICE_CHAIR: AttendanceRole.VICE_CHAIR,
    MembershipRole.SECRETARY: AttendanceRole.SECRETARY,
    MembershipRole.SUBSTITUTE: AttendanceRole.SUBSTITUTE,
    MembershipRole.OFFICIAL: AttendanceRole.OFFICIAL,
}
ROLE_ORDER = {role: rank for rank, role in enumerate(MembershipRole.values)}


def _seated(meeting: Meeting) -> list[tuple[Membership, Person]]:
    memberships = (
        Membership.objects.current_on(meeting.date)
        .filter(body_id=meeting.body_id)
        .select_related("person__organisation", "person__party", "post", "on_behalf_of")
    )
    seated = [(m, m.holder_on(meeting.date)) for m in memberships]
    seated = [(m, person) for m, person in seated if person is not None]
    return sorted(seated, key=lambda pair: (ROLE_ORDER.get(pair[0].role, 99),
                                            pair[0].on_behalf_of_id or 0, pair[1].name))


@transaction.atomic
def fill_from_seats(meeting: Meeting) -> int:
    """Add everyone seated on the body that day who is not on the list yet; return how many."""
    listed = set(meeting.attendances.exclude(person=None).values_list("person_id", flat=True))
    position = meeting.attendances.count()
    added = 0
    for membership, person in _seated(meeting):
        if person.pk in listed:
            continue
        substitute = membership.role == MembershipRole.SUBSTITUTE
        Attendance.objects.create(
            meeting=meeting, position=position + added, person=person,
            name_as_written=person.name,
            organisation=membership.on_behalf_of or person.organisation,
            party=person.party,
            status=AttendanceStatus.NON_SERVING_SUBSTITUTE if substitute
            else AttendanceStatus.PRESENT,
            role=ROLE_AT_MEETING.get(membership.role, ""),
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
