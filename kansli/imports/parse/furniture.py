"""Page furniture: what a printed page adds around the minutes, removed before parsing.

Text extracted from PDF or printed protocols carries page numbers ("Sida 2 av 5", "Page 3 of 8",
"- 4 -"), initials boxes ("Justerandes sign  |   |   |  Utdragsbestyrkande"), and running headers
and footers that repeat the body's name and the meeting date on every page. Pages are separated by
form feeds when the extraction kept them. A line is furniture when it is a page number or an
initials box, or when it repeats at the top or bottom of several pages; the first page keeps its top
lines, since the running header there is the document's own title. A paragraph a page break cut in
two is joined again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence

from kansli.imports.parse.layout import Line

_PAGE_NUMBER = re.compile(
    r"(?:\b(?:sida|page|side|blad|s\.)\s*\d{1,3}(?:\s*(?:av|af|of|/|\()\s*\d{1,3}\)?)?"
    r"|^\s*[-–]\s*\d{1,3}\s*[-–]|^\s*\d{1,3}\s*\(\d{1,3}\)|^\s*\d{1,3}\s*/\s*\d{1,3})\s*$",
    re.IGNORECASE,
)
_BOX_WORD = re.compile(
    r"justerandes?\s+sign\w*|justerares?\s+sign\w*|ordförandes\s+sign\w*|ordf\.?\s+sign\w*|"
    r"just\.?\s+sign\w*|sekr\.?\s+sign\w*|signatur(?:er)?|utdragsbestyrkande|initialer|"
    r"initials|sign\.?|ordf\.?|just\.?|sekr\.?|justerande",
    re.IGNORECASE,
)
_PAGE_WORD_LIST = ("sida", "page", "side", "blad")
_BOX_KEYWORDS = ("sign", "utdragsbestyrk", "initial")
_BOX_FILL = re.compile(r"[\s_|.…:\-–—\[\]()]*")
_DIGITS = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")
_SPACES = re.compile(r"\s+")
# How many content lines at the top and bottom of a page may be running headers and footers.
_EDGE = 3
_SENTENCE_END = (".", "!", "?", ":")


def is_page_marker(text: str) -> bool:
    """A page number or an initials box, on a line of its own."""
    stripped = text.strip()
    if not stripped or len(stripped) > 120:
        return False
    if stripped[0].isdigit() or stripped[0] in "-–":
        return (
            len(stripped) <= 12
            and bool(_PAGE_NUMBER.match(stripped))
            and _plausible_count(stripped)
        )
    lowered = stripped.lower()
    if _has_page_word(lowered):
        return len(stripped.split()) <= 4 and bool(_PAGE_NUMBER.search(stripped))
    if not any(map(lowered.__contains__, _BOX_KEYWORDS)):
        return False
    return not _BOX_FILL.sub("", _BOX_WORD.sub("", stripped))


def _plausible_count(text: str) -> bool:
    """ "3/8" can be page 3 of 8, but "31/07" or "28/06" is a date: a page number is written
    without a leading zero and is no higher than the page count."""
    numbers = _DIGITS.findall(text)
    if any(len(n) > 1 and n.startswith("0") for n in numbers):
        return False
    return len(numbers) < 2 or int(numbers[0]) <= int(numbers[1])


def _has_page_word(lowered: str) -> bool:
    # Plain substring tests: a case-insensitive regex search over every line costs far more.
    return any(map(lowered.__contains__, _PAGE_WORD_LIST)) and bool(_DIGIT.search(lowered))


def _key(text: str) -> str:
    return _SPACES.sub(" ", _DIGITS.sub("#", text.strip().lower()))


def _pages(lines: Sequence[Line]) -> list[list[Line]]:
    pages: list[list[Line]] = [[]]
    for line in lines:
        if "\f" in line.text:
            pages.append([])
        pages[-1].append(line)
    return pages


def _edges(page: list[Line], first: bool) -> tuple[list[Line], list[Line]]:
    content = [line for line in page if not line.is_blank()]
    return ([] if first else content[:_EDGE]), content[-_EDGE:]


def _running(pages: list[list[Line]]) -> set[int]:
    """Numbers of lines repeating at the same edge (top or bottom) of two or more pages."""
    if len(pages) < 2:
        return set()
    found: set[int] = set()
    edges = [_edges(page, index == 0) for index, page in enumerate(pages)]
    needed = max(2, (len(pages) + 1) // 2)
    for side in (0, 1):
        seen = Counter(key for edge in edges for key in {_key(line.text) for line in edge[side]})
        for edge in edges:
            # Read from the page's edge inwards: a running line sits at the edge or next to
            # another one, never behind body text ("Kommunestyrets vedtak:" above its decision
            # at the foot of two pages is no footer).
            for line in edge[side] if side == 0 else reversed(edge[side]):
                if seen[_key(line.text)] < needed or len(line.stripped) > 120:
                    break
                found.add(line.number)
    return found


def _repeated_with_page_numbers(lines: Sequence[Line], markers: set[int]) -> set[int]:
    """Without form feeds: lines next to a page number that repeat next to another one."""
    near: Counter[str] = Counter()
    around: dict[int, str] = {}
    for index, line in enumerate(lines):
        if line.number not in markers:
            continue
        for other in lines[max(0, index - 2) : index + 3]:
            if not other.is_blank() and other.number not in markers:
                around[other.number] = _key(other.text)
                near[_key(other.text)] += 1
    return {number for number, key in around.items() if near[key] >= 2}


def _without_page_number(line: Line) -> Line:
    """ "TIERPS KOMMUN    PROTOKOLL    Sida 1 (12)": the page number is dropped, the rest kept."""
    cells = line.cells()
    if len(cells) < 2 or not is_page_marker(cells[-1].text):
        return line
    return Line(line.number, line.text[: cells[-1].start].rstrip())


def _has_page_breaks(lines: Sequence[Line]) -> bool:
    return any("\f" in line.text for line in lines)


def _suspects(lines: Sequence[Line]) -> list[Line]:
    """Lines that may be page numbers or initials boxes, found by searching the whole text for
    their words once rather than every line for each."""
    text = "\n".join(line.text for line in lines).lower()
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line.text) + 1
    indices = {
        index
        for index, line in enumerate(lines)
        if line.stripped[:1].isdigit() or line.stripped[:1] in ("-", "–")
    }
    for word in (*_PAGE_WORD_LIST, *_BOX_KEYWORDS):
        position = text.find(word)
        while position >= 0:
            indices.add(bisect_right(starts, position) - 1)
            position = text.find(word, position + 1)
    return [lines[index] for index in sorted(indices)]


def remove_furniture(lines: list[Line]) -> list[Line]:
    """The document's lines without page furniture, paragraphs cut by page breaks joined."""
    suspects = _suspects(lines)
    stripped: dict[int, Line] = {}
    for line in suspects:
        if (shorter := _without_page_number(line)) is not line:
            stripped[line.number] = shorter
    markers = {line.number for line in suspects if is_page_marker(line.text)}
    pages = _pages(lines) if _has_page_breaks(lines) else [lines]
    furniture = markers | _running(pages)
    if len(pages) < 2:
        furniture |= _repeated_with_page_numbers(lines, markers | set(stripped))
    if not furniture and not stripped and len(pages) < 2:
        return lines
    kept = [
        stripped.get(line.number, line) for line in lines if line.number not in furniture
    ]
    if len(pages) < 2:
        return kept
    joined = _join_cut_paragraphs(kept, [page[0].number for page in pages[1:] if page])
    return [Line(line.number, line.text.replace("\f", "")) if "\f" in line.text else line
            for line in joined]


def _join_cut_paragraphs(lines: list[Line], breaks: list[int]) -> list[Line]:
    """Drop the blank lines a page break leaves inside a sentence."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and lines[end].is_blank():
            end += 1
        if end > index and _cut(out, lines[end] if end < len(lines) else None, breaks):
            index = end
            continue
        out.extend(lines[index : max(end, index + 1)])
        index = max(end, index + 1)
    return out


def _cut(out: list[Line], after: Line | None, breaks: list[int]) -> bool:
    """Whether a blank run before `after` is a page break inside a sentence."""
    before = out[-1] if out else None
    if before is None or after is None:
        return False
    crossed = any(before.number < start <= after.number for start in breaks)
    return (
        crossed
        and not before.stripped.endswith(_SENTENCE_END)
        and after.stripped[:1].islower()
    )
