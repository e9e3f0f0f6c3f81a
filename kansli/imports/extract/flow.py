"""Plain text from the paragraphs and tables of a word-processor document.

The minutes parser reads the layout of plain text: a blank line ends a paragraph, a label stands in
a left column with its values beside it, and a table's cells line up under its header. Word and
OpenDocument files keep paragraphs and table cells as structure instead, so they are written out
here the way a person would type them: paragraphs of prose apart, runs of short lines (a list of
participants, a label and its value) together, and table cells padded into aligned columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Lines up to this length read as list entries or labels rather than prose.
SHORT_LINE = 70
COLUMN_GAP = 3
_SENTENCE_END = (".", "!", "?")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph's text (tabs and line breaks kept) and whether it is a heading."""

    text: str
    heading: bool = False


# A table is its rows, each a list of cell texts; a cell may hold several lines.
Table = Sequence[Sequence[str]]
Block = Paragraph | Table


def render(blocks: Iterable[Block]) -> str:
    """The document as plain text in the layout the parser reads."""
    lines: list[str] = []
    previous: Paragraph | None = None
    for block in blocks:
        if isinstance(block, Paragraph):
            if _apart(previous, block):
                lines.append("")
            lines.extend(block.text.rstrip().split("\n"))
            previous = block
        else:
            lines.extend(["", *table_lines(block), ""])
            previous = None
    return _tidy(lines)


def _short(text: str) -> bool:
    return bool(text) and "\n" not in text and len(text) <= SHORT_LINE


def _apart(previous: Paragraph | None, current: Paragraph) -> bool:
    """Whether a blank line goes between two paragraphs: between prose, not inside a list."""
    if previous is None or current.heading or previous.heading:
        return True
    before, text = previous.text.strip(), current.text.strip()
    return not (_short(before) and _short(text) and not before.endswith(_SENTENCE_END))


def table_lines(rows: Table) -> list[str]:
    """Rows with their cells padded into columns; a cell of several lines takes several lines."""
    split = [
        [cell.strip().split("\n") for cell in row] for row in rows if any(c.strip() for c in row)
    ]
    if not split:
        return []
    count = max(len(row) for row in split)
    widths = [
        max((len(line.strip()) for row in split if column < len(row) for line in row[column]),
            default=0)
        for column in range(count)
    ]
    out: list[str] = []
    for row in split:
        for index in range(max(len(cell) for cell in row)):
            cells = [cell[index].strip() if index < len(cell) else "" for cell in row]
            out.append(_padded(cells, widths))
    return out


def _padded(cells: list[str], widths: list[int]) -> str:
    parts = [cell.ljust(width + COLUMN_GAP) for cell, width in zip(cells, widths, strict=False)]
    return "".join(parts).rstrip()


def _tidy(lines: list[str]) -> str:
    """No runs of blank lines, none at either end."""
    kept: list[str] = []
    for line in lines:
        line = line.rstrip()
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept) + "\n"
