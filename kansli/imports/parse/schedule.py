"""When and where the meeting was held: date, start and end time, place, and whether online.

The date comes from a date or time field ("Tid", "Datum och tid", "Plats och tid", "Dato", "Date"),
then from a "Sammanträdesdatum" cell, then from the first date in the front matter that is not a
justering, anslag or signing date. Times come from the same field, then from a separate time field,
and an end time missing there from the closing line ("förklarade mötet avslutat kl. 15.35").
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from kansli.imports.parse import labels
from kansli.imports.parse.fields import Field, ValueLine
from kansli.imports.parse.layout import Line, collapse
from kansli.imports.parse.patterns import Guarded
from kansli.lib.swedish_dates import FoundDate, FoundTime, find_dates, find_times

# A line about a break in the meeting ("Ajournering kl. 10.15–10.30", "Lunchuppehåll kl. 12–13")
# is neither the place nor the meeting's time.
_BREAK_LINE = re.compile(
    r"^\s*(?:ajournering|ajournerades|ajourneras|\w*paus|\w*break|adjourn\w*|pause|\w*uppehåll|"
    r"lunch|lunsj|frokost|recess)\b",
    re.I,
)
_NOT_MEETING_DATE = re.compile(
    r"justering|justerad|justerat|justeras|anslag|org\.?\s*nr|underskrift|signerat|signed|"
    r"utdrag|bevis|tas ned|sätts upp|förvaring|protokollet är|godkjent|dnr|diarienummer",
    re.IGNORECASE,
)
_MEETING_DATE_CELL = re.compile(
    r"(?:sammanträdesdatum|mötesdatum|møtedato|mødedato|date of meeting)[\s:]*", re.IGNORECASE
)
_CLOSING = Guarded(
    r"(?:avslutat|avslutad|avslutade|avslutades|avslutas|closed|ended|concluded|finished|hevet|avsluttet|"
    r"afsluttet|sluttede|slut)\b",
    (
        "avslut",
        "closed",
        "ended",
        "concluded",
        "finished",
        "hevet",
        "avsluttet",
        "afsluttet",
        "slut",
    ),
)
_ONLINE = Guarded(
    r"\b(?:teams|zoom|skype|webex|google meet|digitalt|digital|online|på distans|distans|"
    r"videolänk|video|videomöte|videolink|hybrid\w*|virtuel\w*|fjernmøte|via länk|per länk|"
    r"remote(?:ly)?|telefonmöte|via telefon|per telefon|by phone)\b",
    (
        "teams",
        "zoom",
        "skype",
        "webex",
        "meet",
        "digital",
        "online",
        "distans",
        "video",
        "hybrid",
        "virtuel",
        "fjernmøte",
        "länk",
        "remote",
        "telefon",
        "phone",
    ),
)
_REMOTE_PARTICIPANT = Guarded(
    r"\b(?:deltog|deltar|närvarade|medverkade|anslöt|joined|attended|participated|deltok|"
    r"deltager)\b[^.\n]{0,40}?\b(?:digitalt|på distans|via (?:teams|zoom|länk|video|"
    r"skype|telefon)|remotely|by video|by phone|via video|online|virtuelt|på video)\b",
    (
        "deltog",
        "deltar",
        "närvarade",
        "medverkade",
        "anslöt",
        "joined",
        "attended",
        "participated",
        "deltok",
        "deltager",
    ),
)
_HELD_AT = re.compile(
    r"\bheld\s+(?:in|at)\s+(?:the\s+)?(?P<place>.+?),?\s+(?:on|at)\s*$", re.IGNORECASE | re.S
)
_PLACE_AFTER = re.compile(
    r"^[\s,]*(?:i|på|in|at|hos|ved|på)\s+(?P<place>[^\n]+?)[.\s]*$", re.IGNORECASE
)
# A place written in a sentence ends where the sentence goes on: "… sal Hälsingland, är inställt".
_PLACE_END = re.compile(
    r",?\s+(?:är|har|blir|ställs|hålls|hölls|was|is|has|will|er|blev|ble|bliver)\b.*$"
)
_CLOSING_REACH = 80
_AFTER_DATE = re.compile(r"[ \t]*,?[ \t]*(?=\d)")
_AFTER_DATE_REACH = 20
_FRONT_LINES = 40
_OPENING_LINES = 60
_REPEATED_COMMA = re.compile(r"\s*,(?:\s*,)+")
_PREPOSITION = re.compile(r"^(?:i|på|in|at|the)\s+", re.IGNORECASE)
_DATED_KINDS = (labels.WHEN, labels.WHERE_WHEN)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# "Zoom (länk skickad med kallelsen)", "Fælleshuset (Mikkel Rask deltog via Teams)": a remark in
# brackets after the place, several words without a number, is no part of it.
_PLACE_REMARK = re.compile(r"\s*\((?=[^()\d]*\s\S+\s\S+\s)[^()\d]*[a-zåäöæø][^()\d]*\)\s*$")
_LEFTOVER = re.compile(r"\b(?:kl\.?|klockan|klokken|den|at|on)\s*(?=[,;]|$)", re.IGNORECASE)


@dataclass
class Schedule:
    """The date, times and place of a meeting, with the line they were read from."""

    date: datetime.date | None = None
    start: datetime.time | None = None
    end: datetime.time | None = None
    date_text: str | None = None
    place: str | None = None
    online: bool | None = None
    line: int | None = None
    # How each was found, for the confidence: "field", "text" (running text), "opening" (a
    # date in the opening lines, when nothing above the first item had one), "closing".
    date_source: str | None = None
    time_source: str | None = None
    end_source: str | None = None
    place_source: str | None = None


def _usable(values: Sequence[ValueLine]) -> list[ValueLine]:
    return [v for v in values if not _BREAK_LINE.match(v.text)]


def _field_text(item: Field) -> str:
    return collapse(" ".join(v.text for v in _usable(item.values)))


def _dated_field(fields: Sequence[Field]) -> tuple[Field, FoundDate] | None:
    for item in fields:
        if item.kind in (labels.WHEN, labels.WHERE_WHEN):
            dates = find_dates(_field_text(item))
            if dates and dates[0].year is not None:
                return item, dates[0]
    return None


def _dated_field_in_year(
    fields: Sequence[Field], header: Sequence[Line]
) -> tuple[Field, FoundDate] | None:
    """ "När: onsdag 2 oktober" under a title "… hösten 2024": the field's day and month in the
    year the front matter names."""
    for item in fields:
        dates = find_dates(_field_text(item)) if item.kind in _DATED_KINDS else []
        if dates:
            year = _front_year(header)
            return (item, dataclasses.replace(dates[0], year=year)) if year else None
    return None


def _front_year(header: Sequence[Line]) -> int | None:
    """The first year written in the front matter outside justering and anslag lines."""
    for line in header:
        if (found := _YEAR.search(line.text)) and not _NOT_MEETING_DATE.search(line.text):
            return int(found.group())
    return None


def _field_times(item: Field) -> list[FoundTime]:
    return find_times(_field_text(item), bare=item.kind == labels.WHEN)


def _times(
    fields: Sequence[Field], dated: Field | None
) -> tuple[datetime.time | None, datetime.time | None]:
    ordered = ([dated] if dated else []) + [
        f for f in fields if f is not dated and f.kind in (labels.WHEN, labels.WHERE_WHEN)
    ]
    for item in ordered:
        found = _field_times(item)
        if found:
            return found[0].start, found[0].end
    return None, None


def _date_from_lines(lines: Sequence[Line]) -> tuple[FoundDate, str, int, str] | None:
    """The first meeting date in running text: (date, its paragraph, line number, text before)."""
    text = "\n".join(line.text for line in lines)
    cell = _MEETING_DATE_CELL.search(text)
    if cell and (dates := find_dates(text[cell.end() : cell.end() + 40])) and dates[0].start == 0:
        number = lines[0].number + text.count("\n", 0, cell.end() + dates[0].end)
        return dates[0], dates[0].text, number, ""
    offset = 0
    for index, line in enumerate(lines):
        if not _NOT_MEETING_DATE.search(line.text):
            following = lines[index + 1].text if index + 1 < len(lines) else ""
            found = _dated(line.text, following)
            if found is not None:
                return found, line.text, line.number, text[: offset + found.start]
        offset += len(line.text) + 1
    return None


def _dated(text: str, following: str) -> FoundDate | None:
    """The first date with a year on a line, or one a line break cut ("7 February" / "2024")."""
    for found in find_dates(text):
        if found.year is not None:
            return found
    if following[:1].isspace() or following.strip()[:2].isdigit():
        joined = f"{text.rstrip()} {following.strip()}"
        for found in find_dates(joined):
            if found.year is not None and found.start < len(text.rstrip()) < found.end:
                return found
    return None


def read_schedule(
    fields: Sequence[Field], header: Sequence[Line], whole: Sequence[Line]
) -> Schedule:
    """Date, times and place of the meeting from its front matter."""
    schedule = Schedule()
    dated = _dated_field(fields) or _dated_field_in_year(fields, header)
    if dated is not None:
        item, found = dated
        schedule.date, schedule.line = found.resolve(), item.line
        schedule.date_text = _usable(item.values)[0].text if _usable(item.values) else None
        schedule.start, schedule.end = _times(fields, item)
        schedule.date_source = "field"
        schedule.time_source = schedule.end_source = "field"
    else:
        _from_running_text(schedule, fields, header or whole[:_FRONT_LINES], "text")
    if schedule.date is None and header:
        # No date above the first item: a plausible date in the opening lines will have to do.
        _from_running_text(schedule, fields, whole[:_OPENING_LINES], "opening")
    if schedule.start is not None and schedule.end is None:
        schedule.end, schedule.end_source = closing_time(whole), "closing"
    if schedule.place is None and (place := _place(fields)):
        schedule.place, schedule.place_source = place, "field"
    schedule.online = _online(fields, schedule.place, whole)
    return schedule


def _from_running_text(
    schedule: Schedule, fields: Sequence[Field], lines: Sequence[Line], source: str
) -> None:
    found = _date_from_lines(lines)
    if found is None:
        return
    date, paragraph, number, before = found
    schedule.date, schedule.line = date.resolve(), number
    schedule.date_source = schedule.time_source = schedule.end_source = source
    schedule.date_text = collapse(paragraph)
    sentence = _sentence_at(lines, number)
    times = sentence_times(sentence)
    schedule.start, schedule.end = _times(fields, None)
    if schedule.start is None and times:
        schedule.start, schedule.end = times[0].start, times[0].end
    schedule.place = _place_in_sentence(sentence, before)
    schedule.place_source = "text" if schedule.place else None


def sentence_times(sentence: str) -> list[FoundTime]:
    """Clock times in the sentence that dates the meeting. A bare time is taken too when it
    follows the date directly ("Thursday, 14 March 2024, 10:00–12:15"): there it is no amount."""
    times = find_times(sentence)
    if times:
        return times
    dated = [d for d in find_dates(sentence) if d.year is not None]
    if not dated:
        return []
    end = dated[0].end
    lead = _AFTER_DATE.match(sentence, end)
    if lead is None:
        return []
    found = find_times(sentence[lead.end() : lead.end() + _AFTER_DATE_REACH], bare=True)
    return [_shifted(t, lead.end()) for t in found[:1] if t.span_start == 0]


def _shifted(found: FoundTime, offset: int) -> FoundTime:
    return dataclasses.replace(
        found, span_start=found.span_start + offset, span_end=found.span_end + offset
    )


def _sentence_at(lines: Sequence[Line], number: int) -> str:
    """The paragraph around line `number`, which may wrap the date onto a second line."""
    position = next(i for i, line in enumerate(lines) if line.number == number)
    start = position
    while start > 0 and not lines[start - 1].is_blank():
        start -= 1
    end = position
    while end + 1 < len(lines) and not lines[end + 1].is_blank():
        end += 1
    return "\n".join(line.text for line in lines[start : end + 1])


def _place_in_sentence(sentence: str, before: str) -> str | None:
    """ "held in the Council Chamber, …, on 5th March"; "… kl. 14.00 i klubbstugan vid X." """
    held = _HELD_AT.search(sentence[: _date_offset(sentence)])
    if held:
        return _clean_place(held.group("place"))
    spans = [(d.start, d.end) for d in find_dates(sentence)] + [
        (t.span_start, t.span_end) for t in sentence_times(sentence)
    ]
    if not spans:
        return None
    after = sentence[max(end for _, end in spans) :]
    match = _PLACE_AFTER.match(collapse(after))
    return _clean_place(match.group("place")) if match else None


def _date_offset(sentence: str) -> int:
    dates = find_dates(sentence)
    return dates[0].start if dates else len(sentence)


def _place(fields: Sequence[Field]) -> str | None:
    for kind in (labels.WHERE, labels.WHERE_WHEN):
        for item in fields:
            if item.kind == kind and (place := _clean_place(_strip_when(_field_text(item)))):
                return place
    return None


def _strip_when(text: str) -> str:
    spans = [(d.start, d.end) for d in find_dates(text)] + [
        (t.span_start, t.span_end) for t in find_times(text)
    ]
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + text[end:]
    return text


def _clean_place(text: str) -> str | None:
    text = _PLACE_REMARK.sub("", _PLACE_END.sub("", collapse(text)))
    text = _LEFTOVER.sub("", text)
    text = _REPEATED_COMMA.sub(",", text)
    text = text.strip(" ,;:.-–—")
    text = _PREPOSITION.sub("", text)
    return text or None


def _online(fields: Sequence[Field], place: str | None, whole: Sequence[Line]) -> bool | None:
    """Held wholly or partly online: a digital place, a remote participant in the lists, or a
    sentence saying someone took part remotely ("Anna Berg deltog via Teams under punkt 3")."""
    if place and _ONLINE.search(place):
        return True
    kinds = labels.PEOPLE_KINDS | {labels.WHEN, labels.WHERE_WHEN}
    if any(item.kind in kinds and _ONLINE.search(item.text) for item in fields):
        return True
    if _REMOTE_PARTICIPANT.search("\n".join(line.text for line in whole)):
        return True
    return False if place else None


def closing_time(lines: Sequence[Line]) -> datetime.time | None:
    """The time in a closing line: "förklarade mötet avslutat kl. 15.35", "closed at 8.12pm".

    Closing lines end the minutes, so only the last part of the document is read.
    """
    text = "\n".join(line.text for line in lines[-_CLOSING_REACH:])
    for match in _CLOSING.finditer(text):
        window = text[match.end() : match.end() + 60]
        found = find_times(window)
        if found and found[0].span_start <= 30:
            return found[0].start
    return None
