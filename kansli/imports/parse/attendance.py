"""Who attended, who was absent, and in what role.

Attendance comes from the labelled lists and tables of the front matter, from the seed's two runs of
names and organisations, from signature blocks and appointment sentences (people who demonstrably
acted), and from the text (party abbreviations such as "Ebba Östlin (S)", "Kassören Sten Åkerlund").
Each person gets one role, by the precedence chair > secretary > adjuster > vice_chair > treasurer >
the role their list gives them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kansli.imports.parse import labels
from kansli.imports.parse.alignment import AlignedPerson, align
from kansli.imports.parse.fields import Field, ValueLine
from kansli.imports.parse.layout import Line, join_lines
from kansli.imports.parse.model import ParsedPerson
from kansli.imports.parse.names import find_person, name_key
from kansli.imports.parse.people import (
    COUNCILLOR,
    Entry,
    absorb_attribute,
    initials_of,
    is_party,
    parse_entry,
    role_of,
    split_people,
    strip_honorific,
)
from kansli.imports.parse.presenters import presenters
from kansli.imports.parse.signatures import Appointment, appointments_in_text
from kansli.imports.parse.tables import (
    ABSENCE,
    EXTRA,
    NAME,
    ORGANISATION,
    PARTY,
    PRESENCE,
    REPLACED_BY,
    REPLACES,
    ROLE,
    Table,
    marks_present,
)

# A party in brackets is found first, then the name before it: "Ebba Östlin (S)", "Mattson(S)".
_PARTY_BRACKETS = re.compile(r"\((?P<party>[^()\s]{1,4})\)")
_NAME_WORDS_BEFORE = 4


def _name_before(text: str, end: int) -> str | None:
    """The capitalised words just before `end` on the same line: "Tyresö: Anita Mattson" gives
    "Anita Mattson"."""
    line = text[max(0, end - 80) : end].rsplit("\n", 1)[-1]
    words: list[str] = []
    for word in reversed(line.split()):
        if not (word[:1].isupper() and word.replace("-", "").replace("'", "").isalpha()):
            break
        words.insert(0, word)
        if len(words) == _NAME_WORDS_BEFORE:
            break
    return " ".join(words) if len(words) >= 2 else None


_TREASURER_MENTION = re.compile(
    r"\b(?:[Kk]assör(?:en)?|[Tt]reasurer|[Kk]asserer(?:en)?|[Kk]assereren),?[ \t]+"
    r"(?P<name>[A-ZÅÄÖÆØ][\w'’-]+(?:[ \t]+[A-ZÅÄÖÆØ][\w'’-]+){1,2})"
)
# "Petra Wahlund som gäst", "Tom Hill as an observer": the text says in what capacity someone came.
_GUEST_MENTION = re.compile(
    r"(?P<name>[A-ZÅÄÖÆØ][\w'’-]+(?:[ \t]+[A-ZÅÄÖÆØ][\w'’-]+){1,2})[ \t]+(?:som|as(?:[ \t]+an?)?)"
    r"[ \t]+(?:gäst|gjest|gæst|guest|observatör|observer|observatør)\b"
)
_GUEST_WORDS = ("gäst", "gjest", "gæst", "guest", "observ")
# Brackets and semicolons belong to single entries; so does a list number ("1. Inga-Lill Sand
# 9. Torbjörn Hägg" is a numbered list in two columns).
_NOT_A_RUN = re.compile(r"[;()]|^\s*\d{1,3}[.)]\s")
# A list line ending in a comma, a conjunction, an open bracket or a preposition waiting for its
# name ("tjänstgörande ersättare för" / "Leif Holmqvist (S)") goes on in the next line.
_CONTINUES = re.compile(r"(?:,|\boch|\band|\bog|&|\(|\b(?:för|for|af|til|av|by))$")
_SECTION_ROLE = {
    labels.MEMBERS: "member",
    labels.SUBSTITUTES: "substitute",
    labels.OFFICIALS: "official",
    labels.GUESTS: "guest",
}
_VOTING_KINDS = frozenset({"protokoll", "board"})
_ROLE_ROWS = frozenset({labels.CHAIR, labels.VICE_CHAIR, labels.TREASURER, labels.SECRETARY})


@dataclass
class _Record:
    entry: Entry
    section: str | None
    absent: bool = False
    order: int = 0


@dataclass
class Attendance:
    """The people of a meeting, with its chair, secretary and adjusters."""

    present: list[ParsedPerson] = field(default_factory=list)
    absent: list[ParsedPerson] = field(default_factory=list)
    chair: str | None = None
    secretary: str | None = None
    adjusters: list[str] = field(default_factory=list)
    initials: dict[str, str] = field(default_factory=dict)
    # Whether any attendance list or table named people (rather than only signatures and text).
    listed: bool = False


class _Register:
    """People by name, merging what several lists say about the same person."""

    def __init__(self) -> None:
        self.records: dict[str, _Record] = {}

    def add(self, entry: Entry, section: str | None, *, absent: bool = False) -> _Record:
        key = name_key(entry.name)
        record = self.records.get(key)
        if record is None:
            record = _Record(entry, section, absent, len(self.records))
            self.records[key] = record
            return record
        _merge(record.entry, entry)
        record.absent = record.absent or absent
        if record.section in (None, labels.PRESENT, *_ROLE_ROWS) and section not in (
            None,
            labels.ABSENT,
        ):
            record.section = section
        return record

    def names(self) -> list[str]:
        return [r.entry.name for r in self.records.values()]

    def find(self, written: str) -> _Record | None:
        if (exact := self.records.get(name_key(written))) is not None:
            return exact
        name = find_person(self.names(), written)
        return self.records[name_key(name)] if name else None


def _merge(target: Entry, source: Entry) -> None:
    target.party = target.party or source.party
    target.organisation = target.organisation or source.organisation
    target.initials = target.initials or source.initials
    target.title = target.title or source.title
    target.roles |= source.roles
    target.partial = target.partial or source.partial
    target.replaces += [r for r in source.replaces if r not in target.replaces]


def _logical_lines(values: Sequence[ValueLine]) -> list[tuple[int, str, bool]]:
    """Value lines joined where one continues the next: (first line, text, was wrapped)."""
    groups: list[tuple[int, str, bool]] = []
    for value in values:
        text = value.text.strip()
        if groups and _continues(groups[-1][1], text):
            number, joined, _ = groups[-1]
            groups[-1] = (number, join_lines([Line(0, joined), Line(0, text)]), True)
        else:
            groups.append((value.number, text, False))
    return groups


def _continues(before: str, text: str) -> bool:
    """Whether `text` carries on the list line `before`: after a comma, a word broken with a
    hyphen, an open bracket, or a first name left at the end of a running list ("…, Johan")."""
    if (
        _CONTINUES.search(before)
        or before.endswith("-")
        or text[:1].islower()
        or text.startswith("(")
    ):
        return True
    if before.count("(") > before.count(")"):
        return True
    written = before.rsplit(",", 1)[-1].split()
    if len(written) == 1:
        return before.count(",") >= 2 and written[0][:1].isupper()
    # A title waits for a whole name: "Councilmembers Priya" / "Ortiz, Ben Stroud".
    last = strip_honorific(" ".join(written)).split() if 1 < len(written) <= 3 else []
    return len(last) == 1 and last[0][:1].isupper()


def _is_two_runs(value: ValueLine) -> bool:
    """The seed's layout: a cell of names and a cell of organisations, without brackets."""
    if len(value.cells) < 2:
        return False
    names = value.cells[0]
    if _NOT_A_RUN.search(names) or len(names.split()) < 2 or names.endswith(":"):
        return False
    return "," not in names or _comma_runs(names, value.cells[1]) is not None


_LIST_KINDS = frozenset(
    {
        labels.PRESENT,
        labels.MEMBERS,
        labels.SUBSTITUTES,
        labels.OFFICIALS,
        labels.GUESTS,
        labels.ABSENT,
    }
)


def _comma_runs(names: str, organisations: str) -> list[AlignedPerson] | None:
    """Comma-separated runs pair one to one; a role after an organisation stays with it."""
    listed = [n.strip() for n in names.split(",") if n.strip()]
    places: list[tuple[str, str | None]] = []
    for part in (p.strip() for p in organisations.split(",")):
        if places and role_of(part):
            places[-1] = (places[-1][0], part)
        elif part:
            places.append((part, None))
    if len(listed) < 2 or len(listed) != len(places):
        return None
    return [
        AlignedPerson(name, place, role) for name, (place, role) in zip(listed, places, strict=True)
    ]


def _aligned(names: str, organisations: str, context: str) -> list[AlignedPerson]:
    """Pair a run of names with a run of organisations by position."""
    if "," in names:
        return _comma_runs(names, organisations) or []
    return align(names, organisations, context)


def _unwrapped(values: list[ValueLine]) -> list[ValueLine]:
    """Two runs a narrow table cell wrapped over several lines ("Sara Lind Johan Berg" /
    "Malin Åberg" beside "Skövde Skövde" / "Falköping"), joined column by column."""
    if len(values) < 2 or any(len(v.cells) != 2 for v in values) or not _is_two_runs(values[0]):
        return values
    names = " ".join(v.cells[0] for v in values)
    places = " ".join(v.cells[1] for v in values)
    if any(_NOT_A_RUN.search(v.cells[0]) or "," in v.cells[0] for v in values):
        return values
    return [ValueLine(values[0].number, [names, places])]


def _field_entries(item: Field, context: str) -> list[Entry]:
    entries: list[Entry] = []
    values = _unwrapped(item.values) if item.kind in _LIST_KINDS else item.values
    two_runs = [v for v in values if item.kind in _LIST_KINDS and _is_two_runs(v)]
    for value in two_runs:
        # The runs themselves (as written, perhaps wrapped) are left out of the text that may
        # vouch for their segments.
        elsewhere = context
        for cell in [*value.cells, *(c for v in item.values for c in v.cells)]:
            elsewhere = elsewhere.replace(cell, " ")
        for aligned in _aligned(value.cells[0], value.cells[1], elsewhere):
            entry = parse_entry(aligned.name, value.number)
            if entry is not None:
                entry.organisation = aligned.organisation
                if aligned.role:
                    absorb_attribute(entry, aligned.role)
                entries.append(entry)
    # Cells side by side are separate entries ("Justeras / Karin Lundqvist   Maria Berg").
    rest = [ValueLine(v.number, [cell]) for v in values if v not in two_runs for cell in v.cells]
    groups = _logical_lines(rest)
    # A field of one line is a list ("Apologies: Helen Stokes, Raj Mehta"); in a field of several
    # lines each line is one person and what follows the name describes them ("Olof Dahl, Nybro").
    for number, text, wrapped in groups:
        entries.extend(split_people(text, number, wrapped=wrapped or len(groups) == 1))
    return entries


def _party_column(table: Table) -> str | None:
    """Which column holds parties: a "Parti" column, or one whose values all look like parties."""
    if table.has(PARTY):
        return PARTY
    values = [row.get(ORGANISATION, "") for _, row in table.rows if row.get(ORGANISATION)]
    if values and all(is_party(v) for v in values):
        return ORGANISATION
    return None


def _table_entries(table: Table, register: _Register, section: str | None) -> None:
    party_column = _party_column(table)
    for number, row in table.rows:
        entry = parse_entry(row.get(NAME, ""), number)
        if entry is None:
            continue
        if party_column and row.get(party_column) and is_party(row[party_column].split()[0]):
            entry.party = row[party_column].split()[0]
        if party_column != ORGANISATION and row.get(ORGANISATION):
            entry.organisation = row[ORGANISATION]
        if row.get(ROLE):
            absorb_attribute(entry, row[ROLE])
        if row.get(EXTRA):
            absorb_attribute(entry, row[EXTRA])
        if row.get(REPLACES):
            entry.replaces.append(row[REPLACES].strip())
        absent = section == labels.ABSENT or bool(row.get(REPLACED_BY))
        if table.has(PRESENCE) and marks_present(row.get(PRESENCE)) is False:
            absent = True
        # A mark under "Frånvarande" says absent, whatever the presence column lacks.
        if table.has(ABSENCE) and marks_present(row.get(ABSENCE)):
            absent = True
        register.add(entry, section, absent=absent)
        if row.get(REPLACED_BY):
            _add_replacement(register, row[REPLACED_BY], number)


def _add_replacement(register: _Register, text: str, number: int) -> None:
    for entry in split_people(text, number):
        entry.roles.add("substitute")
        register.add(entry, labels.SUBSTITUTES)


def collect(fields: Iterable[Field], context: str) -> _Register:
    """Everyone named in the attendance fields and tables."""
    register = _Register()
    for item in fields:
        if item.kind not in labels.PEOPLE_KINDS:
            continue
        for table in item.tables:
            _table_entries(table, register, item.kind)
        for entry in _field_entries(item, context):
            if item.kind in _ROLE_ROWS:
                entry.roles.add(item.kind)
            if item.kind == labels.ADJUSTER:
                entry.roles.add("adjuster_listed")
            register.add(entry, item.kind, absent=item.kind == labels.ABSENT or entry.absent_note)
    for record in list(register.records.values()):
        for replaced in record.entry.replaces:
            register.add(Entry(name=replaced, line=record.entry.line), labels.ABSENT, absent=True)
    return register


def _choose(
    register: _Register, appointments: Sequence[Appointment], kind: str, role: str | None
) -> str | None:
    """The person for a function: an appointment first, then a role in the lists."""
    for appointment in appointments:
        if appointment.kind == kind:
            return _canonical(register, appointment.name)
    for record in sorted(register.records.values(), key=lambda r: r.order):
        if role in record.entry.roles and not record.absent:
            return record.entry.name
    return None


def _chair(register: _Register, appointments: Sequence[Appointment]) -> str | None:
    """Whoever chaired: at an årsmöte the elected meeting chair, not the association's chair."""
    strong = [a for a in appointments if a.strong]
    weak = [a for a in appointments if not a.strong]
    return _choose(register, strong, labels.CHAIR, "chair") or _choose(
        register, weak, labels.CHAIR, None
    )


def _canonical(register: _Register, name: str) -> str:
    record = register.find(name)
    return record.entry.name if record else name


def _weak_secretary(register: _Register) -> str | None:
    titled = [
        r for r in register.records.values() if "secretary_title" in r.entry.roles and not r.absent
    ]
    return titled[0].entry.name if len(titled) == 1 else None


def _adjusters(register: _Register, appointments: Sequence[Appointment]) -> list[str]:
    names: list[str] = []
    for appointment in appointments:
        if appointment.kind == labels.ADJUSTER:
            name = _canonical(register, appointment.name)
            if name_key(name) not in {name_key(n) for n in names}:
                names.append(name)
    return names


def _add_actors(register: _Register, names: Iterable[str | None]) -> None:
    """People who acted at the meeting are present even when no list names them."""
    for name in names:
        if name and register.find(name) is None:
            register.add(Entry(name=name), None)


def _role(record: _Record, attendance: Attendance, kind: str | None) -> str | None:
    name = record.entry.name
    roles = record.entry.roles
    if name == attendance.chair:
        return "chair"
    if name == attendance.secretary:
        return "secretary"
    if name in attendance.adjusters:
        return "adjuster"
    # Among those "in attendance" a "Director" is a job title: they are staff, not board members.
    attending = record.section in (labels.OFFICIALS, labels.GUESTS)
    for role in ("vice_chair", "treasurer", "substitute", "guest", "member", "official"):
        if role in roles and not (attending and role == "member"):
            return role
    return _section_role(record, kind)


def _section_role(record: _Record, kind: str | None) -> str | None:
    if record.section == labels.OFFICIALS and (
        record.entry.organisation or COUNCILLOR in record.entry.roles
    ):
        # In attendance for another organisation, or a councillor: an invited outsider, not staff.
        return "guest"
    if record.section in _SECTION_ROLE:
        return _SECTION_ROLE[record.section]
    voting = kind in _VOTING_KINDS
    if record.section in _ROLE_ROWS:
        return "member" if voting else None
    if record.section == labels.PRESENT:
        if voting:
            return "member"
        return "guest" if record.entry.partial or _outsider(record.entry, kind) else None
    return None


def _outsider(entry: Entry, kind: str | None) -> bool:
    """At an association's meeting someone there by their job at another organisation ("revisor
    Birgitta Sahlin, Bostadsrevision Norr AB") is an invited outsider: an association has no
    staff of its own."""
    return kind == "association" and entry.title is not None and entry.organisation is not None


_COUNTED = re.compile(r"^\d+\s+\w")


def _counted(fields: Iterable[Field]) -> bool:
    """Whether the attendance list counts its members rather than naming them ("Närvarande: 27
    röstberättigade medlemmar …"): those who acted are then present by name."""
    return any(
        item.kind in (labels.PRESENT, labels.MEMBERS)
        and item.values
        and _COUNTED.match(item.values[0].text.strip())
        for item in fields
    )


def _apply_text_hints(register: _Register, text: str) -> None:
    """Parties, the treasurer and guests named in the text, for people the lists leave without
    them."""
    without_party = any(r.entry.party is None for r in register.records.values())
    for match in _PARTY_BRACKETS.finditer(text) if without_party else ():
        written = _name_before(text, match.start())
        record = register.find(written) if written else None
        party = match.group("party")
        if record and record.entry.party is None and is_party(party, record.entry.name):
            record.entry.party = party
    lowered = text.lower()
    mentioned = any(map(lowered.__contains__, ("kassör", "kasserer", "treasurer")))
    for match in _TREASURER_MENTION.finditer(text) if mentioned else ():
        record = register.find(match.group("name"))
        if record is not None:
            record.entry.roles.add("treasurer")
    guested = any(map(lowered.__contains__, _GUEST_WORDS))
    for match in _GUEST_MENTION.finditer(text) if guested else ():
        record = register.find(match.group("name"))
        if record is not None:
            record.entry.roles.add("guest")


def build(
    fields: Iterable[Field],
    appointments: Sequence[Appointment],
    text: str,
    kind: str | None,
    *,
    held: bool = True,
) -> Attendance:
    """Attendance of the meeting from its fields, the appointments found, and the full text.

    For a meeting that was not `held` nobody acted, so signatories are not counted as present.
    """
    fields = list(fields)
    register = collect(fields, text)
    attendance = Attendance()
    attendance.chair = _chair(register, appointments)
    attendance.secretary = _choose(
        register, appointments, labels.SECRETARY, "secretary"
    ) or _weak_secretary(register)
    # The chair co-signs by default and is not one of the adjusters.
    attendance.adjusters = [a for a in _adjusters(register, appointments) if a != attendance.chair]
    attendance.listed = not _counted(fields) and any(
        r.section in _LIST_KINDS and not r.absent for r in register.records.values()
    )
    if held:
        _add_actors(register, [attendance.chair, attendance.secretary, *attendance.adjusters])
        for entry in presenters(text):
            if register.find(entry.name) is None:
                register.add(entry, None)
        if not attendance.listed:
            _add_actors(register, [a.name for a in appointments_in_text(text, 1, acting=True)])
    _apply_text_hints(register, text)
    for record in sorted(register.records.values(), key=lambda r: r.order):
        _place(record, attendance, kind)
    return attendance


def _place(record: _Record, attendance: Attendance, kind: str | None) -> None:
    entry = record.entry
    if record.absent or record.section == labels.ABSENT:
        attendance.absent.append(ParsedPerson(entry.name, entry.organisation, line=entry.line))
        return
    attendance.present.append(
        ParsedPerson(
            name=entry.name,
            organisation=entry.organisation,
            role=_role(record, attendance, kind),
            party=entry.party,
            line=entry.line,
        )
    )
    for initials in [entry.initials, *sorted(initials_of(entry.name))]:
        if initials and len(initials) >= 2:
            attendance.initials.setdefault(initials, entry.name)
