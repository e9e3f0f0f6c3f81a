"""What the parser returns: plain dataclasses, no database.

`ParsedMinutes.to_dict()` gives exactly the JSON schema of the minutes corpus (ISO dates, HH:MM
times), which is also what `kansli parse FILE` prints.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

ROLES = (
    "chair",
    "secretary",
    "adjuster",
    "vice_chair",
    "treasurer",
    "member",
    "substitute",
    "official",
    "guest",
)


class ParseError(Exception):
    """A document the parser cannot read as minutes; names the file and line when known."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line

    def __str__(self) -> str:
        where = [
            part for part in (self.source, None if self.line is None else str(self.line)) if part
        ]
        return ":".join([*where, f" {self.message}" if where else self.message])


@dataclass
class ParsedPerson:
    """A person as the minutes name them; `line` is where the name was found."""

    name: str
    organisation: str | None = None
    role: str | None = None
    party: str | None = None
    line: int | None = None


@dataclass
class ParsedAction:
    """A task recorded in the minutes; `due` is an ISO date or the deadline as written."""

    text: str
    owner: str | None = None
    due: str | None = None
    line: int | None = None


@dataclass
class ParsedItem:
    """An agenda item; `text` holds its narrative paragraphs, without the decision text."""

    number: str
    title: str
    text: str = ""
    decisions: list[str] = field(default_factory=list)
    confidential: bool = False
    parent: str | None = None
    line: int | None = None


@dataclass
class ParsedMinutes:
    """Everything read from one minutes document."""

    language: str | None = None
    kind: str | None = None
    body: str | None = None
    organisation: str | None = None
    meeting_type: str | None = None
    date: datetime.date | None = None
    start: datetime.time | None = None
    end: datetime.time | None = None
    date_text: str | None = None
    place: str | None = None
    online: bool | None = None
    cancelled: bool = False
    present: list[ParsedPerson] = field(default_factory=list)
    absent: list[ParsedPerson] = field(default_factory=list)
    chair: str | None = None
    secretary: str | None = None
    adjusters: list[str] = field(default_factory=list)
    items: list[ParsedItem] = field(default_factory=list)
    previous_meeting: datetime.date | str | None = None
    next_meeting: datetime.date | str | None = None
    next_meeting_cancelled: bool | None = None
    actions: list[ParsedAction] = field(default_factory=list)
    title: str | None = None
    # How sure the parser is of each field, 0..1, by field name (see parse.confidence).
    confidence: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "kind": self.kind,
            "body": self.body,
            "organisation": self.organisation,
            "meeting_type": self.meeting_type,
            "date": _iso(self.date),
            "start": _clock(self.start),
            "end": _clock(self.end),
            "place": self.place,
            "online": self.online,
            "cancelled": self.cancelled,
            "present": [
                {"name": p.name, "organisation": p.organisation, "role": p.role, "party": p.party}
                for p in self.present
            ],
            "absent": [{"name": p.name, "organisation": p.organisation} for p in self.absent],
            "chair": self.chair,
            "secretary": self.secretary,
            "adjusters": list(self.adjusters),
            "items": [
                {
                    "number": i.number,
                    "title": i.title,
                    "decisions": list(i.decisions),
                    "confidential": i.confidential,
                }
                for i in self.items
            ],
            "previous_meeting": _iso(self.previous_meeting),
            "next_meeting": _iso(self.next_meeting),
            "next_meeting_cancelled": self.next_meeting_cancelled,
            "actions": [{"text": a.text, "owner": a.owner, "due": a.due} for a in self.actions],
            "confidence": dict(self.confidence),
        }


def _iso(value: datetime.date | str | None) -> str | None:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _clock(value: datetime.time | None) -> str | None:
    return None if value is None else value.strftime("%H:%M")
