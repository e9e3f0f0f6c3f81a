"""The visual layout of a plain-text document: lines, columns, paragraphs and separators.

Minutes exported from Word or PDF keep their tables as runs of spaces or tabs. A "cell" is the text
between two such gaps; its start offset lets rows be matched to a table header by column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# Rules such as "-----", "_____", "=====" or a dotted signature line carry no text.
_RULE_CHARS = " \t-_=–—.…|*~·"
_GAP = re.compile(r"\t+|[ \u00a0]{2,}|[ \u00a0]*\|[ \u00a0]*")
_LEADER_CHARS = ".…_-–|"
_TRAILING_LEADERS = re.compile(r"\s*[.…_]{3,}\s*$")
# "Lund-" at a line end and "qvist" on the next make "Lundqvist"; "Barn-" before "och
# utbildningsnämnden" keeps its hyphen.
_BROKEN_WORD = re.compile(
    r"(?<=[a-zåäöæø])-\n(?!(?:och|eller|samt|and|or|og|till)\b)(?=[a-zåäöæø])"
)


@dataclass(frozen=True)
class Cell:
    """Text between column gaps, with its character offset in the line."""

    text: str
    start: int


class Line:
    """One source line; `number` is 1-based, as editors and error messages count.

    What every step asks of a line (stripped text, indent, blank, rule) is worked out once here.
    """

    __slots__ = ("number", "text", "stripped", "indent", "_blank", "_rule", "_cells")

    def __init__(self, number: int, text: str) -> None:
        self.number = number
        self.text = text
        self.stripped = text.strip()
        self.indent = len(text) - len(text.lstrip())
        self._blank = not self.stripped
        self._rule = not self._blank and not self.stripped.strip(_RULE_CHARS)
        self._cells: tuple[Cell, ...] | None = None

    def __repr__(self) -> str:
        return f"Line({self.number}, {self.text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Line) and (self.number, self.text) == (other.number, other.text)

    def __hash__(self) -> int:
        return hash((self.number, self.text))

    def is_blank(self) -> bool:
        return self._blank

    def is_rule(self) -> bool:
        return self._rule

    def cells(self) -> tuple[Cell, ...]:
        if self._cells is None:
            self._cells = tuple(split_cells(self.text))
        return self._cells


def prepare(text: str) -> list[Line]:
    """Numbered lines of a document, Unicode composed, invisible and no-break spaces made plain."""
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "").replace("\u200b", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [
        Line(i + 1, raw.rstrip().replace("\u00a0", " ")) for i, raw in enumerate(text.split("\n"))
    ]


def split_cells(text: str) -> list[Cell]:
    """Cells separated by tabs or two or more spaces; dotted signature lines are dropped."""
    cells: list[Cell] = []
    position = 0
    gaps = _GAP.finditer(text) if "\t" in text or "  " in text or "|" in text else iter(())
    for gap in [*gaps, None]:
        end = gap.start() if gap else len(text)
        _add_cell(cells, text[position:end], position)
        if gap:
            position = gap.end()
    return cells


def _add_cell(cells: list[Cell], piece: str, position: int) -> None:
    if "..." in piece or "__" in piece or "…" in piece:
        piece = _TRAILING_LEADERS.sub("", piece)
    stripped = piece.strip()
    if stripped and not (len(stripped) >= 3 and not stripped.strip(_LEADER_CHARS)):
        cells.append(Cell(stripped, position + len(piece) - len(piece.lstrip())))


def collapse(text: str) -> str:
    """Whitespace runs (line breaks included) as single spaces."""
    return " ".join(text.split())


def paragraphs(lines: Iterable[Line]) -> Iterator[list[Line]]:
    """Runs of non-blank lines; rules also end a paragraph."""
    current: list[Line] = []
    for line in lines:
        if line.is_blank() or line.is_rule():
            if current:
                yield current
            current = []
        else:
            current.append(line)
    if current:
        yield current


def join_lines(lines: Iterable[Line]) -> str:
    """The text of wrapped lines as one string, repairing words hyphenated at a line break."""
    text = "\n".join(line.stripped for line in lines)
    if "-\n" in text:
        text = _BROKEN_WORD.sub("", text)
    return collapse(text)
