"""The previous and the next meeting, as the minutes refer to them.

"Föregående möte var den 25 augusti", "Anteckningarna från 19/9 gicks igenom", "Minutes of the last
meeting (16 November 2023)"; "Nästa möte äger rum den 13 juni", "Neste møte: 25.04.2023", an item
titled "Nästa sammanträde" or "Date of next meeting". A date without a year is the nearest earlier
one for the previous meeting and the nearest later one for the next; a next meeting the minutes call
off ("Beslut att ställa in nästa möte den 8 december") is marked cancelled.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from kansli.imports.parse.decisions import sentences
from kansli.imports.parse.items import ItemBlock
from kansli.imports.parse.patterns import Guarded
from kansli.lib.swedish_dates import find_dates

_PREVIOUS = Guarded(
    r"föregående\s+(?:möte|mötet|mötes|sammanträde|protokoll|minnesanteckningar|anteckningar)|"
    r"förra\s+(?:mötet|sammanträdet)|senaste\s+mötet|(?:minnes)?anteckningarna\s+från|"
    r"protokoll(?:et)?\s+(?:nr\s+\d+\s+)?från|minutes\s+of\s+the\s+(?:last|previous)\s+meeting|"
    r"minutes\s+of\s+the\s+(?:[\w-]+\s+){0,3}?(?:meeting|agm|egm)\s+(?:held|of|on)|"
    r"previous\s+meeting|"
    r"last\s+meeting|minutes\s+of\s+the\s+(?:\d{4}\s+)?(?:agm|egm|annual\s+general\s+meeting)|"
    r"protokoll(?:en|et)?\s+fra\s+(?:forrige\s+)?møte|forrige\s+møte|"
    r"referat(?:et)?\s+(?:fra|af)\s+(?:sidste\s+|forrige\s+)?mø(?:d|t)e|sidste\s+møde|"
    r"(?:godkjenning|godkendelse|godkännande)\s+av\s+(?:referat|protokoll)|"
    r"godkendelse\s+af\s+referat",
    (
        "föregående",
        "förra",
        "senaste",
        "anteckningarna",
        "protokoll",
        "minutes",
        "meeting",
        "forrige",
        "referat",
        "sidste",
        "godkjenning",
        "godkännande",
    ),
)
_NEXT = Guarded(
    r"nästa\s+(?:ordinarie\s+|extra\s+)?(?:möte|sammanträde|styrelsemöte|träff|mötestillfälle|årsmöte)|next\s+meeting|"
    r"neste\s+(?:møte|styremøte)|næste\s+(?:møde|bestyrelsesmøde)|kommande\s+möte",
    ("nästa", "next", "neste", "næste", "kommande"),
)
_CALLED_OFF = re.compile(
    r"ställa\s+in|ställs\s+in|inställ\w*|ställts\s+in|cancel\w*|avlys\w*|aflys\w*|utgår|"
    r"will\s+not\s+take\s+place|hålls\s+inte",
    re.IGNORECASE,
)
_POSTPONED = re.compile(r"\bbordläggs\b|\bbordlägga\b|\bdeferred\b|\butsatt\b", re.IGNORECASE)
_MAX_TEXT = 60
_NEXT_LABEL = re.compile(
    r"^(?:nästa\s+\w+|next\s+meeting|date\s+of\s+next\s+meeting|neste\s+møte|næste\s+møde)"
    r"\s*[:–-]\s*",
    re.IGNORECASE,
)


@dataclass
class Meetings:
    previous: datetime.date | str | None = None
    next: datetime.date | str | None = None
    next_cancelled: bool | None = None


def _item_text(block: ItemBlock) -> str:
    return block.text


def _first_date(
    text: str, reference: datetime.date, direction: str, *, before: bool
) -> datetime.date | None:
    for found in find_dates(text):
        resolved = found.resolve(reference, "past" if direction == "past" else "future")
        if resolved is None:
            continue
        if (resolved < reference) if before else (resolved > reference):
            return resolved
    return None


def previous_meeting(blocks: Sequence[ItemBlock], reference: datetime.date) -> datetime.date | None:
    for block in blocks:
        title_cue = bool(_PREVIOUS.search(block.heading.title))
        if title_cue and (
            found := _first_date(block.heading.title, reference, "past", before=True)
        ):
            return found
        text = _item_text(block)
        if not _PREVIOUS.search(text):
            continue
        for sentence in sentences(text):
            if _PREVIOUS.search(sentence) and (
                found := _first_date(sentence, reference, "past", before=True)
            ):
                return found
    return None


def next_meeting(
    blocks: Sequence[ItemBlock], reference: datetime.date
) -> tuple[datetime.date | str | None, bool | None]:
    """(next meeting, whether the minutes cancel it), from a next-meeting item or sentence."""
    for block in blocks:
        if _NEXT.search(block.heading.title):
            return _from_item(block, reference)
    for block in blocks:
        text = _item_text(block)
        if not _NEXT.search(text):
            continue
        for sentence in sentences(text):
            if _NEXT.search(sentence) and (
                found := _first_date(sentence, reference, "future", before=False)
            ):
                return found, bool(_CALLED_OFF.search(sentence))
    return None, None


def _from_item(
    block: ItemBlock, reference: datetime.date
) -> tuple[datetime.date | str | None, bool | None]:
    text = _item_text(block)
    cancelled = bool(_CALLED_OFF.search(text))
    found = _first_date(text, reference, "future", before=False)
    if found is not None:
        return found, cancelled
    first = _NEXT_LABEL.sub("", sentences(text)[0]) if text else ""
    if first and len(first) <= _MAX_TEXT and not _POSTPONED.search(first):
        return first.rstrip("."), cancelled
    return None, True if cancelled else None


def read_meetings(blocks: Sequence[ItemBlock], reference: datetime.date | None) -> Meetings:
    if reference is None:
        return Meetings()
    upcoming, cancelled = next_meeting(blocks, reference)
    return Meetings(previous_meeting(blocks, reference), upcoming, cancelled)
