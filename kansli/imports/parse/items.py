"""Agenda items: finding the headings and cutting the document into header, items and signatures.

Headings come in four styles, and a document uses one: "§ 98  Title", a prefixed number ("PS 11/23
Title", "Punkt 3 Title"), a case code ("LR/24/19  TITLE"), or a plain number ("1. Title", with
sub-items "4a) Title" and "5.1 Title"). An agenda list that repeats the titles (a saksliste, a
table of contents) is a run of headings on consecutive lines and is not a second set of items. Plain
numbers must follow on from the previous item, which keeps numbered decision clauses out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from kansli.imports.parse import labels
from kansli.imports.parse.layout import Line, join_lines
from kansli.imports.parse.patterns import Guarded

_SECTION = re.compile(
    r"^\s*(?:§+\s*(?P<num>\d{1,4}[a-z]?)|(?P<before>\d{1,4}[a-z]?)\s*§)\s*[.:)]?"
    r"(?:\s+(?P<title>[^\W\d_].*))?\s*$"
)
# A case number where the title should be ("§ 98  Dnr KS 2023/012"): the title is on the next line.
_CASE_NUMBER = re.compile(r"^(?:dnr|diarienr|diarienummer|ärendenr|saksnr)\b", re.IGNORECASE)
_PREFIXED = re.compile(
    r"^\s*(?:PS|Sak|Saksnr\.?|Ärende|Punkt|Pkt\.?|Item|Minute|Sag|Dagsordenspunkt|Agenda item|"
    r"Beslutspunkt)\s+(?P<num>\d{1,4}(?:/\d{2,4})?[a-z]?)\s*[.:)\-–]?\s+(?P<title>[^\W\d_].*)$",
    re.IGNORECASE,
)
_CODE = re.compile(
    r"^\s*(?P<num>[A-ZÅÄÖ]{1,6}[/-]\d{2,4}[/-]\d{1,4}|\d{1,3}/\d{2,4})\s+(?P<title>[A-ZÅÄÖÆØ].*)$"
)
_PLAIN = re.compile(
    r"^(?P<indent>\s*)(?P<num>\d{1,2}(?:\.\d{1,2}|\.[A-Z](?=\s))?[a-z]?)(?:[.)]\s*|\s+)"
    r"(?P<title>(?:{reference}\s+[–—-]\s+)?[^\W\d_].*)$".replace(
        "{reference}", r"\d{1,4}/\d{2,6}(?:/[A-Z]{1,5})?"
    )
)
# A title may open with the reference of the case it handles ("5.1 24/00112/FUL – Rear extension").
_REFERENCE_FIRST = re.compile(r"^\d{1,4}/\d{2,6}(?:/[A-Z]{1,5})?\s+[–—-]\s+[^\W\d_]")
# A title left hanging on a small word ("… land east of" / "Mill Lane") goes on.
_HANGING_WORD = re.compile(
    r"\s(?:of|and|for|the|to|at|on|in|och|för|av|i|på|med|om|vid|till|samt|og|til|af|fra|"
    r"for)$",
    re.IGNORECASE,
)
_SUB_NUMBER = re.compile(r"^(?P<top>\d+)(?P<sub>(?:\.\d+)|\.[A-Z]|[a-z])?$")
_PAGE_FURNITURE = re.compile(
    r"^\s*(?:Justerandes sign|Justerandes signaturer|Utdragsbestyrkande|"
    r"Sida \d+|Page \d+|Side \d+)",
    re.IGNORECASE,
)
_FURNITURE_INITIALS = frozenset("JjUuSsPp")
_TAIL_IGNORE = re.compile(
    r"^\s*(?:justerandes sign|signed|signatur|underskrift|underskrifter)\b", re.I
)
_CONFIDENTIAL = Guarded(
    r"\bsekretess\s+enligt|sekretessbelag|\bOSL\b|offentlighets-\s+och\s+sekretesslagen|"
    r"unntatt\s+(?:fra\s+)?offentlighet|\blukket\s+(?:punkt|møde|møte|sag|sak)|lukkede\s+dører|"
    r"\(exempt\)|\bexempt\s+item|confidential\s+(?:report|item|minute|session)|private\s+session|"
    r"closed\s+session|in\s+camera|\bfortrolig|stängda\s+dörrar|sluten\s+session|ikke\s+offentlig",
    (
        "sekretess",
        "osl",
        "offentlig",
        "lukke",
        "exempt",
        "confidential",
        "session",
        "camera",
        "fortrolig",
        "stängda",
    ),
)
_EXCLUSION = Guarded(
    r"exclusion\s+of\s+(?:the\s+)?press|press\s+and\s+public\s+be\s+excluded|"
    r"allmänheten\s+utesluts|pressen\s+og\s+offentligheten",
    ("exclu", "utesluts", "offentligheten"),
)
_WIDE_GAP = re.compile(r"\t|\s{3,}")
_CLAUSE_NUMBER = re.compile(r"^\(?\d{1,2}[.)]\s")
_AGENDA_RUN = 3
_MAX_TITLE = 160


@dataclass(frozen=True)
class Heading:
    """An item heading: its position in the line list, number as written, and title.

    `span` counts the lines the heading takes when its title continues on the next line.
    """

    index: int
    number: str
    title: str
    style: str
    span: int = 1


@dataclass
class ItemBlock:
    """A heading and the lines of the item under it."""

    heading: Heading
    body: list[Line]

    @cached_property
    def text(self) -> str:
        """The item's lines as running text (read once the body is final)."""
        return join_lines(line for line in self.body if not line.is_rule())


@dataclass
class Sections:
    """The document cut into front matter, items, and closing signature block."""

    header: list[Line]
    items: list[ItemBlock]
    tail: list[Line]


def _title(text: str) -> str:
    # A title may share its line with a case number in another column ("§ 99  Title   Dnr …").
    return _WIDE_GAP.split(text.strip())[0].strip()


_PATTERNS = {"section": _SECTION, "prefixed": _PREFIXED, "code": _CODE, "plain": _PLAIN}
_PREFIX_WORDS = frozenset(
    {
        "ps",
        "sak",
        "saksnr",
        "ärende",
        "punkt",
        "pkt",
        "item",
        "minute",
        "sag",
        "dagsordenspunkt",
        "agenda",
        "beslutspunkt",
    }
)


def _styles_possible(line: Line) -> tuple[str, ...]:
    """Heading styles the line could be, by its first characters; most lines are none."""
    text = line.stripped
    if not text:
        return ()
    first = text[0]
    if first == "§":
        return ("section",)
    if first.isdigit():
        if "§" in text[:7]:  # "1 §  Mötets öppnande"
            return ("section",)
        return ("code", "plain") if "/" in text[:8] else ("plain",)
    if first.isupper() and "/" in text[:16]:
        return (
            ("prefixed", "code")
            if text.split(" ", 1)[0].rstrip(".").lower() in _PREFIX_WORDS
            else ("code",)
        )
    if first.isalpha() and text[:17].split(" ", 1)[0].rstrip(".").lower() in _PREFIX_WORDS:
        return ("prefixed",)
    return ()


def _candidate(lines: Sequence[Line], index: int, style: str) -> Heading | None:
    match = _PATTERNS[style].match(lines[index].text)
    if match is None:
        return None
    title, span = _title(match.group("title") or ""), 1
    if not title or _CASE_NUMBER.match(title):
        title, span = _title_below(lines, index)
    elif _hyphenated_at(lines, index + 1, title) or _title_goes_on(lines, index, match):
        title, span = join_lines([Line(0, title), lines[index + 1]]), 2
    if len(title) > _MAX_TITLE or not title or not _title_start(title):
        return None  # "§ 13 i arbetsordningen anger …" is a sentence, not a heading
    if style == "plain" and not _plain_title(title):
        return None
    number = match.group("num") or match.groupdict().get("before") or ""
    return Heading(index, number, title, style, span)


def _hyphenated_at(lines: Sequence[Line], index: int, title: str) -> bool:
    """A title broken with a hyphen at the line end ("renhållnings-" / "ordning")."""
    return (
        index < len(lines)
        and len(title) > 1
        and title.endswith("-")
        and title[-2].islower()
        and lines[index].stripped[:1].islower()
    )


def _title_start(title: str) -> bool:
    return title[0].isupper() or _REFERENCE_FIRST.match(title) is not None


def _title_goes_on(lines: Sequence[Line], index: int, match: re.Match[str]) -> bool:
    """A title wrapped onto the next line without a hyphen: the next line starts in the title's
    own column in lower case ("§ 33    Revidering av riktlinjer" / "        och hyresskulder"),
    or the title hangs on a small word ("… land east of" / "Mill Lane")."""
    if index + 1 >= len(lines) or not match.group("title"):
        return False
    below = lines[index + 1]
    if below.is_blank() or below.is_rule() or "  " in below.stripped:
        return False
    title = match.group("title").rstrip()
    if _HANGING_WORD.search(title):
        return len(below.stripped) <= _MAX_TITLE // 2 and not below.stripped.endswith(".")
    if below.indent == match.start("title") > 0 and below.stripped[:1].islower():
        return True
    # A short line that cannot open a sentence finishes the title: "for Shared Building
    # Inspection Services", "(second reading)".
    short = below.stripped
    return (
        (short[:1].islower() or short[:1] == "(")
        and len(short) <= _MAX_TITLE // 2
        and not short.endswith((".", ":", ";"))
        and (short[:1].islower() or (short.startswith("(") and short.endswith(")")))
    )


def _title_below(lines: Sequence[Line], index: int) -> tuple[str, int]:
    """The title on the lines after a bare number ("§ 5") or a case number, with the span."""
    for offset in range(1, 4):
        if index + offset >= len(lines):
            break
        line = lines[index + offset]
        if line.is_blank() or _CASE_NUMBER.match(line.stripped):
            continue
        title = _title(line.stripped)
        return (
            (title, offset + 1) if not title.endswith(".") and len(title) <= _MAX_TITLE else ("", 1)
        )
    return "", 1


def _plain_title(title: str) -> bool:
    if not _title_start(title):
        return False
    return not (title.endswith((".", ",", ";", ":")) and len(title.split()) > 4)


def _candidates(lines: Sequence[Line]) -> dict[str, list[Heading]]:
    found: dict[str, list[Heading]] = {style: [] for style in _PATTERNS}
    for index, line in enumerate(lines):
        for style in _styles_possible(line):
            if (heading := _candidate(lines, index, style)) is not None:
                found[style].append(heading)
    return found


def _choose_style(found: dict[str, list[Heading]]) -> str:
    return next(
        (style for style in ("section", "prefixed", "code") if len(found[style]) >= 2), "plain"
    )


def _drop_agenda_runs(headings: list[Heading]) -> list[Heading]:
    """Remove runs of headings on consecutive lines: an agenda list, not the items themselves."""
    runs: list[list[Heading]] = []
    for heading in headings:
        if runs and heading.index == runs[-1][-1].index + 1:
            runs[-1].append(heading)
        else:
            runs.append([heading])
    later_numbers = [h.number for h in headings]
    kept: list[Heading] = []
    for run in runs:
        repeated = all(later_numbers.count(h.number) > 1 for h in run)
        if len(run) >= _AGENDA_RUN or (len(run) >= 2 and repeated):
            continue
        kept.extend(run)
    return kept


def _split_number(number: str) -> tuple[int, str]:
    match = _SUB_NUMBER.match(number)
    if match is None:
        return -1, ""
    return int(match.group("top")), match.group("sub") or ""


def _follows(lines: Sequence[Line], heading: Heading) -> bool:
    """A plain number right under a lead-in or a numbered clause is a clause, not a heading."""
    if heading.index == 0:
        return True
    previous = lines[heading.index - 1]
    if previous.is_blank() or previous.is_rule():
        return True
    text = previous.stripped
    return not (_CLAUSE_NUMBER.match(text) or text.endswith((":", " att", ",", ";")))


def _under_parent(kept: list[Heading], heading: Heading, number: int) -> bool:
    """A sub-item right under its parent's heading line ("3. Läsfrämjande insatser" / "3a. …")."""
    if not kept:
        return False
    parent = kept[-1]
    return parent.index + parent.span == heading.index and parent.number.rstrip(".") == str(number)


def _in_sequence(lines: Sequence[Line], headings: list[Heading]) -> list[Heading]:
    kept: list[Heading] = []
    top = None
    for heading in headings:
        number, sub = _split_number(heading.number)
        if number < 0:
            continue
        if not _follows(lines, heading) and not (sub and _under_parent(kept, heading, number)):
            continue
        if sub and top is not None and number == top:
            kept.append(heading)
        elif not sub and (top is None or top < number <= top + 3):
            kept.append(heading)
            top = number
    return kept


def find_headings(lines: Sequence[Line]) -> list[Heading]:
    """The item headings of the document, in order."""
    found = _candidates(lines)
    style = _choose_style(found)
    headings = _drop_agenda_runs(found[style])
    if style == "plain":
        headings = _in_sequence(lines, headings)
    elif style == "prefixed":
        headings = _with_sub_items(headings, found["plain"])
    return _unique(headings) or _capital_headings(lines)


# Notes without numbers head their items in capitals ("FÖREGÅENDE ANTECKNINGAR", "ÖVRIGT"). The
# document's own name and genre are written so too, above the lists, so a heading needs prose
# under it, and a run of them.
_GENRE_HEADINGS = frozenset(
    {"anteckningar", "minnesanteckningar", "protokoll", "minutes", "notes", "referat", "møtebok"}
)
_MIN_CAPITAL_HEADINGS = 3


def _capital_headings(lines: Sequence[Line]) -> list[Heading]:
    found = [
        Heading(index, "", line.stripped, "capitals")
        for index, line in enumerate(lines)
        if _capital_heading_at(lines, index)
    ]
    return found if len(found) >= _MIN_CAPITAL_HEADINGS else []


def _capital_heading_at(lines: Sequence[Line], index: int) -> bool:
    text = lines[index].stripped
    if not text or not text.isupper() or len(text) > _MAX_TITLE or "  " in text:
        return False
    if index and not lines[index - 1].is_blank():
        return False
    if not text[:1].isalpha() or text.endswith((".", ":")) or text.lower() in _GENRE_HEADINGS:
        return False
    return _prose_below(lines, index + 1)


def _prose_below(lines: Sequence[Line], start: int) -> bool:
    """A sentence in the paragraph under a heading: the first lines after a blank one."""
    position = start
    while position < len(lines) and lines[position].is_blank():
        position += 1
    if position == start:
        return False
    while position < len(lines) and not lines[position].is_blank():
        text = lines[position].stripped
        if text.isupper():
            return False
        if text.endswith(".") or ". " in text:
            return True
        position += 1
    return False


def _with_sub_items(headings: list[Heading], plain: list[Heading]) -> list[Heading]:
    """ "Ärende 3  Uppföljning" with "3a  Utskrivningsklara dagar" below it: sub-items are
    written with a plain number under a prefixed parent."""
    subs = [h for h in plain if _split_number(h.number)[1]]
    if not subs or not headings:
        return headings
    merged: list[Heading] = []
    queue = sorted(subs, key=lambda h: h.index)
    for position, heading in enumerate(headings):
        merged.append(heading)
        end = headings[position + 1].index if position + 1 < len(headings) else None
        top = _split_number(heading.number)[0]
        merged.extend(
            sub
            for sub in queue
            if sub.index > heading.index
            and (end is None or sub.index < end)
            and _split_number(sub.number)[0] == top
        )
    return merged


def _unique(headings: list[Heading]) -> list[Heading]:
    """Keep the last heading of a repeated number: earlier ones belong to an agenda list."""
    last = {h.number: h.index for h in headings}
    return [h for h in headings if last[h.number] == h.index]


def _tail_start(body: Sequence[Line]) -> int:
    """Where the signature block after the last item starts, as an index into `body`."""
    for position, line in enumerate(body):
        cells = line.cells()
        if not cells:
            continue
        first = cells[0].text.partition(":")[0]
        if labels.label_kind(first) in labels.SIGNATURE_KINDS or _TAIL_IGNORE.match(first):
            return position
    return len(body)


def _is_page_furniture(line: Line) -> bool:
    return line.stripped[:1] in _FURNITURE_INITIALS and bool(_PAGE_FURNITURE.match(line.text))


def split_sections(lines: Sequence[Line]) -> Sections:
    headings = find_headings(lines)
    if not headings:
        return Sections(header=list(lines), items=[], tail=[])
    blocks = []
    for position, heading in enumerate(headings):
        end = headings[position + 1].index if position + 1 < len(headings) else len(lines)
        body = [
            line
            for line in lines[heading.index + heading.span : end]
            if not _is_page_furniture(line)
        ]
        blocks.append(ItemBlock(heading, body))
    last = blocks[-1]
    cut = _tail_start(last.body)
    tail = last.body[cut:]
    last.body = last.body[:cut]
    return Sections(header=list(lines[: headings[0].index]), items=blocks, tail=tail)


def clean_number(number: str) -> str:
    return number.strip().rstrip(".)")


def parent_of(number: str, known: set[str]) -> str | None:
    top, sub = _split_number(number)
    if sub and str(top) in known:
        return str(top)
    return None


def is_confidential(block: ItemBlock, previous_excludes_public: bool) -> bool:
    """Handled in closed session: marked by the title, the lines under it, or a prior exclusion."""
    if _EXCLUSION.search(block.heading.title):
        return False
    if previous_excludes_public or _CONFIDENTIAL.search(block.heading.title):
        return True
    head: list[str] = []
    for line in block.body:
        if line.is_blank() and head:
            break
        if not line.is_blank():
            head.append(line.text)
    return _CONFIDENTIAL.search(" ".join(head)) is not None


def excludes_public(block: ItemBlock) -> bool:
    """Whether this item excludes press and public from the item that follows."""
    return _EXCLUSION.search(f"{block.heading.title} {block.text}") is not None
