"""Parsed minutes -> a meeting with its attendance, agenda items, decisions and actions.

A document is imported in one transaction: it is stored whole or not at all, and whatever goes
wrong is raised as a ParseError naming the file and the line being imported, so a batch can report
it and go on. A meeting is identified by its body and date: importing the same bytes again writes
nothing, and an edited copy replaces the content of the meeting it was first imported into, keeping
the meeting's row and address so links to it survive. Imported minutes stay drafts until the
secretariat publishes them.
"""

from __future__ import annotations

import datetime
import hashlib
import os
from collections import Counter
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Literal

from django.db import models, transaction

from kansli.imports import review
from kansli.imports.extract import read_document
from kansli.imports.models import SourceDocument
from kansli.imports.parse import (
    ParsedAction,
    ParsedItem,
    ParsedMinutes,
    ParsedPerson,
    ParseError,
    parse_text,
)
from kansli.imports.resolve import Mention, Resolver, fold, unique_slugs
from kansli.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    AttendanceRole,
    AttendanceStatus,
    Decision,
    Meeting,
    MeetingKind,
    MeetingStatus,
)
from kansli.meetings.numbering import number_new_items
from kansli.minutes import workflow
from kansli.minutes.models import Minutes
from kansli.registry.models import Body, BodyMode, OrganisationKind, Person

Status = Literal["imported", "updated", "unchanged"]
_Resolved = tuple[ParsedPerson, Mention, Person]

# Parsed roles that are roles at the meeting. The note-taker and the adjusters are recorded on the
# minutes instead, where signing and publishing look for them.
_ROLES: dict[str, str] = {
    "chair": AttendanceRole.CHAIR,
    "vice_chair": AttendanceRole.VICE_CHAIR,
    "member": AttendanceRole.MEMBER,
    "substitute": AttendanceRole.SUBSTITUTE,
    "official": AttendanceRole.OFFICIAL,
    "guest": AttendanceRole.GUEST,
    "treasurer": AttendanceRole.TREASURER,
}

# What a new organisation is, when its name alone does not say, judged by its minutes' genre.
_ORGANISATION_KINDS: dict[str, str] = {
    "minnesanteckningar": OrganisationKind.COOPERATION,
    "association": OrganisationKind.ASSOCIATION,
}


def _parser_version() -> str:
    """The parser has no version of its own: the Kansli release that read a document stands in."""
    try:
        return metadata.version("kansli")
    except metadata.PackageNotFoundError:
        return "unknown"


PARSER_VERSION = _parser_version()


@dataclass(frozen=True)
class ImportResult:
    """What importing one document did, and to which meeting."""

    status: Status
    meeting: Meeting
    source: SourceDocument


def import_file(
    path: str | os.PathLike[str], *, dry_run: bool = False, publish: bool = False
) -> ImportResult:
    """Read, parse and import one file; see `import_parsed`."""
    try:
        decoded = read_document(path)
        parsed = parse_text(decoded.text, source=decoded.source)
        raw = Path(path).read_bytes()
    except ParseError as error:
        at_line(error)
        raise
    return import_parsed(
        parsed, decoded.text, Path(path).name, hashlib.sha256(raw).hexdigest(),
        size=len(raw), source=decoded.source, form=decoded.format, dry_run=dry_run,
        publish=publish,
    )


def at_line(error: ParseError) -> ParseError:
    """The error with a line number: a problem with the file as a whole is put at line 1, so
    every message has the FILE:LINE: shape that editors and CI annotations jump to."""
    if error.line is None:
        error.line = 1
    return error


def import_parsed(
    parsed: ParsedMinutes,
    text: str,
    file_name: str,
    sha256: str,
    *,
    size: int | None = None,
    source: str | None = None,
    form: str = "text",
    dry_run: bool = False,
    publish: bool = False,
    force: bool = False,
    resolver: Resolver | None = None,
) -> ImportResult:
    """Store one parsed document in one transaction, or raise ParseError and store nothing.

    `source` names the document in error messages (default `file_name`); `form` is the file's
    format (text, docx, pdf, odt); `dry_run` does all the work and rolls it back; `publish`
    publishes the minutes through the workflow; `force` imports bytes already imported again,
    as a review does after storing its corrections; `resolver` is one kept from earlier
    documents (see `Resolver`), which the caller must drop if this raises. The secretariat's
    corrections for a document of this name are applied before anything is stored.
    """
    importer = _Importer(parsed, source or file_name, form, resolver)
    try:
        with transaction.atomic():
            importer.parsed = review.corrected(parsed, review.corrections_for(file_name))
            result = importer.run(text, file_name, sha256, size, force=force)
            if publish:
                workflow.publish(Minutes.objects.get(meeting=result.meeting))
            if dry_run:
                transaction.set_rollback(True)
    except ParseError:
        raise
    except Exception as error:
        raise ParseError(
            f"could not import: {error}", source=importer.source, line=importer.line
        ) from error
    return result


def _as_date(value: datetime.date | str | None) -> datetime.date | None:
    """The date an ISO string or date stands for; None for text such as 'Q1 2024'."""
    if isinstance(value, datetime.date) or value is None:
        return value
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _meeting_kind(meeting_type: str | None) -> str:
    key = fold(meeting_type or "")
    if "planeringskonferens" in key:
        return MeetingKind.PLANNING_CONFERENCE
    if key.startswith("extra"):
        return MeetingKind.EXTRA
    return MeetingKind.ORDINARY


def _is_latest(source: SourceDocument) -> bool:
    """True when the source's meeting was last imported from it."""
    return source.meeting.sources.order_by("-imported_at", "-pk").first() == source


def _is_another_meeting(meeting: Meeting, start: datetime.time | None, file_name: str) -> bool:
    """Two meetings on one day (a board in the morning, an extra session after lunch) start at
    different times and come from different files; a corrected copy keeps its file name."""
    if start is None or meeting.start_time is None or meeting.start_time == start:
        return False
    names = {source.file_name for source in meeting.sources.all()}
    return bool(names) and file_name not in names


def _find_meeting(
    body: Body, day: datetime.date, start: datetime.time | None, file_name: str
) -> Meeting | None:
    """The body's meeting a document is about: the one that day, preferring the same start."""
    same_day = [
        meeting
        for meeting in body.meetings.filter(date=day).prefetch_related("sources").order_by("pk")
        if not _is_another_meeting(meeting, start, file_name)
    ]
    same_time = [meeting for meeting in same_day if meeting.start_time == start]
    return (same_time or same_day or [None])[0]


def _drop_if_orphaned(meeting: Meeting) -> None:
    """A meeting an import created and a correction moved away from (another date or body) is
    removed once no document is imported into it any more."""
    if not meeting.sources.exists():
        meeting.delete()


def _date_slugs(body: Body, days: list[datetime.date]) -> list[str]:
    """Addresses for new meetings of the body on these days: 2022-11-10, then 2022-11-10-2 …"""
    return unique_slugs(body.meetings.all(), [day.isoformat() for day in days], 30, "meeting")


def _new_meeting(body: Body, day: datetime.date) -> Meeting:
    return Meeting(body=body, date=day, slug=_date_slugs(body, [day])[0])


def _clear(meeting: Meeting) -> None:
    """Remove what an earlier import of this meeting stored, before storing the new version."""
    ActionItem.objects.filter(raised_in__meeting=meeting).delete()
    meeting.items.all().delete()
    meeting.attendances.all().delete()


def _save_tree(items: list[AgendaItem]) -> None:
    """Insert items parents first, so each child's parent has its key when the child goes in."""
    pending = items
    while pending:
        ready = [item for item in pending if item.parent is None or item.parent.pk is not None]
        AgendaItem.objects.bulk_create(ready)
        pending = [item for item in pending if item.pk is None]


def _item_at(pairs: list[tuple[ParsedItem, AgendaItem]], line: int | None) -> AgendaItem | None:
    """The item a source line falls under; the last item when the line does not say."""
    if not pairs:
        return None
    before = [item for parsed, item in pairs
              if line is not None and parsed.line is not None and parsed.line <= line]
    return before[-1] if before else pairs[-1][1]


class _Importer:
    """One document's import; `line` follows the work so an error can say where it happened."""

    def __init__(
        self, parsed: ParsedMinutes, source: str, form: str = "text",
        resolver: Resolver | None = None,
    ) -> None:
        self.parsed = parsed
        self.source = source
        self.form = form
        self.line = 1
        # Whether the meeting existed before this import (and may have minutes already).
        self.updating = False
        self.resolver = resolver or Resolver()
        self.resolver.next_document()

    def run(
        self, text: str, file_name: str, sha256: str, size: int | None, *, force: bool = False
    ) -> ImportResult:
        known = SourceDocument.objects.select_related("meeting").filter(sha256=sha256).first()
        if known is not None and _is_latest(known) and not force:
            return ImportResult("unchanged", known.meeting, known)
        body = self._body()
        meeting, status = self._meeting(body, file_name)
        self._minutes(meeting, self._attendances(meeting))
        self._actions(self._items(meeting))
        self._neighbours(body)
        source = known or SourceDocument(sha256=sha256)
        before = known.meeting if known is not None else None
        self._store_source(source, meeting, text, file_name, size)
        if before is not None and before.pk != meeting.pk:
            _drop_if_orphaned(before)
        return ImportResult(status, meeting, source)

    def fail(self, message: str, line: int | None = None) -> ParseError:
        return ParseError(message, source=self.source, line=line or self.line)

    def check(self, instance: models.Model, line: int | None = None) -> None:
        """Refuse text longer than its column, naming the line, rather than let a database cut
        it (SQLite) or fail with a message about a column (PostgreSQL)."""
        self.line = line or self.line
        for field in instance._meta.concrete_fields:
            limit = field.max_length if isinstance(field, models.CharField) else None
            value = getattr(instance, field.attname)
            if limit is not None and isinstance(value, str) and len(value) > limit:
                raise self.fail(
                    f"{field.verbose_name} is longer than {limit} characters: {value[:60]}…"
                )

    # The meeting

    def _body(self) -> Body:
        parsed = self.parsed
        name = parsed.body or parsed.organisation
        if not name:
            raise self.fail("no meeting body or organisation found", 1)
        # A network without a named umbrella organisation is its own organisation.
        organisation = self.resolver.organisation(
            parsed.organisation or name,
            kind=_ORGANISATION_KINDS.get(parsed.kind or "", OrganisationKind.OTHER),
        )
        assert organisation is not None
        mode = BodyMode.PROTOCOL if parsed.kind == "protokoll" else BodyMode.NOTES
        return self.resolver.body(name, organisation, mode=mode)

    def _meeting(self, body: Body, file_name: str) -> tuple[Meeting, Status]:
        day = self.parsed.date
        if day is None:
            raise self.fail("no recognisable meeting date", 1)
        found = _find_meeting(body, day, self.parsed.start, file_name)
        meeting = found or _new_meeting(body, day)
        status: Status = "imported"
        self.updating = meeting.pk is not None
        if self.updating:
            status = "updated" if meeting.sources.exists() else "imported"
            _clear(meeting)
        self._fill(meeting, body)
        meeting.save()
        return meeting, status

    def _fill(self, meeting: Meeting, body: Body) -> None:
        parsed = self.parsed
        meeting.kind = _meeting_kind(parsed.meeting_type)
        meeting.status = MeetingStatus.CANCELLED if parsed.cancelled else MeetingStatus.HELD
        meeting.start_time, meeting.end_time = parsed.start, parsed.end
        meeting.place = parsed.place or ""
        meeting.online = parsed.online
        meeting.title = parsed.title or ""
        meeting.date_text = parsed.date_text or ""
        first = self._first_paragraph() if body.is_protocol else None
        meeting.first_paragraph = first or meeting.first_paragraph
        self.check(meeting, 1)

    def _first_paragraph(self) -> int | None:
        """The § an imported protocol starts at, so its own numbers are kept."""
        top = next((item for item in self.parsed.items if not item.parent), None)
        return int(top.number) if top and top.number.isdecimal() else None

    def _neighbours(self, body: Body) -> None:
        """Put the previous and next meeting the minutes mention on the body's calendar, unless
        the body already has a meeting that day."""
        parsed = self.parsed
        following = (
            MeetingStatus.CANCELLED if parsed.next_meeting_cancelled else MeetingStatus.PLANNED
        )
        wanted = {
            _as_date(parsed.previous_meeting): MeetingStatus.HELD,
            _as_date(parsed.next_meeting): following,
        }
        wanted.pop(None, None)
        known = set(body.meetings.filter(date__in=wanted).values_list("date", flat=True))
        missing = [day for day in wanted if day is not None and day not in known]
        Meeting.objects.bulk_create(
            Meeting(body=body, date=day, slug=slug, status=wanted[day])
            for day, slug in zip(missing, _date_slugs(body, missing), strict=True)
        )

    def _store_source(
        self, source: SourceDocument, meeting: Meeting, text: str, file_name: str,
        size: int | None,
    ) -> None:
        source.meeting, source.file_name, source.text = meeting, file_name, text
        source.size = len(text.encode()) if size is None else size
        source.parser_version = PARSER_VERSION
        source.format = self.form
        source.parsed = review.stored_form(self.parsed)
        source.confidence = self.parsed.confidence
        source.review_status = review.status_for(self.parsed.confidence)
        self.check(source, 1)
        # Saving a known row again moves it to the front: the same bytes may come back after an
        # edited copy, and are then again what the meeting was last imported from.
        source.save()

    # People

    def _resolved(self, written: list[ParsedPerson]) -> list[_Resolved]:
        """Each person as written, with the organisation, party and person it resolves to."""
        mentions = [self._mention(person) for person in written]
        return list(zip(written, mentions, self.resolver.people(mentions), strict=True))

    def _mention(self, written: ParsedPerson) -> Mention:
        self.line = written.line or self.line
        return Mention(
            written.name,
            self.resolver.organisation(written.organisation),
            self.resolver.party(written.party),
        )

    def _attendances(self, meeting: Meeting) -> dict[str, Attendance]:
        """Store attendance in document order; return the signers' rows by name as written."""
        parsed = self.parsed
        statuses = [AttendanceStatus.PRESENT] * len(parsed.present)
        statuses += [AttendanceStatus.ABSENT] * len(parsed.absent)
        listed = self._resolved([*parsed.present, *parsed.absent])
        rows: dict[int, Attendance] = {}
        for status, resolved in zip(statuses, listed, strict=True):
            self._attend(meeting, rows, resolved, status)
        # Signers no list names are still present: the minutes must be able to point at them.
        signers = {
            resolved[0].name: self._attend(meeting, rows, resolved, AttendanceStatus.PRESENT)
            for resolved in self._resolved([ParsedPerson(name=name) for name in self._signers()])
        }
        if parsed.chair:
            signers[parsed.chair].role = AttendanceRole.CHAIR
        Attendance.objects.bulk_create(rows.values())
        return signers

    def _signers(self) -> list[str]:
        parsed = self.parsed
        return [name for name in (parsed.chair, parsed.secretary, *parsed.adjusters) if name]

    def _attend(
        self, meeting: Meeting, rows: dict[int, Attendance], resolved: _Resolved, status: str
    ) -> Attendance:
        """The person's attendance row, added at the end unless they already have one."""
        written, mention, person = resolved
        if person.pk not in rows:
            row = Attendance(
                meeting=meeting, position=len(rows), person=person, status=status,
                name_as_written=written.name, organisation=mention.organisation,
                organisation_as_written=written.organisation or "", party=mention.party,
                role=_ROLES.get(written.role or "", ""),
            )
            self.check(row, written.line)
            rows[person.pk] = row
        return rows[person.pk]

    def _minutes(self, meeting: Meeting, signers: dict[str, Attendance]) -> None:
        minutes = Minutes.objects.filter(meeting=meeting).first() if self.updating else None
        minutes = minutes or Minutes(meeting=meeting)
        secretary = self.parsed.secretary
        minutes.note_taker = signers[secretary] if secretary else None
        created = minutes.pk is None
        minutes.save()
        adjusters = [signers[name] for name in self.parsed.adjusters]
        if created:
            minutes.adjusters.add(*adjusters)
        else:
            minutes.adjusters.set(adjusters)

    # Items, decisions, actions

    def _items(self, meeting: Meeting) -> list[tuple[ParsedItem, AgendaItem]]:
        by_number: dict[str, AgendaItem] = {}
        positions: Counter[str | None] = Counter()
        pairs = []
        for parsed in self.parsed.items:
            parent = by_number.get(parsed.parent) if parsed.parent else None
            siblings = parsed.parent if parent else None
            item = self._item(meeting, parsed, parent, positions[siblings])
            positions[siblings] += 1
            by_number.setdefault(parsed.number, item)
            pairs.append((parsed, item))
        items = [item for _, item in pairs]
        # The meeting was found by its date, so it keeps its place among the year's meetings.
        number_new_items(meeting, items)
        _save_tree(items)
        Decision.objects.bulk_create(
            Decision(item=item, position=index, text=text)
            for parsed, item in pairs
            for index, text in enumerate(parsed.decisions)
        )
        return pairs

    def _item(
        self, meeting: Meeting, parsed: ParsedItem, parent: AgendaItem | None, position: int
    ) -> AgendaItem:
        item = AgendaItem(
            meeting=meeting, parent=parent, position=position, title=parsed.title,
            text=parsed.text, confidential=parsed.confidential,
            number_as_written=parsed.number, source_line=parsed.line,
        )
        self.check(item, parsed.line)
        return item

    def _actions(self, pairs: list[tuple[ParsedItem, AgendaItem]]) -> None:
        actions = self.parsed.actions
        owners = self.resolver.known_people([action.owner or "" for action in actions])
        ActionItem.objects.bulk_create(
            self._action(action, owner, _item_at(pairs, action.line))
            for action, owner in zip(actions, owners, strict=True)
        )

    def _action(
        self, action: ParsedAction, owner: Person | None, item: AgendaItem | None
    ) -> ActionItem:
        due = _as_date(action.due)
        row = ActionItem(
            text=action.text, raised_in=item, owner=owner, owner_as_written=action.owner or "",
            due=due, due_as_written="" if due or not action.due else action.due,
        )
        self.check(row, action.line)
        return row
