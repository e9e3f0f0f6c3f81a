"""The content of a meeting's minutes as plain data, the single input of every renderer.

Building it is where visibility is decided: `for_public=True` leaves out confidential items, so no
renderer has to remember to.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import asdict, dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from kansli.lib.swedish_dates import format_meeting_time
from kansli.meetings.models import (
    AgendaItem,
    Attendance,
    AttendanceRole,
    AttendanceStatus,
    Decision,
    Meeting,
    MeetingKind,
)


@dataclass
class Participant:
    name: str
    organisation: str = ""
    party: str = ""
    role: str = ""  # AttendanceRole value or ""
    status: str = AttendanceStatus.PRESENT
    url: str = ""


@dataclass
class Item:
    number: str
    title: str
    anchor: str
    text: str = ""
    decisions: list[str] = field(default_factory=list)
    level: int = 0
    confidential: bool = False


@dataclass
class MinutesDocument:
    title: str
    body: str
    body_mode: str
    kind: str
    status: str
    date: datetime.date
    time_text: str
    place: str
    present: list[Participant]
    absent: list[Participant]
    items: list[Item]
    note_taker: str = ""
    adjusters: list[str] = field(default_factory=list)
    cancelled: bool = False

    def to_json(self) -> dict:
        data = asdict(self)
        data["date"] = self.date.isoformat()
        return data

    def sha256(self) -> str:
        canonical = json.dumps(self.to_json(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode()).hexdigest()


KIND_IN_TITLE = {
    MeetingKind.ORDINARY: "möte",
    MeetingKind.PLANNING_CONFERENCE: "planeringskonferens",
    MeetingKind.EXTRA: "extra möte",
}


def default_title(meeting: Meeting) -> str:
    if meeting.body.is_protocol:
        return f"Protokoll {meeting.body.name}"
    return f"Minnesanteckningar från {KIND_IN_TITLE[meeting.kind]} med {meeting.body.name}"


def load_meeting(meeting_id: int) -> Meeting:
    """The meeting with everything the document needs, in a fixed number of queries."""
    attendances = Attendance.objects.select_related("person", "organisation", "party")
    items = AgendaItem.objects.prefetch_related(
        Prefetch("decisions", queryset=Decision.objects.order_by("position"))
    )
    return (
        Meeting.objects.select_related("body", "body__organisation", "minutes")
        .prefetch_related(
            Prefetch("attendances", queryset=attendances),
            Prefetch("items", queryset=items),
            "minutes__adjusters__person",
        )
        .select_related("minutes__note_taker__person")
        .get(pk=meeting_id)
    )


def _participant(attendance: Attendance) -> Participant:
    person = attendance.person
    return Participant(
        name=attendance.display_name,
        organisation=(
            attendance.organisation.display_name
            if attendance.organisation_id
            else attendance.organisation_as_written
        ),
        party=attendance.party.abbreviation if attendance.party_id else "",
        role=attendance.role,
        status=attendance.status,
        url=person.get_absolute_url() if person else "",
    )


def _item(item: AgendaItem) -> Item:
    return Item(
        number=item.number,
        title=item.title,
        anchor=item.anchor,
        text=item.text,
        decisions=[decision.text for decision in item.decisions.all()],
        level=1 if item.parent_id else 0,
        confidential=item.confidential,
    )


def _signers(meeting: Meeting) -> tuple[str, list[str]]:
    minutes = getattr(meeting, "minutes", None)
    if minutes is None:
        return "", []
    note_taker = minutes.note_taker.display_name if minutes.note_taker else ""
    return note_taker, [attendance.display_name for attendance in minutes.adjusters.all()]


def build_document(meeting: Meeting, *, for_public: bool) -> MinutesDocument:
    """The minutes of `meeting` (loaded with `load_meeting`) as plain data."""
    attendances = list(meeting.attendances.all())
    items = [item for item in meeting.items.all() if not (for_public and item.confidential)]
    note_taker, adjusters = _signers(meeting)
    minutes = getattr(meeting, "minutes", None)
    return MinutesDocument(
        title=meeting.title or default_title(meeting),
        body=meeting.body.name,
        body_mode=meeting.body.mode,
        kind=meeting.kind,
        status=minutes.status if minutes else "",
        date=meeting.date,
        time_text=format_meeting_time(meeting.date, meeting.start_time, meeting.end_time),
        place=meeting.place,
        present=[_participant(a) for a in attendances if a.is_present],
        absent=[_participant(a) for a in attendances if not a.is_present],
        items=[_item(item) for item in items],
        note_taker=note_taker,
        adjusters=adjusters,
        cancelled=meeting.is_cancelled,
    )


def organisation_label(participant: Participant) -> str:
    """The organisation column as the minutes write it, with the chair flagged."""
    if participant.role == AttendanceRole.CHAIR:
        return f"{participant.organisation}, {_('ordförande')}".lstrip(", ")
    return participant.organisation
