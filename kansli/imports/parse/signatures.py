"""Who chaired, kept the minutes and adjusted them: signature blocks and appointment sentences.

Signature blocks put a label ("Vid protokollet", "Justeras", "Ordförande") beside or above a name,
sometimes several side by side, with dotted lines in between. The label and the name are paired by
column. Appointments are also written as sentences ("Boel Godner utses som justerare", "Till
mötesordförande valdes Bengt Forsman", "Protokollen godkjennes av A og B").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from kansli.imports.parse import labels
from kansli.imports.parse.layout import Cell, Line, collapse
from kansli.imports.parse.people import is_name, split_people, strip_honorific

_BULLET = re.compile(r"^[-–•*·]\s+")
_NAME_TOKEN = re.compile(r"^(?:[A-ZÅÄÖÆØÜÉ][\w'’-]*|[A-ZÅÄÖÆØ]\.|\([A-ZÅÄÖÆØ]{1,4}\)[,.]?)[,.]?$")
_JOINERS = frozenset({"och", "and", "og", "samt", "&", "von", "af", "van", "de"})
_SENTENCE_START = re.compile(r"(?<=[.!?:])\s+(?=[A-ZÅÄÖÆØ])|\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[a-zåäöæø)\d])[.!?](?:\s|$)|\n\s*\n")
_LOOKAHEAD_LINES = 4
_SENTENCE_REACH = 300
_COLUMN_TOLERANCE = 20


@dataclass(frozen=True)
class Appointment:
    """A person named for a function (chair, secretary or adjuster), and where."""

    kind: str
    name: str
    line: int
    # Elected for this meeting ("Till mötesordförande valdes …"); outranks a list's "ordförande".
    strong: bool = False


_MEETING_CHAIR = re.compile(
    r"mötesordförande|stämmoordförande|ordförande för mötet|dirigent|"
    r"møteleder|mødeleder|chair of the meeting",
    re.I,
)


@lru_cache(maxsize=4096)
def _signature_kind(label: str) -> str | None:
    label = _BULLET.sub("", label.strip())
    if not label[:1].isupper():
        return None
    kind = labels.label_kind(label)
    return kind if kind in labels.SIGNATURE_KINDS else None


def _name_in(text: str) -> str | None:
    people = split_people(text.split(",")[0])
    return people[0].name if people else None


def _names_in(text: str) -> list[str]:
    return [entry.name for entry in split_people(text)]


def scan_signatures(lines: Sequence[Line]) -> list[Appointment]:
    """Labels of chair, secretary and adjuster in `lines`, each paired with its signatories."""
    found: list[Appointment] = []
    for index, line in enumerate(lines):
        cells = line.cells()
        for position, cell in enumerate(cells):
            found.extend(_pair(lines, index, cells, position, cell))
    return found


def _pair(
    lines: Sequence[Line], index: int, cells: Sequence[Cell], position: int, cell: Cell
) -> list[Appointment]:
    label, colon, rest = cell.text.partition(":")
    kind = _signature_kind(label)
    if kind is None:
        return []
    number = lines[index].number
    if colon and rest.strip():
        # Two adjusters may share the label: "Protokollen godkjennes av: A og B".
        names = _names_in(rest) if kind == labels.ADJUSTER else [_name_in(rest)]
        return [_appointment(kind, name, number, label) for name in names if name]
    if position + 1 < len(cells) and (name := _name_in(cells[position + 1].text)):
        return [_appointment(kind, name, number, label)]
    # A label alone on its line signs for every name under it ("Justeras / A   B").
    alone = len(cells) == 1
    below = _names_below(lines, index, cell, every=alone) or _name_above(lines, index, cell)
    return [_appointment(kind, name, line, label) for name, line in below]


def _appointment(kind: str, name: str, line: int, label: str) -> Appointment:
    return Appointment(kind, name, line, strong=bool(_MEETING_CHAIR.search(label)))


def _name_above(lines: Sequence[Line], index: int, cell: Cell) -> list[tuple[str, int]]:
    """ "Anna Lindström / Ordförande": a name directly above its title, with no blank between."""
    if index == 0 or lines[index - 1].is_blank():
        return []
    cells = lines[index - 1].cells()
    if not cells:
        return []
    near = min(cells, key=lambda c: abs(c.start - cell.start))
    if abs(near.start - cell.start) > _COLUMN_TOLERANCE or _signature_kind(
        near.text.partition(":")[0]
    ):
        return []
    name = _name_in(near.text)
    return [(name, lines[index - 1].number)] if name else []


def _names_below(
    lines: Sequence[Line], index: int, cell: Cell, *, every: bool
) -> list[tuple[str, int]]:
    """The name in the label's column on the next lines, or `every` name on that line."""
    seen = 0
    for line in lines[index + 1 :]:
        cells = line.cells()
        if line.is_blank() or line.is_rule() or not cells:
            continue
        seen += 1
        if seen > _LOOKAHEAD_LINES:
            return []
        near = min(cells, key=lambda c: abs(c.start - cell.start))
        if abs(near.start - cell.start) > _COLUMN_TOLERANCE:
            continue
        if _signature_kind(near.text.partition(":")[0]) or labels.label_kind(near.text):
            return []
        chosen = cells if every else [near]
        return [(name, line.number) for c in chosen if (name := _name_in(c.text))]
    return []


ACTOR = "actor"


class _Sentence(NamedTuple):
    """An appointment sentence: who it appoints, where the names stand, and its pattern.

    "before" patterns have the names in front of the match, "after" behind it, "between" inside
    the named group. A paragraph is only searched when it contains one of the `cues` and, if any
    are given, one of the `verbs`: most paragraphs of minutes contain neither.
    """

    kind: str
    side: str
    cues: tuple[str, ...]
    verbs: tuple[str, ...]
    pattern: re.Pattern[str]


def _sentence(kind: str, side: str, cues: str, pattern: str, verbs: str = "") -> _Sentence:
    words = tuple(cues.split("|"))
    return _Sentence(
        kind, side, words, tuple(verbs.split("|")) if verbs else (), re.compile(pattern, re.I)
    )


_SWEDISH_CHOOSING = "uts|vald|välj|valde|åtog|utnämn"
_SENTENCES = [
    _sentence(
        labels.ADJUSTER,
        "before",
        "juster",
        r"\b(?:utses|utsågs|valdes|väljs|åtog sig|utsedd|utsedda|utnämndes|utnämns)\s+"
        r"(?:(?:som|till|att|jämte ordföranden|tillika)\s+)*(?:justera|justerare)\b",
        _SWEDISH_CHOOSING,
    ),
    _sentence(
        labels.ADJUSTER,
        "after",
        "juster",
        r"\b(?:till\s+)?(?:justerare|justeringsperson(?:er)?)(?:\s+tillika\s+rösträknare)?\s+"
        r"(?:valdes|utsågs|utses|väljs)\s+",
        _SWEDISH_CHOOSING,
    ),
    _sentence(
        labels.ADJUSTER,
        "between",
        "juster",
        r"\b(?:utse|utser|välja|väljer|utsåg|valde)\s+(?P<names>[^.;]{3,80}?)\s+"
        r"(?:att|till|som)\s+(?:jämte ordföranden\s+)?(?:justera|justerare)\b",
        _SWEDISH_CHOOSING,
    ),
    _sentence(
        labels.ADJUSTER,
        "after",
        "godkjenn|underskriv|juster",
        r"\bprotokoll(?:en|et)?\s+(?:godkjennes|godkjent|underskrives|justeres)\s+av\s+",
    ),
    _sentence(
        labels.ADJUSTER,
        "after",
        "underskriv|godkjenn",
        r"\b(?:valgt|valgte|velges)\s+til\s+å\s+(?:underskrive|godkjenne)\s+protokollen\s*:?\s*",
    ),
    _sentence(
        labels.ADJUSTER,
        "after",
        "underskriv|godkjenn|signer",
        r"\btil\s+å\s+(?:underskrive|godkjenne|signere)\s+protokollen(?:\s+sammen\s+med\s+\w+)?"
        r"\s+(?:ble\s+)?(?:valgt|valgte|velges)\s*:?\s*",
    ),
    _sentence(
        labels.ADJUSTER,
        "before",
        "appointed",
        r"\b(?:was|were)\s+appointed\s+to\s+(?:sign|approve|check)\s+the\s+minutes",
    ),
    _sentence(
        labels.CHAIR,
        "after",
        "ordförande",
        r"\b(?:till\s+|som\s+)?(?:mötesordförande|stämmoordförande|ordförande\s+för\s+"
        r"(?:mötet|stämman|årsmötet|dagens\s+möte))\s+(?:valdes|utsågs|väljs|utses)\s+",
        _SWEDISH_CHOOSING,
    ),
    _sentence(
        labels.CHAIR,
        "before",
        "ordförande",
        r"\b(?:valdes|utsågs|väljs|utses)\s+(?:till|som)\s+(?:mötesordförande|stämmoordförande|"
        r"ordförande\s+för\s+(?:mötet|stämman|årsmötet))",
        _SWEDISH_CHOOSING,
    ),
    _sentence(
        labels.CHAIR,
        "before",
        "dirigent|møteleder|ordstyrer",
        r"\b(?:valgt|valgtes|blev valgt)\s+(?:til|som)\s+(?:dirigent|møteleder|ordstyrer)",
    ),
    _sentence(
        labels.CHAIR,
        "after",
        "dirigent|møteleder|ordstyrer",
        r"\b(?:som|til)\s+(?:dirigent|møteleder|ordstyrer)\s+(?:ble\s+|blev\s+)?valgt(?:es)?\s+",
    ),
    _sentence(
        labels.CHAIR,
        "before",
        "chair",
        r"\b(?:was\s+elected\s+to\s+(?:the\s+)?chair|took\s+the\s+chair|chaired\s+the\s+meeting)",
    ),
    _sentence(
        labels.SECRETARY,
        "after",
        "sekret|protokollför",
        r"\b(?:till\s+|som\s+)?(?:mötessekreterare|sekreterare(?:\s+för\s+(?:mötet|stämman|"
        r"årsmötet))?|protokollförare)\s+(?:valdes|utsågs|väljs|utses)\s+",
        _SWEDISH_CHOOSING,
    ),
    _sentence(
        labels.SECRETARY,
        "before",
        "sekret|protokollför",
        r"\b(?:valdes|utsågs|väljs|utses)\s+(?:till|som)\s+(?:mötessekreterare|sekreterare|"
        r"protokollförare)\b",
        _SWEDISH_CHOOSING,
    ),
    _sentence(
        labels.SECRETARY,
        "before",
        "referent|sekret|protokollfør",
        r"\b(?:valgt|valgtes)\s+(?:til|som)\s+(?:referent|sekretær|protokollfører)",
    ),
    _sentence(
        labels.SECRETARY,
        "after",
        "minutes",
        r"\bminutes\s+(?:were\s+)?(?:taken|recorded|prepared)\s+by\s+",
    ),
    _sentence(
        labels.CHAIR,
        "before",
        "to order",
        r"\bcalled\s+the\s+(?:\w+\s+){0,2}meeting\s+to\s+order\b",
    ),
    _sentence(
        labels.SECRETARY,
        "before",
        "minutes",
        r"\b(?:agreed\s+to|was\s+appointed\s+to|will|volunteered\s+to)\s+take\s+the\s+minutes|"
        r"\btook\s+the\s+minutes",
    ),
    _sentence(
        labels.SECRETARY,
        "between",
        "protokollför",
        r"\b(?:anmälde|utsåg|valde|utser)\s+(?P<names>[^.;]{3,60}?)\s+(?:som|till)\s+"
        r"(?:protokollförare|mötessekreterare|sekreterare)\b",
    ),
    # Whoever opened, welcomed or presented acted at the meeting, which matters when no list names
    # anyone.
    _sentence(
        ACTOR,
        "before",
        "öppnade|hälsade|opened|welcomed|åpnet|åbnede|ønsket|presented|redovisade|föredrog|"
        "gennemgik|orienterte|reported",
        r"\b(?:öppnade|hälsade|opened|welcomed|åpnet|åbnede|ønsket|presented|redovisade|föredrog|"
        r"gennemgik|orienterte|reported)\b",
    ),
    # So did whoever made a proposal, asked for a vote or entered a reservation: "Henrik Sjö
    # yrkade …", "Camilla Öst och Henrik Sjö reserverade sig", "Cllr Okoro moved …".
    _sentence(
        ACTOR,
        "before",
        "yrka|reserver|begärde|ifrågasatte|moved|seconded|fremmet|tok opp|stillede",
        r"\b(?:yrkade|yrkar|reserverade|reserverar|begärde|ifrågasatte|moved|seconded|fremmet|"
        r"tok\s+opp|stillede)\b",
    ),
]


def _sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The parts of the sentence before `start` and after `end`."""
    before = _SENTENCE_START.split(text[max(0, start - _SENTENCE_REACH) : start])[-1]
    after = _SENTENCE_END.split(text[end : end + _SENTENCE_REACH])[0]
    return before, after


def leading_names(text: str) -> list[str]:
    """The names at the start of `text`: "Oskar Lindgren och Marianne Holst. …" gives both."""
    tokens = []
    for token in text.split():
        if not (_NAME_TOKEN.match(token) or token.lower() in _JOINERS or token == ","):
            break
        tokens.append(token)
        if token.endswith("."):
            break
    return _names(" ".join(tokens))


def trailing_names(text: str) -> list[str]:
    """The names at the end of `text`: "Därefter utses … Boel Godner" gives Boel Godner."""
    tokens: list[str] = []
    for token in reversed(text.split()):
        if not (_NAME_TOKEN.match(token) or token.lower() in _JOINERS):
            break
        tokens.insert(0, token)
    # A heading in capitals above the sentence ("CALL TO ORDER" / "Mayor Denise Harwood …") is
    # no part of the name.
    while tokens and (
        tokens[0].lower() in _JOINERS
        or (tokens[0].isupper() and len(tokens[0]) > 1 and not tokens[-1].isupper())
    ):
        tokens.pop(0)
    return _names(" ".join(tokens))


def _names(text: str) -> list[str]:
    text = collapse(strip_honorific(text)).strip(" ,.")
    return [entry.name for entry in split_people(text, wrapped=True)] if text else []


_APPOINTING = [sentence for sentence in _SENTENCES if sentence.kind != ACTOR]
_ACTING = [sentence for sentence in _SENTENCES if sentence.kind == ACTOR]


def _by_cue(sentences: list[_Sentence]) -> dict[str, list[_Sentence]]:
    by_cue: dict[str, list[_Sentence]] = {}
    for sentence in sentences:
        for cue in sentence.cues:
            by_cue.setdefault(cue, []).append(sentence)
    return by_cue


_APPOINTING_BY_CUE = _by_cue(_APPOINTING)
_ACTING_BY_CUE = _by_cue(_ACTING)


def appointments_in_text(text: str, first_line: int, *, acting: bool = False) -> list[Appointment]:
    """Appointments written as sentences in `text`, whose first line is `first_line`.

    People who merely acted (opened, presented) are looked for instead when `acting` is set.
    """
    by_cue = _ACTING_BY_CUE if acting else _APPOINTING_BY_CUE
    # Lower-cased once: a case-insensitive search is several times slower on long texts.
    lowered_text = text.lower()
    cues = [cue for cue in by_cue if cue in lowered_text]
    found: list[Appointment] = []
    if not cues:
        return found
    # Line numbers are counted paragraph by paragraph, not from the start each time.
    line = first_line
    for paragraph, lowered in zip(text.split("\n\n"), lowered_text.split("\n\n"), strict=True):
        wanted = {id(s): s for cue in cues if cue in lowered for s in by_cue[cue]}
        if wanted:
            for sentence in _SENTENCES:
                if id(sentence) in wanted and _has_verb(sentence, lowered):
                    found.extend(_appointments(paragraph, line, sentence))
        line += paragraph.count("\n") + 2
    return found


def _has_verb(sentence: _Sentence, lowered: str) -> bool:
    return not sentence.verbs or any(verb in lowered for verb in sentence.verbs)


def _appointments(text: str, first_line: int, sentence: _Sentence) -> list[Appointment]:
    return [
        Appointment(
            sentence.kind, name, first_line + text.count("\n", 0, match.start()), strong=True
        )
        for match in sentence.pattern.finditer(text)
        for name in _named(text, sentence.side, match)
    ]


def _named(text: str, side: str, match: re.Match[str]) -> list[str]:
    if side == "between":
        return leading_names(match.group("names"))
    before, after = _sentence_around(text, match.start(), match.end())
    names = trailing_names(before) if side == "before" else leading_names(after)
    return [name for name in names if is_name(name)]
