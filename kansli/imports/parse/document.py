"""Reading one minutes document: the steps in order, from text to `ParsedMinutes`."""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from dataclasses import dataclass

from kansli.imports.parse import attendance, header, items, labels, meetings, schedule
from kansli.imports.parse.actions import OwnerResolver, find_actions
from kansli.imports.parse.confidence import assess
from kansli.imports.parse.decisions import has_markers, read_item
from kansli.imports.parse.fields import Field, parse_fields
from kansli.imports.parse.furniture import remove_furniture
from kansli.imports.parse.layout import Line, prepare
from kansli.imports.parse.model import ParsedItem, ParsedMinutes, ParseError
from kansli.imports.parse.signatures import Appointment, appointments_in_text, scan_signatures


def parse_file(path: str | os.PathLike[str]) -> ParsedMinutes:
    """Read and parse a minutes file; every failure is a ParseError naming the file."""
    # Imported here: the extract package imports ParseError from this package.
    from kansli.imports.extract import read_document

    decoded = read_document(path)
    return parse_text(decoded.text, source=decoded.source)


def parse_text(text: str, *, source: str | None = None) -> ParsedMinutes:
    """Parse minutes text; raise ParseError when it has no recognisable meeting date."""
    try:
        return _parse(text, source)
    except ParseError as error:
        error.source = error.source or source
        raise
    except Exception as error:  # noqa: BLE001 - a bad document must never surface as another type
        raise ParseError(
            f"cannot read the document as minutes ({type(error).__name__}: {error})", source=source
        ) from error


@dataclass
class _Document:
    """The document cut into its parts, as every later step reads it."""

    lines: list[Line]
    text: str
    sections: items.Sections
    header_fields: list[Field]
    tail_fields: list[Field]


def _read(text: str) -> _Document:
    lines = remove_furniture(prepare(text))
    sections = items.split_sections(lines)
    return _Document(
        lines=lines,
        text="\n".join(line.text for line in lines),
        sections=sections,
        header_fields=parse_fields(sections.header),
        tail_fields=parse_fields(sections.tail),
    )


def _parse(text: str, source: str | None) -> ParsedMinutes:
    if not isinstance(text, str) or not text.strip():
        raise ParseError("the document is empty", source=source, line=1)
    document = _read(text)
    sections = document.sections
    identity = header.identify(
        sections.header, document.header_fields, document.lines, bool(sections.items), document.text
    )
    when = schedule.read_schedule(document.header_fields, sections.header, document.lines)
    if when.date is None:
        raise ParseError("no meeting date found", source=source, line=identity.title_line or 1)
    people = attendance.build(
        [*document.header_fields, *_roll_call_fields(sections), *document.tail_fields],
        _appointments(sections, document.text),
        document.text,
        identity.kind,
        held=not identity.cancelled,
    )
    minutes = _minutes(identity, when, people)
    marked = has_markers([block.body for block in sections.items])
    if identity.kind != "other":
        minutes.items = _items(sections.items, marked)
    _add_meetings_and_actions(minutes, sections, people, when.date)
    minutes.confidence = assess(minutes, identity, when, people, sections.items, marked)
    return minutes


def _roll_call_fields(sections: items.Sections) -> list[Field]:
    """An item headed as the attendance ("2. ROLL CALL") holds the lists a header would."""
    return [
        found
        for block in sections.items
        if labels.label_kind(block.heading.title) in labels.PEOPLE_KINDS
        for found in parse_fields(block.body)
    ]


def _minutes(
    identity: header.Identity, when: schedule.Schedule, people: attendance.Attendance
) -> ParsedMinutes:
    organisations = [p.organisation for p in [*people.present, *people.absent]]
    return ParsedMinutes(
        language=identity.language,
        kind=identity.kind,
        body=identity.body,
        organisation=identity.organisation
        or header.organisation_from_body(identity.body, organisations),
        meeting_type=identity.meeting_type,
        date=when.date,
        start=when.start,
        end=when.end,
        date_text=when.date_text,
        place=when.place,
        online=when.online,
        cancelled=identity.cancelled,
        present=people.present,
        absent=people.absent,
        chair=people.chair,
        secretary=people.secretary,
        adjusters=people.adjusters,
        title=identity.title,
    )


def _add_meetings_and_actions(
    minutes: ParsedMinutes,
    sections: items.Sections,
    people: attendance.Attendance,
    meeting_date: datetime.date,
) -> None:
    # A notice without items (a cancelled meeting) may still name the next meeting in its text.
    blocks = sections.items or [items.ItemBlock(items.Heading(0, "", "", "none"), sections.header)]
    found = meetings.read_meetings(blocks, meeting_date)
    minutes.previous_meeting, minutes.next_meeting = found.previous, found.next
    minutes.next_meeting_cancelled = found.next_cancelled
    resolver = OwnerResolver([p.name for p in people.present], people.initials)
    next_date = found.next if isinstance(found.next, datetime.date) else None
    body_lines = [line for block in sections.items for line in block.body] + sections.tail
    minutes.actions = find_actions(body_lines, resolver, meeting_date, next_date)


def _appointments(sections: items.Sections, text: str) -> list[Appointment]:
    """Chair, secretary and adjusters named in signature blocks and in sentences."""
    found = scan_signatures(sections.header) + scan_signatures(sections.tail)
    found += appointments_in_text(text, 1)
    # Sentences ("Till mötesordförande valdes …") outrank signature labels, which come first here.
    return sorted(found, key=lambda a: not a.strong)


def _items(blocks: Sequence[items.ItemBlock], marked: bool) -> list[ParsedItem]:
    numbers = {items.clean_number(block.heading.number) for block in blocks}
    parsed: list[ParsedItem] = []
    excluded = False
    for block in blocks:
        content = read_item(block.body, marked=marked)
        number = items.clean_number(block.heading.number)
        parsed.append(
            ParsedItem(
                number=number,
                title=block.heading.title,
                text=content.text,
                decisions=content.decisions,
                confidential=items.is_confidential(block, excluded),
                parent=items.parent_of(number, numbers),
                line=block.heading.index + 1,
            )
        )
        excluded = items.excludes_public(block)
    return parsed
