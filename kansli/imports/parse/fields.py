"""Labelled fields of the front matter: "Plats och tid  Kommunhuset …", "Närvarande:" and its list.

A field is a label and the lines that follow it up to a blank line or the next label. Labels are
written "Label: value", "Label<TAB>value", "Label   value" in a left column, or alone on a line
above their values; a label may continue on the next line in lowercase ("Justeringens / plats och
tid"). A table header inside a field turns its rows into a table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from kansli.imports.parse import labels
from kansli.imports.parse.layout import Line
from kansli.imports.parse.people import is_party
from kansli.imports.parse.tables import NAME, Table, read_table

_COLON_LABEL = re.compile(r"^(?P<label>[^\W\d_][^:]{0,80}?)\s*:(?:\s+|$)(?P<rest>.*)$")
_BULLET = re.compile(r"^[-–•*·]\s+")
# A label after a full stop inside a line: "… och Sanna Ljung. Ej närvarande: Maria Sjöholm".
_NEXT_LABEL = re.compile(r"(?<=[.);])\s+(?=(?P<label>[A-ZÅÄÖÆØ][^\W\d_]*(?:\s+[^\W\d_]+){0,3}):)")
# A list introduced by a sentence rather than a label: "Apologies were received from A and B."
_PROSE_LABEL = re.compile(
    r"^(?P<label>apologies(?:\s+for\s+absence)?\s+(?:were\s+|had\s+been\s+)?"
    r"(?:received|noted|accepted)(?:\s+and\s+(?:accepted|noted))?\s+from)\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_GENRE_TITLES = frozenset({"anteckningar", "minutes", "referat", "notes"})
# A name and what describes it: "Mette Juhl (A), næstformand", "Olof Dahl, Nybro".
_PERSON_LINE = re.compile(
    r"^(?:[-–•*·]\s+)?[A-ZÅÄÖÆØÜÉ][\w'’.-]+(?:\s+[A-ZÅÄÖÆØÜÉ][\w'’.-]+){1,3}"
    r"(?:\s*\([^)]{1,40}\))?(?:\s*[,–-]\s*[\w ./()-]{1,40})*$"
)
_TABLE_KINDS = {
    "ledamöter": labels.MEMBERS,
    "ledamot": labels.MEMBERS,
    "ersättare": labels.SUBSTITUTES,
}


@dataclass
class ValueLine:
    """A line of a field's value, split into cells where the layout has columns."""

    number: int
    cells: list[str]

    @property
    def text(self) -> str:
        return "  ".join(self.cells)


@dataclass
class Field:
    """A label with its kind (see `labels`) and the value lines under it."""

    label: str
    kind: str | None
    line: int
    values: list[ValueLine] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    @cached_property
    def text(self) -> str:
        """The value as one string (read once the field is complete)."""
        return " ".join(value.text for value in self.values)


def _label_of(line: Line, base: int) -> tuple[str, str | None, list[str]] | None:
    """(label, kind, value cells) when the line starts with a label, else None."""
    text = line.stripped
    if line.indent > base + 1 or _BULLET.match(text):
        return None
    if prose := _PROSE_LABEL.match(text):
        return prose.group("label"), labels.ABSENT, [prose.group("rest")]
    cells = [cell.text for cell in line.cells()]
    colon = _COLON_LABEL.match(text)
    if colon and (kind := labels.label_kind(colon.group("label"))):
        rest = colon.group("rest").strip()
        return colon.group("label"), kind, [c.text for c in Line(0, rest).cells()] if rest else []
    kind = labels.label_kind(cells[0])
    if len(cells) == 1 and cells[0].lower().strip(" :") in _GENRE_TITLES and not colon:
        return None  # "Anteckningar" alone on its line is the title, not "Anteckningar: X"
    if kind is not None or labels.opens_label(cells[0]):
        return cells[0].rstrip(":"), kind, cells[1:]
    if colon and len(colon.group("label").split()) <= 4 and colon.group("label")[0].isupper():
        rest = colon.group("rest").strip()
        return colon.group("label"), None, [c.text for c in Line(0, rest).cells()] if rest else []
    return None


def _continues_label(line: Line, current: Field | None, previous: Line | None, base: int) -> bool:
    if current is None or not current.label or previous is None or previous.number != current.line:
        return False
    first = line.cells()[0].text if line.cells() else ""
    return (
        line.indent <= base + 1
        and len(first.split()) <= 4
        and (first[:1].islower() or first.startswith("("))
    )


def _table_kind(table: Table, current: Field | None) -> str | None:
    first = table.headers[0].lower()
    if first in _TABLE_KINDS:
        return _TABLE_KINDS[first]
    if current is not None and not current.values and current.kind in labels.PEOPLE_KINDS:
        return current.kind
    return labels.label_kind(table.headers[0]) or (
        labels.PRESENT if table.columns[0] == NAME else None
    )


def parse_fields(lines: Sequence[Line]) -> list[Field]:
    """The labelled fields of a zone of the document, in order."""
    content = [line for line in lines if not line.is_blank()]
    base = min((line.indent for line in content), default=0)
    fields: list[Field] = []
    current: Field | None = None
    previous: Line | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.is_blank() or line.is_rule():
            # Only a list label may have its list after a blank line ("Närvarande:", "", names).
            if current is not None and (
                (current.values and not _list_goes_on(current, lines, index, base))
                or current.tables
                or line.is_rule()
                or current.kind not in labels.PEOPLE_KINDS
            ):
                current = None
            index += 1
            continue
        if (found := read_table(lines, index)) is not None:
            table, index = found
            current = _attach_table(fields, current, table)
            previous = None
            continue
        current = _take_line(fields, current, previous, line, base)
        previous = line
        index += 1
    return fields


def _list_goes_on(current: Field, lines: Sequence[Line], index: int, base: int) -> bool:
    """A list of people one to a paragraph (as a word processor spaces them) goes on after a
    blank line while the next line is another person and no label."""
    if current.kind not in labels.PEOPLE_KINDS or any(len(v.cells) > 1 for v in current.values):
        return False
    after = next((line for line in lines[index:] if not line.is_blank()), None)
    if after is None or after.is_rule() or _label_of(after, base) is not None:
        return False
    text = after.stripped
    return len(text) <= 80 and bool(_PERSON_LINE.match(text)) and text.count(",") <= 3


def _attach_table(fields: list[Field], current: Field | None, table: Table) -> Field | None:
    kind = _table_kind(table, current)
    if current is not None and not current.values and current.kind == kind:
        current.tables.append(table)
    else:
        fields.append(Field(label=table.headers[0], kind=kind, line=table.line, tables=[table]))
    return None


def _run_on_label(cells: list[str]) -> tuple[str, str] | None:
    """A list that runs on into the next labelled list after a full stop: (this list, the
    rest from its label on)."""
    text = "  ".join(cells)
    if ":" not in text:
        return None
    for match in _NEXT_LABEL.finditer(text):
        if labels.label_kind(match.group("label")) in labels.PEOPLE_KINDS:
            return text[: match.start()].strip(), text[match.start() :].strip()
    return None


def _party_group(found: tuple[str, str | None, list[str]], current: Field | None) -> bool:
    """ "Ap:  Anne Tofte, Bjørn Rusten" inside a list of people is a party's group of members,
    not a new label."""
    label, kind, rest = found
    return (
        kind is None
        and bool(rest)
        and current is not None
        and current.kind in labels.PEOPLE_KINDS
        and is_party(label)
    )


def _take_line(
    fields: list[Field], current: Field | None, previous: Line | None, line: Line, base: int
) -> Field | None:
    if _continues_label(line, current, previous, base) and current is not None:
        first, *rest = [cell.text for cell in line.cells()]
        merged = f"{current.label} {first.rstrip(':')}"
        current.label, current.kind = merged, labels.label_kind(merged) or current.kind
        current.line = line.number
        if rest:
            current.values.append(ValueLine(line.number, rest))
        return current
    found = _label_of(line, base)
    if found is not None and current is not None and _party_group(found, current):
        label, _, rest = found
        current.values.append(ValueLine(line.number, [f"{label}: {'  '.join(rest)}"]))
        return current
    if found is not None:
        label, kind, rest = found
        current = Field(label=label, kind=kind, line=line.number)
        fields.append(current)
        if rest and kind in labels.PEOPLE_KINDS and (run_on := _run_on_label(rest)):
            # "Deltagare: A, B och C. Ej närvarande: D och E." on one line: two fields.
            before, after = run_on
            current.values.append(ValueLine(line.number, [before]))
            return _take_line(fields, None, None, Line(line.number, after), base)
        if rest:
            current.values.append(ValueLine(line.number, rest))
        return current
    if current is None:
        current = Field(label="", kind=None, line=line.number)
        fields.append(current)
    cells = [cell.text for cell in line.cells()]
    if current.kind in labels.PEOPLE_KINDS and (run_on := _run_on_label(cells)):
        before, after = run_on
        current.values.append(ValueLine(line.number, [before]))
        return _take_line(fields, None, None, Line(line.number, after), base)
    current.values.append(ValueLine(line.number, cells))
    return current
