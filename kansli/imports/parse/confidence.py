"""How sure the parser is of each field it read, from 0 (a guess, or missing) to 1.

The figure follows from where a value was found, not from the value: a date in a "Datum:" field is
surer than the first date in the running text, a body named by a label surer than the first line
of the page, items under "§ 12" headings surer than numbered lines with gaps in their numbering. A
missing value is only doubtful where minutes normally have one (a date, a body, items, a chair). An
import puts documents with doubtful fields in the secretariat's review queue.
"""

from __future__ import annotations

from collections.abc import Sequence

from kansli.imports.parse.attendance import Attendance
from kansli.imports.parse.header import Identity
from kansli.imports.parse.items import ItemBlock, parent_of
from kansli.imports.parse.model import ParsedMinutes
from kansli.imports.parse.schedule import Schedule

SURE = 0.95
LIKELY = 0.85
FAIR = 0.75
WEAK = 0.5
GUESS = 0.3
MISSING = 0.0

_BODY = {"field": SURE, "title": 0.9, "name": LIKELY, "guess": WEAK}
_DATE = {"field": SURE, "text": LIKELY, "opening": WEAK}
_TIME = {"field": SURE, "text": LIKELY, "opening": WEAK, "closing": FAIR}
_PLACE = {"field": 0.9, "text": FAIR}
_HEADING_STYLES = {"section": SURE, "prefixed": SURE, "code": 0.9, "plain": LIKELY}
# Kinds of minutes that name who adjusts them; UK and Danish minutes do not.
_ADJUSTED_LANGUAGES = frozenset({"sv", "no"})


def assess(
    minutes: ParsedMinutes,
    identity: Identity,
    when: Schedule,
    people: Attendance,
    blocks: Sequence[ItemBlock],
    marked: bool,
) -> dict[str, float]:
    """The confidence of every field of `minutes`, by field name."""
    held = not minutes.cancelled
    return {
        "language": LIKELY,
        "kind": FAIR if minutes.kind == "other" and held else LIKELY,
        "body": _BODY.get(identity.body_source or "", MISSING),
        "organisation": LIKELY,
        "meeting_type": LIKELY,
        "date": _DATE.get(when.date_source or "", MISSING),
        "start": _TIME.get(when.time_source or "", FAIR) if minutes.start else FAIR,
        "end": _TIME.get(when.end_source or "", FAIR) if minutes.end else FAIR,
        "place": _PLACE.get(when.place_source or "", FAIR) if minutes.place else FAIR,
        "online": LIKELY,
        "cancelled": LIKELY,
        "present": _present(people, held),
        "absent": LIKELY,
        "chair": _chair(minutes),
        "secretary": LIKELY if minutes.secretary or not held else FAIR,
        "adjusters": _adjusters(minutes),
        "items": _items(minutes, blocks),
        "decisions": _decisions(minutes, marked),
        "previous_meeting": LIKELY,
        "next_meeting": LIKELY,
        "actions": LIKELY,
    }


def _present(people: Attendance, held: bool) -> float:
    if people.listed or not held:
        return 0.9
    return WEAK if people.present else GUESS


def _chair(minutes: ParsedMinutes) -> float:
    if minutes.chair or minutes.cancelled:
        return LIKELY
    # Notes of a network often name no chair; formal minutes always do.
    return FAIR if minutes.kind == "minnesanteckningar" else WEAK


def _adjusters(minutes: ParsedMinutes) -> float:
    if minutes.adjusters or minutes.cancelled:
        return LIKELY
    formal = minutes.kind == "protokoll" and minutes.language in _ADJUSTED_LANGUAGES
    return WEAK if formal else FAIR


def _items(minutes: ParsedMinutes, blocks: Sequence[ItemBlock]) -> float:
    if minutes.cancelled and not blocks:
        return LIKELY
    if not blocks:
        return GUESS
    confidence = _HEADING_STYLES.get(blocks[0].heading.style, LIKELY)
    return confidence if _numbered_in_order(minutes) else min(confidence, WEAK)


def _numbered_in_order(minutes: ParsedMinutes) -> bool:
    """Top-level items numbered without gaps (1, 2, 3 or § 98, 99, 100), when they are numbers."""
    numbers = {item.number for item in minutes.items}
    tops = [item.number for item in minutes.items if parent_of(item.number, numbers) is None]
    values = [int(number) for number in tops if number.isdecimal()]
    if len(values) != len(tops) or len(values) < 2:
        return True
    return all(b - a == 1 for a, b in zip(values, values[1:], strict=False))


def _decisions(minutes: ParsedMinutes, marked: bool) -> float:
    if not minutes.items:
        return LIKELY
    if not any(item.decisions for item in minutes.items):
        return WEAK
    return LIKELY if marked else FAIR
