"""Explicit actions: "Action:", "Åtgärd:", "Att göra:" lines and action-list tables.

The owner is written after "Ansvarig:", or leads the action ("SR to bring …", "Omar Said informerar
…"); initials and abbreviated names are resolved to the participant list. The deadline is written
after "Klart", "Senast" or "Due", or inside the action ("by 29th March 2024", "to the March
meeting"); it is an ISO date when it can be resolved and the text as written otherwise.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from kansli.imports.parse.layout import Line, collapse, join_lines
from kansli.imports.parse.model import ParsedAction
from kansli.imports.parse.names import abbreviated_match, find_person, name_key
from kansli.imports.parse.people import strip_honorific
from kansli.imports.parse.tables import ACTION, DUE, OWNER, read_table
from kansli.lib.swedish_dates import MONTHS, find_dates

_ACTION_LABEL = re.compile(
    r"^\s*(?:[-–•*]\s*)?(?:action|actions|åtgärd|att göra|todo|to do|tiltak|oppfølging|opfølgning|"
    r"handling)\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# The owner runs to the end of its sentence or to a deadline after a comma ("Ansvarig: Mats
# Ekholm, senast 15/5").
_OWNER = re.compile(
    r"\b(?:ansvarig|ansvar|owner|responsible|ansvarlig|lead)\s*:\s*(?P<owner>[^.;]+?)"
    r"(?=\s*(?:[.;]|,\s*(?:senast|klart|klar|deadline|frist|innen|inden)\b|$))",
    re.I,
)
# "8. mars", "15. april 2024": the day's full stop does not end the deadline.
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH = rf"\d{{1,2}}\.\s*(?:{_MONTH_NAMES})\b\.?(?:\s+\d{{4}})?"
# Deadline and owner are their own sentences ("… skriftligt. Klart 28/3."), so "due" inside an
# action's text is not mistaken for one.
_DUE = re.compile(
    r"(?:^|(?<=[.;])\s+|(?<=,)\s*(?=senast|klart|deadline|frist))"
    r"(?:klart|klar|senast|deadline|due|frist|by when|klart senast)\b\s*:?\s*"
    r"(?P<due>v\.\s*\d+|{day_month}|[^;]*?)\s*(?:[.;](?:\s|$)|$)".replace(
        "{day_month}", _DAY_MONTH
    ),
    re.IGNORECASE,
)
_LABEL_SENTENCE = re.compile(
    r"(?:^|(?<=[.;]))\s*(?:ansvarig|ansvar|owner|responsible|ansvarlig|klart|"
    r"klar|senast|deadline|due|frist)\b.*$",
    re.IGNORECASE | re.S,
)
_BY_DATE = re.compile(
    r"\b(?:by|before|senast|innan|före|till|until|no later than|innen|inden)\s+", re.IGNORECASE
)
_MONTH_MEETING = re.compile(
    r"\b(?:to|at|for|till|på|until)\s+the\s+(?P<month>[a-zA-Z]+)\s+meeting\b|"
    r"\b(?:till|på|vid|inför)\s+mötet\s+i\s+(?P<month_sv>[a-zåäö]+)\b",
    re.I,
)
# "nästa möte", "next meeting", "neste styremøte", "næste bestyrelsesmøde".
_NEXT_MEETING_WORDS = (
    r"(?:nästa|next|neste|næste)\s+[\w-]*(?:möte|mötet|sammanträde|sammanträdet|meeting|møte|"
    r"møtet|møde|mødet|träff|träffen|samling|samlingen)"
)
_NEXT_MEETING = re.compile(
    r"\b(?:till|inför|på|vid|to|at|for|by|before|until|innan|före|senast|til|innen|inden|"
    rf"før)\s+(?:the\s+)?{_NEXT_MEETING_WORDS}\b",
    re.IGNORECASE,
)
# A deadline cell or "Klart:" that is the meeting itself: "Next meeting", "Neste styremøte".
_NEXT_MEETING_ALONE = re.compile(rf"^(?:the\s+)?{_NEXT_MEETING_WORDS}$", re.IGNORECASE)
# A deadline cell naming a meeting by its month: "Sept meeting", "mötet i september".
_MONTH_MEETING_ALONE = re.compile(
    r"^(?:the\s+)?(?P<month>[^\W\d_]+)\.?\s+(?:meeting|möte|mötet|møte|møde)$", re.IGNORECASE
)
# "Clerk to arrange payment": whoever stands before "to <verb>" owns the action, person or not.
_ENGLISH_ASSIGNEE = re.compile(
    r"^(?P<owner>[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|and|&))*)\s+to\s+[a-z]"
)
# "Ansvar: Malin Kjellgren sammanställer en mall. Klart till nästa träff.": a responsibility label
# before a sentence in which the named people act is an action line in itself.
_RESPONSIBLE_LABEL = re.compile(
    r"^\s*(?:[-–•*]\s*)?(?:ansvarig|ansvar|ansvarlig|responsible)\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_DECISION_LABEL = re.compile(
    r"^(?:beslut|decision|agreed|vedtak|beslutning)\s*:", re.IGNORECASE
)
_INITIALS = re.compile(r"^[A-ZÅÄÖ]{2,3}$")
_OWNER_SPLIT = re.compile(r"\s*(?:,|;|/|&|\band\b|\boch\b|\bog\b)\s*")
# One owner as an action line opens with it: initials ("SR"), "D. Okonjo" or a name.
_ONE_OWNER = (
    r"(?:[A-ZÅÄÖ]{2,3}|[A-ZÅÄÖ]\.\s*[A-ZÅÄÖ][\w'’-]+|[A-ZÅÄÖ][\w'’-]+(?:\s+[A-ZÅÄÖ][\w'’-]+){0,2})"
)
_LEADING_OWNER = re.compile(
    rf"^(?P<owners>{_ONE_OWNER}(?:\s*(?:,|and|och|og|&)\s*{_ONE_OWNER})*)\s+(?=[a-zåäö])"
)


def _contains_word(text: str, words: str) -> bool:
    """Whether `words` occur in `text` on word boundaries ("Ek" is not in "Eken")."""
    start = text.find(words)
    while start >= 0:
        end = start + len(words)
        if (start == 0 or not text[start - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            return True
        start = text.find(words, start + 1)
    return False


class OwnerResolver:
    """Turns "SR", "D. Okonjo" or "Jenny Kask" into participants' full names."""

    def __init__(self, names: Sequence[str], initials: dict[str, str]) -> None:
        self.names = list(names)
        self.initials = initials

    def person(self, written: str) -> str | None:
        written = written.strip(" .,")
        if _INITIALS.match(written) and written in self.initials:
            return self.initials[written]
        return (
            find_person(self.names, written)
            or abbreviated_match(self.names, written)
            or self._by_title(written)
        )

    def _by_title(self, written: str) -> str | None:
        """ "Cllr Pryce", "Dr Marsh": a title and a surname name the one listed person with that
        surname."""
        surname = strip_honorific(written)
        if surname == written or " " in surname or not surname:
            return None
        found = [n for n in self.names if name_key(n).split()[-1:] == [name_key(surname)]]
        return found[0] if len(found) == 1 else None

    def mentioned(self, text: str) -> str | None:
        """Participants named in full anywhere in `text` ("… – Sara Ek, senast 15 januari")."""
        found = [name for name in self.names if _contains_word(text, name)]
        return "; ".join(found) if found else None

    def owners(self, text: str, *, keep_unknown: bool) -> str | None:
        parts = [p for p in _OWNER_SPLIT.split(text.strip(" .")) if p]
        resolved = [
            self.person(titled) or self.person(p) or (p if keep_unknown else None)
            for p, titled in zip(parts, _shared_title(parts), strict=True)
        ]
        if not resolved or any(r is None for r in resolved):
            return None
        return "; ".join(r for r in resolved if r)


def _shared_title(parts: list[str]) -> list[str]:
    """ "Cllrs Booth and Dennison": a title before a list of surnames belongs to each of them."""
    if not parts or (bare := strip_honorific(parts[0])) == parts[0]:
        return parts
    title = parts[0][: len(parts[0]) - len(bare)]
    return [parts[0], *(f"{title}{p}" if len(p.split()) == 1 else p for p in parts[1:])]


def _resolve_due(
    text: str, reference: datetime.date | None, next_meeting: datetime.date | None
) -> str | None:
    text = text.strip(" .")
    if not text:
        return None
    for found in find_dates(text + "."):
        resolved = found.resolve(reference, "future")
        if resolved is not None:
            return resolved.isoformat()
    return _meeting_due(text, next_meeting) or text


def _meeting_due(text: str, next_meeting: datetime.date | None) -> str | None:
    if next_meeting is None:
        return None
    if _NEXT_MEETING.search(text) or _NEXT_MEETING_ALONE.match(text):
        return next_meeting.isoformat()
    if match := _MONTH_MEETING.search(text):
        written = match.group("month") or match.group("month_sv") or ""
    elif match := _MONTH_MEETING_ALONE.match(text):
        written = match.group("month")
    else:
        return None
    return next_meeting.isoformat() if MONTHS.get(written.lower()) == next_meeting.month else None


def _due_in_text(
    text: str, reference: datetime.date | None, next_meeting: datetime.date | None
) -> str | None:
    for match in _BY_DATE.finditer(text):
        dates = find_dates(text[match.end() :])
        if dates and dates[0].start == 0 and (resolved := dates[0].resolve(reference, "future")):
            return resolved.isoformat()
    return _meeting_due(text, next_meeting)


def _action(
    text: str,
    line: int,
    resolver: OwnerResolver,
    reference: datetime.date | None,
    next_meeting: datetime.date | None,
) -> ParsedAction | None:
    owner_match, due_match = _OWNER.search(text), _DUE.search(text)
    body = collapse(_LABEL_SENTENCE.sub("", text)) if (owner_match or due_match) else collapse(text)
    if not body:
        return None
    owner = resolver.owners(owner_match.group("owner"), keep_unknown=True) if owner_match else None
    if owner is None and (leading := _LEADING_OWNER.match(body)):
        owner = resolver.owners(leading.group("owners"), keep_unknown=False)
    if owner is None and (assigned := _ENGLISH_ASSIGNEE.match(body)):
        owner = resolver.owners(assigned.group("owner"), keep_unknown=True)
    owner = owner or resolver.mentioned(body)
    due = _resolve_due(due_match.group("due"), reference, next_meeting) if due_match else None
    return ParsedAction(
        text=body, owner=owner, due=due or _due_in_text(body, reference, next_meeting), line=line
    )


def _block_text(lines: Sequence[Line], start: int, first: str) -> tuple[str, int]:
    """The action's text: the label line and the lines after it up to a blank line or new label."""
    parts = [first]
    position = start + 1
    while position < len(lines) and not lines[position].is_blank():
        text = lines[position].stripped
        if _ACTION_LABEL.match(text) or _DECISION_LABEL.match(text):
            break
        parts.append(text)
        position += 1
    return join_lines(Line(0, p) for p in parts), position


def find_actions(
    lines: Sequence[Line],
    resolver: OwnerResolver,
    reference: datetime.date | None,
    next_meeting: datetime.date | None,
) -> list[ParsedAction]:
    """Actions in `lines`: labelled action lines and action-list tables."""
    actions: list[ParsedAction] = []
    position = 0
    while position < len(lines):
        line = lines[position]
        table = read_table(lines, position) if not line.is_blank() else None
        if table is not None and table[0].has(ACTION):
            actions.extend(_table_actions(table[0].rows, resolver, reference, next_meeting))
            position = table[1]
            continue
        label = _ACTION_LABEL.match(line.text) if ":" in line.text else None
        label = label or (_assigned(line.text, resolver) if ":" in line.text else None)
        if label:
            text, position = _block_text(lines, position, label.group("rest"))
            if (
                action := _action(text, line.number, resolver, reference, next_meeting)
            ) is not None:
                actions.append(action)
            continue
        position += 1
    return actions


def _assigned(text: str, resolver: OwnerResolver) -> re.Match[str] | None:
    """An "Ansvar:" line whose text opens with participants doing something."""
    if not (found := _RESPONSIBLE_LABEL.match(text)):
        return None
    leading = _LEADING_OWNER.match(found.group("rest"))
    if leading is None or resolver.owners(leading.group("owners"), keep_unknown=False) is None:
        return None
    return found


def _table_actions(
    rows: Sequence[tuple[int, dict[str, str]]],
    resolver: OwnerResolver,
    reference: datetime.date | None,
    next_meeting: datetime.date | None,
) -> list[ParsedAction]:
    actions = []
    for number, row in rows:
        text = row.get(ACTION, "").strip()
        if not text:
            continue
        owner = resolver.owners(row[OWNER], keep_unknown=True) if row.get(OWNER) else None
        due = _resolve_due(row.get(DUE, ""), reference, next_meeting)
        actions.append(ParsedAction(text=text, owner=owner, due=due, line=number))
    return actions
