"""Dates and times as minutes write them, in Swedish, Norwegian, Danish and English.

Minutes mix many forms in one document: "Torsdagen den 10 november 2022 kl 13.00-13.30",
"14/3 2023", "den 1:a oktober 2023", "14.03.2023", "5th March 2024 at 6.30pm", and dates without a
year ("den 25 augusti", "28/3") whose year follows from the meeting they are written in. This module
finds them in running text, resolves a missing year against a reference date, and writes a meeting
date back the way Swedish secretariats do.

Numeric dates are always read day first (14/3, 03/04, 15.02.), as in Swedish, Norwegian, Danish and
British practice.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, time
from typing import Literal

Direction = Literal["past", "future", "nearest"]

_MONTH_WORDS: dict[int, tuple[str, ...]] = {
    1: ("januari", "januar", "january", "jan"),
    2: ("februari", "februar", "february", "feb"),
    3: ("mars", "marts", "march", "mar"),
    4: ("april", "apr"),
    5: ("maj", "mai", "may"),
    6: ("juni", "june", "jun"),
    7: ("juli", "july", "jul"),
    8: ("augusti", "august", "aug"),
    9: ("september", "sept", "sep"),
    10: ("oktober", "october", "okt", "oct"),
    11: ("november", "nov"),
    12: ("december", "desember", "dec", "des"),
}
MONTHS: dict[str, int] = {word: n for n, words in _MONTH_WORDS.items() for word in words}
_ENGLISH_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_WEEKDAYS = (
    "måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag"
    "|mandag|tirsdag|lørdag|søndag"
    "|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)

SWEDISH_MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
SWEDISH_WEEKDAYS_DEFINITE = (
    "Måndagen",
    "Tisdagen",
    "Onsdagen",
    "Torsdagen",
    "Fredagen",
    "Lördagen",
    "Söndagen",
)

# Longest words first, so "mars" wins over "mar" and "september" over "sep".
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_NOT_LETTER = r"(?![a-zåäöæøé])"
# The patterns start at a digit or a month name, which keeps scanning fast; a weekday or "den"
# written before the date is added to its span afterwards ("Torsdagen den 10 november 2022").
_LEAD_IN = re.compile(rf"(?:\b(?:{_WEEKDAYS})(?:en|e)?,?\s+)?(?:\bden\s+)?$", re.IGNORECASE)
_LEAD_IN_REACH = 24
_HAS_DIGIT = re.compile(r"\d")
# Every month word in any of the languages starts with one of these.
_MONTH_STEMS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "maj",
    "mai",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "okt",
    "oct",
    "nov",
    "dec",
    "des",
)
_ENGLISH_MONTH_STEMS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)

_TEXT_DATE = re.compile(
    r"(?<![\d.,:/])\b(?P<day>\d{1,2})(?::[ae]|\.|st|nd|rd|th)?"
    rf"\s+(?:of\s+)?(?P<month>{_MONTH_ALT})\.?{_NOT_LETTER}"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?",
    re.IGNORECASE,
)
_ENGLISH_MONTH_FIRST = re.compile(
    rf"\b(?P<month>{_ENGLISH_MONTHS})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    r"(?!\d)(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(
    r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)"
)
_DOTTED_DATE = re.compile(
    r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d\d)(?!\d)(?!\.\d)"
)
_SLASHED_DATE = re.compile(
    r"(?<![\d/])(?P<day>\d{1,2})/(?P<month>\d{1,2})"
    r"(?:/(?P<year>\d{4}|\d\d)|[ \t]*-[ \t]*(?P<short>\d{4}|\d\d)|[ \t]+(?P<long>(?:19|20)\d\d))?"
    r"(?![\d/])"
)
_DOTTED_DAY_MONTH = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?!\d)")
_CLOCK_BEFORE = re.compile(r"(?:\bkl(?:ockan|okken)?\.?|\bat)\s*$", re.IGNORECASE)

_TIME = re.compile(
    r"(?<![\d.:/])(?P<h1>\d{1,2})(?:[.:](?P<m1>\d\d))?(?!\d)\s*(?P<ap1>[ap]\.?m\b\.?)?"
    r"(?:\s*(?:-|–|—|till|to|until)\s*(?:kl\.?\s*)?"
    r"(?P<h2>\d{1,2})(?:[.:](?P<m2>\d\d))?(?!\d)\s*(?P<ap2>[ap]\.?m\b\.?)?)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDate:
    """A date written in a text; the year is None when the text leaves it out."""

    day: int
    month: int
    year: int | None
    start: int
    end: int
    text: str

    def resolve(
        self, reference: date | None = None, direction: Direction = "nearest"
    ) -> date | None:
        if self.year is not None:
            return _safe_date(self.year, self.month, self.day)
        if reference is None:
            return None
        return resolve_day_month(self.day, self.month, reference, direction)


@dataclass(frozen=True)
class FoundTime:
    """A clock time or time range written in a text."""

    start: time
    end: time | None
    span_start: int
    span_end: int


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _plausible_day_month(day: int, month: int) -> bool:
    # 2000 is a leap year, so 29 February passes here and is settled when a year is chosen.
    return 1 <= month <= 12 and 1 <= day <= monthrange(2000, month)[1]


def _full_year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


def resolve_day_month(day: int, month: int, reference: date, direction: Direction) -> date | None:
    """The date with this day and month nearest to `reference` in the given direction.

    "past" gives the latest such date on or before the reference (a previous meeting), "future"
    the earliest on or after it (a next meeting, a deadline), "nearest" whichever is closest.
    """
    candidates = [
        d
        for year in (reference.year - 1, reference.year, reference.year + 1)
        if (d := _safe_date(year, month, day)) is not None
    ]
    if direction == "past":
        earlier = [d for d in candidates if d <= reference]
        return max(earlier) if earlier else None
    if direction == "future":
        later = [d for d in candidates if d >= reference]
        return min(later) if later else None
    return min(candidates, key=lambda d: abs((d - reference).days)) if candidates else None


def _patterns_for(text: str) -> list[re.Pattern[str]]:
    """The date patterns worth trying: each needs a character or word the text may lack."""
    lowered = text.lower()
    patterns = [_ISO_DATE] if "-" in text else []
    if "." in text:
        patterns.append(_DOTTED_DATE)
    if "/" in text:
        patterns.append(_SLASHED_DATE)
    if any(stem in lowered for stem in _MONTH_STEMS):
        patterns.append(_TEXT_DATE)
        if any(stem in lowered for stem in _ENGLISH_MONTH_STEMS):
            patterns.append(_ENGLISH_MONTH_FIRST)
    return patterns


def _candidates(text: str) -> list[FoundDate]:
    found: list[FoundDate] = []
    for pattern in _patterns_for(text):
        for match in pattern.finditer(text):
            found.extend(_from_match(text, match))
    for match in _DOTTED_DAY_MONTH.finditer(text) if "." in text else ():
        if not _CLOCK_BEFORE.search(text[max(0, match.start() - 8) : match.start()]):
            found.extend(_from_match(text, match))
    return found


def _from_match(text: str, match: re.Match[str]) -> list[FoundDate]:
    groups = match.groupdict()
    month_text = groups["month"]
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]
    day = int(groups["day"])
    year = _full_year(groups.get("year") or groups.get("short") or groups.get("long"))
    if not _plausible_day_month(day, month):
        return []
    if year is not None and _safe_date(year, month, day) is None:
        return []
    start, end = match.span()
    lead_in = _LEAD_IN.search(text, max(0, start - _LEAD_IN_REACH), start)
    if lead_in is not None:
        start = lead_in.start()
    return [FoundDate(day, month, year, start, end, text[start:end])]


def find_dates(text: str) -> list[FoundDate]:
    """Every date written in `text`, in order, without overlaps (the longest reading wins)."""
    chosen: list[FoundDate] = []
    if not _HAS_DIGIT.search(text):
        return chosen
    for found in sorted(_candidates(text), key=lambda f: (f.start, -(f.end - f.start))):
        if chosen and found.start < chosen[-1].end:
            continue
        chosen.append(found)
    return chosen


def parse_date(
    text: str, reference: date | None = None, direction: Direction = "nearest"
) -> date | None:
    """The first date in `text`, resolved against `reference` when it has no year."""
    for found in find_dates(text):
        resolved = found.resolve(reference, direction)
        if resolved is not None:
            return resolved
    return None


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _clock(hour_text: str | None, minute_text: str | None, meridiem: str | None) -> time | None:
    if hour_text is None:
        return None
    hour, minute = int(hour_text), int(minute_text or 0)
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.lower().startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _time_from_match(match: re.Match[str], bare: bool, text: str) -> FoundTime | None:
    g = match.groupdict()
    ap1, ap2 = g["ap1"], g["ap2"]
    clock_word = _CLOCK_BEFORE.search(text, max(0, match.start() - 10), match.start())
    prefix = clock_word.group(0).strip().lower() if clock_word else ""
    has_minutes = g["m1"] is not None
    if prefix == "at" and not (has_minutes or ap1 or ap2):
        return None
    if not (prefix or ap1 or ap2 or (bare and (has_minutes or g["m2"] is not None))):
        return None
    # "7–8.45pm": a meridiem written once, on the end, holds for the start too.
    start = _clock(
        g["h1"], g["m1"], ap1 or (ap2 if g["h2"] and int(g["h1"]) <= int(g["h2"]) else None)
    )
    end = _clock(g["h2"], g["m2"], ap2 or ap1)
    if start is None or (g["h2"] is not None and end is None):
        return None
    span_start = clock_word.start() if clock_word else match.start("h1")
    return FoundTime(start, end, span_start, match.end())


def find_times(text: str, *, bare: bool = False) -> list[FoundTime]:
    """Clock times and ranges in `text`: "kl 9–11.30", "6.30pm", and with `bare` also "19.00–20.40".

    Bare times are only safe where the text is known to be about time (a "Tid:" field), since
    elsewhere "4.2" or "22,34" are amounts. Dates are masked first so "14.03.2023" is not a time.
    """
    found: list[FoundTime] = []
    if not _HAS_DIGIT.search(text):
        return found
    masked = _mask(text, [(f.start, f.end) for f in find_dates(text)])
    for match in _TIME.finditer(masked):
        parsed = _time_from_match(match, bare, masked)
        if parsed is not None:
            found.append(parsed)
    return found


def parse_time_range(text: str, *, bare: bool = False) -> tuple[time | None, time | None]:
    """The first time or time range in `text` as (start, end)."""
    found = find_times(text, bare=bare)
    if not found:
        return None, None
    return found[0].start, found[0].end


def parse_meeting_time(text: str) -> tuple[date | None, time | None, time | None]:
    """Read a date-and-time line such as "Torsdagen den 10 november 2022 kl 13.00-13.30"."""
    day = parse_date(text)
    start, end = parse_time_range(text, bare=True)
    return day, start, end


def format_date(value: date) -> str:
    """ "10 november 2022" """
    return f"{value.day} {SWEDISH_MONTHS[value.month - 1]} {value.year}"


def format_clock(value: time) -> str:
    """ "13.00", the Swedish way of writing a clock time."""
    return f"{value.hour:02d}.{value.minute:02d}"


def format_meeting_date(value: date) -> str:
    """ "Torsdagen den 10 november 2022" """
    return f"{SWEDISH_WEEKDAYS_DEFINITE[value.weekday()]} den {format_date(value)}"


def format_meeting_time(value: date, start: time | None = None, end: time | None = None) -> str:
    """ "Torsdagen den 10 november 2022 kl 13.00-13.30", the inverse of parse_meeting_time."""
    text = format_meeting_date(value)
    if start is not None:
        text += f" kl {format_clock(start)}"
        if end is not None:
            text += f"-{format_clock(end)}"
    return text
