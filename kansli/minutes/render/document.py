"""The content of a meeting's minutes as plain data, the single input of every renderer.

Building it is where visibility is decided: `for_public=True` leaves out confidential items, so no
renderer has to remember to.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
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
from kansli.registry.models import BodyMode

VOTING_STATUSES = {AttendanceStatus.PRESENT, AttendanceStatus.SERVING_SUBSTITUTE}
NON_VOTING_ROLES = {AttendanceRole.SECRETARY, AttendanceRole.OFFICIAL, AttendanceRole.GUEST}
# Minutes record some decisions as a sentence of their own rather than under a *Beslut* label.
INLINE_DECISION = re.compile(r"Beslut\s+att\b")


@dataclass
class Participant:
    name: str
    organisation: str = ""
    party: str = ""
    role: str = ""  # AttendanceRole value or ""
    status: str = AttendanceStatus.PRESENT
    url: str = ""

    @property
    def is_voting(self) -> bool:
        """Protocol mode's *Beslutande*: members and serving substitutes, not staff or guests."""
        return self.status in VOTING_STATUSES and self.role not in NON_VOTING_ROLES

    @property
    def name_and_party(self) -> str:
        return f"{self.name} ({self.party})" if self.party else self.name

    @property
    def role_label(self) -> str:
        return str(AttendanceRole(self.role).label) if self.role else ""


@dataclass
class Item:
    number: str
    title: str
    anchor: str
    text: str = ""
    decisions: list[str] = field(default_factory=list)
    level: int = 0
    confidential: bool = False

    def sections(self) -> list[Section]:
        """The item's body in reading order: its narrative, then its decisions.

        Consecutive decisions share one *Beslut* label. A decision written as a sentence of its
        own ("Beslut att ställa in nästa möte.") carries no label, and when the narrative already
        contains it (typed inside one of its paragraphs) it is not written twice.
        """
        sections = [Section(_paragraphs(self.text))] if self.text.strip() else []
        narrative = _squeeze(self.text)
        for decision in self.decisions:
            if not _is_inline_decision(decision):
                if sections and sections[-1].labelled:
                    sections[-1].paragraphs.append(decision)
                else:
                    sections.append(Section([decision], decision=True, labelled=True))
            elif _squeeze(decision) not in narrative:
                sections.append(Section([decision], decision=True))
        return sections


@dataclass
class Section:
    """Paragraphs of an item: narrative, a labelled block of decisions or an inline decision."""

    paragraphs: list[str]
    decision: bool = False
    labelled: bool = False


@dataclass
class Row:
    """One labelled line of the minutes' head or signature block."""

    label: str
    values: list[str] = field(default_factory=list)
    people: list[Participant] = field(default_factory=list)

    @property
    def has_parties(self) -> bool:
        return any(person.party for person in self.people)


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

    @property
    def is_protocol(self) -> bool:
        return self.body_mode == BodyMode.PROTOCOL

    @property
    def decision_label(self) -> str:
        # Minnesanteckningar end the label with a colon; a protokoll sets it as a subheading.
        return _("Decision") if self.is_protocol else f"{_('Decision')}:"

    def headed_items(self) -> list[tuple[str, Item]]:
        """Each item with its heading: "4. Title", or "§ 12 Title" in a protokoll."""
        separator = " " if self.is_protocol else ". "
        return [(f"{item.number}{separator}{item.title}", item) for item in self.items]

    def when_and_where(self) -> list[Row]:
        """Notes mode writes *Tid* and *Plats* apart; a protokoll writes *Plats och tid*."""
        if self.is_protocol:
            joined = ", ".join(part for part in (self.place, self.time_text) if part)
            return [Row(_("Place and time"), [joined])]
        return [Row(_("Time"), [self.time_text]), Row(_("Place"), [self.place])]

    def attendance(self) -> list[Row]:
        """Who was there, grouped as the mode's vocabulary groups them; empty groups left out."""
        if self.is_protocol:
            voting = [p for p in self.present if p.is_voting]
            others = [p for p in self.present if not p.is_voting]
            groups = [(_("Voting members"), voting), (_("Others present"), others)]
        else:
            groups = [(_("Participants"), self.present)]
        groups.append((_("Not present"), self.absent))
        return [Row(label, people=people) for label, people in groups if people]

    def appointed(self) -> list[Row]:
        """A protokoll names its adjusters on the first page too (*Utses att justera*)."""
        if self.is_protocol and self.adjusters:
            return [Row(_("Appointed to adjust"), list(self.adjusters))]
        return []

    def signatures(self) -> list[Row]:
        """The signature block: who took the minutes and who adjusts them."""
        taker = _("Minutes recorded by") if self.is_protocol else _("Minutes taken by")
        rows = [Row(taker, [self.note_taker])] if self.note_taker else []
        if self.adjusters:
            rows.append(Row(_("Adjusted by"), list(self.adjusters)))
        return rows

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
    everything = list(meeting.items.all())
    # A sub-item is part of its parent's matter and shares its secrecy.
    secret = {item.pk for item in everything if item.confidential}
    items = [
        item for item in everything
        if not (for_public and (item.pk in secret or item.parent_id in secret))
    ]
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
        chair = _("chair")
        return f"{participant.organisation}, {chair}".lstrip(", ")
    return participant.organisation


def person_label(participant: Participant) -> str:
    """A person on one line, as a protokoll's attendance list writes them: "Name (S), Org"."""
    parts = (participant.name_and_party, organisation_label(participant))
    return ", ".join(part for part in parts if part)


def _paragraphs(text: str) -> list[str]:
    """The paragraphs of a narrative, which separates them with blank lines."""
    return [part.strip() for part in re.split(r"\n\s*\n", text.strip()) if part.strip()]


def _is_inline_decision(text: str) -> bool:
    return INLINE_DECISION.match(text.strip()) is not None


def _squeeze(text: str) -> str:
    return " ".join(text.split())
