"""Tables laid out with spaces or tabs: attendance lists, action lists, roll-call votes.

A table starts with a header row whose cells are all column words ("Ledamöter Parti Närvarande
Ersatt av", "Navn Funksjon Representerer", "Nr Åtgärd Ansvarig Klart"). Its rows run to the next
blank line; each cell goes to the header column it starts under.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from kansli.imports.parse.layout import Cell, Line

NAME = "name"
PARTY = "party"
ORGANISATION = "organisation"
ROLE = "role"
PRESENCE = "presence"
ABSENCE = "absence"
REPLACED_BY = "replaced_by"
REPLACES = "replaces"
ACTION = "action"
OWNER = "owner"
DUE = "due"
NUMBER = "number"
STATUS = "status"
VOTE = "vote"
# A note written right of the last column, under no header ("ordförande", "deltar digitalt").
EXTRA = "extra"
# Short attendance columns after which a further cell is such a note, not more of the value.
_NOTED = frozenset({"party", "organisation", "presence", "absence"})

_COLUMNS: dict[str, str] = {
    NAME: r"namn|navn|name|ledamot|ledamöter|ersättare|kallade|deltagare|member|members|trustee|"
    r"trustees|medlem|deltakere|deltagere|person|ordinarie ledamöter|tjänsteperson|"
    r"tjänstepersoner|councillor|deltager",
    PARTY: r"parti|party|partibeteckning|gruppe|parti/grupp",
    ORGANISATION: r"organisation|organization|kommun|representerar|representing|representerer|"
    r"myndighet|förvaltning|org|organisasjon|repræsenterer|kommune|company",
    ROLE: r"funktion|funksjon|roll|role|befattning|titel|title|stilling|uppdrag|position|rolle|"
    r"funktion/roll",
    PRESENCE: r"närvarande|närv\.?|närvaro|present|attended|deltog|møtt|møtte|tilstede|x|"
    r"deltar|til stede|attendance",
    # A second mark column for those away: "Närvarande | Frånvarande", "Present | Apologies".
    ABSENCE: r"frånvarande|frånv\.?|ej närvarande|absent|apologies|forfall|fravær|fraværende|"
    r"afbud|anmält förhinder|förhinder",
    REPLACED_BY: r"ersatt av|ersättare|replaced by|vara|varamedlem",
    REPLACES: r"møtte for|mødte for|tjänstgör för|i stället för|ersätter|for|substituting for|"
    r"tjänstgörande för",
    ACTION: r"åtgärd|åtgärder|action|actions|uppgift|tiltak|handling|aktivitet|task|beskrivning|"
    r"vad|what|uppdrag",
    OWNER: r"ansvarig|ansvar|owner|responsible|who|ansvarlig|vem|ansvarlig person|lead|by whom",
    DUE: r"klart|klart senast|deadline|due|när|by when|frist|senast|datum|date|due date|"
    r"tidpunkt|klar|when|target date|tidsplan",
    NUMBER: r"nr\.?|#|no\.?|ref|saksnr|punkt",
    STATUS: r"status|kommentar|comment|comments|notes|anmärkning",
    VOTE: r"ja|nej|avstår|yes|aye|no|abstain|mot|avstod|for|against|avstår från att rösta",
}
_COMPILED = [
    (kind, re.compile(rf"(?:{pattern})", re.IGNORECASE)) for kind, pattern in _COLUMNS.items()
]
_PRESENT_MARK = re.compile(r"^(?:x|ja|yes|✓|✔|\*|närv\w*|present|p|møtt|mødt|til stede|deltog)\b")
_ABSENT_MARK = re.compile(
    r"^(?:nej|no|nei|absent|frånvarande|ej\s|inte\s|förhinder|forfall|fraværende|afbud|apologies)"
)


@dataclass
class Table:
    """A header with typed columns and the rows under it."""

    columns: list[str]
    headers: list[str]
    line: int
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)

    def has(self, column: str) -> bool:
        return column in self.columns


_KINDS = dict(_COMPILED)
# The first column names the rows ("Ledamöter", "Ersättare"), later ones describe them.
_FIRST_ORDER = (NAME, NUMBER, ACTION)
_LATER_ORDER = (
    PARTY,
    ORGANISATION,
    ROLE,
    PRESENCE,
    ABSENCE,
    REPLACED_BY,
    REPLACES,
    ACTION,
    OWNER,
    DUE,
    STATUS,
    VOTE,
    NAME,
)


@lru_cache(maxsize=4096)
def column_kind(text: str, first: bool) -> str | None:
    key = text.strip().strip(":").strip()
    return next(
        (kind for kind in (_FIRST_ORDER if first else _LATER_ORDER) if _KINDS[kind].fullmatch(key)),
        None,
    )


def header_columns(line: Line) -> list[str] | None:
    """The column kinds of `line` if it is a table header row, else None."""
    if "  " not in line.text and "\t" not in line.text and "|" not in line.text:
        return None  # a header has at least two cells, so a gap between them
    cells = line.cells()
    if (
        len(cells) < 2
        or column_kind(cells[0].text, True) is None
        or any(ch.isdigit() for ch in line.text)
    ):
        return None
    kinds = [column_kind(cell.text, index == 0) for index, cell in enumerate(cells)]
    if any(kind is None for kind in kinds):
        return None
    columns = [kind for kind in kinds if kind is not None]
    if NUMBER in columns and ACTION not in columns:
        return None
    return columns


def read_table(lines: Sequence[Line], index: int) -> tuple[Table, int] | None:
    """The table whose header is lines[index], and the index after its last row."""
    columns = header_columns(lines[index])
    if columns is None:
        return None
    header = lines[index]
    table = Table(columns=columns, headers=[c.text for c in header.cells()], line=header.number)
    starts = [cell.start for cell in header.cells()]
    position = index + 1
    # A rule right under the header underlines it ("|------|------|"); later rules end the table.
    if position < len(lines) and lines[position].is_rule():
        position += 1
    # Tab- and pipe-separated rows keep their columns by count, not by character position.
    by_index = "\t" in header.text or "|" in header.text
    while position < len(lines) and not (lines[position].is_blank() or lines[position].is_rule()):
        row = _row(lines[position], columns, starts, by_index)
        if row:
            table.rows.append((lines[position].number, row))
        position += 1
    return table, position


def _row(line: Line, columns: list[str], starts: list[int], by_index: bool) -> dict[str, str]:
    row: dict[str, str] = {}
    cells = line.cells()
    # A row with a value in every column needs no positions, which PDF extraction and
    # proportional fonts shift.
    by_index = by_index or len(cells) == len(columns)
    previous = -1
    for number, cell in enumerate(cells):
        column = min(number, len(columns) - 1) if by_index else _column_at(cell, starts, previous)
        kind = columns[column]
        if not by_index and column == previous == len(columns) - 1 and kind in _NOTED:
            kind = EXTRA if kind in row else kind
        previous = column
        row[kind] = f"{row[kind]} {cell.text}" if kind in row else cell.text
    return row


def _column_at(cell: Cell, starts: list[int], previous: int) -> int:
    """The column whose header starts nearest the cell, right of the previous cell's column.

    A value may sit a little left of its header ("Närv." over a centred "X")."""
    later = [i for i in range(len(starts)) if i > previous] or [len(starts) - 1]
    if cell.start + 3 < starts[later[0]] and previous >= 0:
        return previous  # a second cell still inside the previous column
    return min(later, key=lambda i: (abs(starts[i] - cell.start), i))


def marks_present(value: str | None) -> bool | None:
    """Whether a presence cell says present (x, ja, närvarande), absent (-, nej, frånvarande,
    empty) or nothing usable."""
    text = (value or "").strip().lower()
    if not text or text in {"-", "–", "—", "0"} or _ABSENT_MARK.match(text):
        return False
    return True if _PRESENT_MARK.match(text) else None
