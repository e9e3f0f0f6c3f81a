"""Text of Word (.docx) minutes, tables and automatic numbering included (python-docx).

Word keeps the numbers of a numbered list ("1.", "4a)", "5.1") in its numbering definitions, not in
the text, and items are usually numbered that way; the numbers are worked out here and written in
front of each paragraph, as the reader sees them. Headers and footers are left out: they are page
furniture, not minutes.
"""

from __future__ import annotations

import gc
import io
import zipfile
from collections import defaultdict
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from kansli.imports.extract.flow import SHORT_LINE, Block, Paragraph, render
from kansli.imports.parse.model import ParseError

_BULLET = "-"


def docx_text(raw: bytes, source: str) -> str:
    """The document's text in reading order; ParseError for a file Word could not open either."""
    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ParseError(f"not a readable Word document ({error})", source=source) from None
    try:
        numbers = _Numbering(document)
        return render(_blocks(document, numbers))
    finally:
        # python-docx's XML trees hold reference cycles; a batch would otherwise grow steadily.
        # They are young: collecting the two young generations frees them, without the cost of
        # walking every object of the process that a full collection takes.
        del document
        gc.collect(1)


def _blocks(document: Any, numbers: _Numbering) -> list[Block]:
    blocks: list[Block] = []
    for part in document.iter_inner_content():
        if isinstance(part, DocxTable):
            blocks.append(_table(part))
        elif isinstance(part, DocxParagraph):
            blocks.append(_paragraph(part, numbers))
    return blocks


def _paragraph(paragraph: DocxParagraph, numbers: _Numbering) -> Paragraph:
    style = paragraph.style.name if paragraph.style is not None else ""
    label = numbers.label(paragraph)
    text = f"{label} {paragraph.text}" if label else paragraph.text
    styled = (style or "").lower().startswith(("heading", "rubrik", "title"))
    # A short numbered line is an agenda item's heading; numbered clauses are sentences.
    titled = bool(label) and label != _BULLET and len(text) <= SHORT_LINE and not text.rstrip(
    ).endswith((".", ",", ";", ":"))
    return Paragraph(text, heading=styled or titled)


def _table(table: DocxTable) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append("\n".join(p.text for p in cell.paragraphs))
        rows.append(cells)
    return rows


class _Numbering:
    """The labels Word shows before numbered paragraphs: "1.", "4a)", "5.1", or a bullet."""

    def __init__(self, document: Any) -> None:
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, dict[int, int]] = defaultdict(dict)
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.iter(qn("w:abstractNum"))}
        for num in root.iter(qn("w:num")):
            link = num.find(qn("w:abstractNumId"))
            definition = abstract.get(link.get(qn("w:val")) if link is not None else None)
            if definition is not None:
                self._levels(num.get(qn("w:numId")), definition)

    def _levels(self, num_id: str, definition: Any) -> None:
        for level in definition.iter(qn("w:lvl")):
            kind = _value(level, "w:numFmt") or "decimal"
            text = _value(level, "w:lvlText") or ""
            start = int(_value(level, "w:start") or 1)
            self.formats[(num_id, int(level.get(qn("w:ilvl")) or 0))] = (kind, text, start)

    def label(self, paragraph: DocxParagraph) -> str:
        numbered = _numbering_of(paragraph)
        if numbered is None:
            return ""
        num_id = str(numbered.numId.val)
        level = int(numbered.ilvl.val) if numbered.ilvl is not None else 0
        kind, text, start = self.formats.get((num_id, level), ("decimal", f"%{level + 1}.", 1))
        if kind == "bullet":
            return _BULLET
        counters = self.counters[num_id]
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]
        return self._expand(num_id, text, counters)

    def _expand(self, num_id: str, text: str, counters: dict[int, int]) -> str:
        for level in range(8, -1, -1):
            placeholder = f"%{level + 1}"
            if placeholder in text:
                kind = self.formats.get((num_id, level), ("decimal", "", 1))[0]
                text = text.replace(placeholder, _format(counters.get(level, 1), kind))
        return text


def _numbering_of(paragraph: DocxParagraph) -> Any:
    """The paragraph's own numbering, or its style's ("List Number"), following "based on"."""
    properties: Any = paragraph._p.pPr
    numbered: Any = properties.numPr if properties is not None else None
    style = paragraph.style
    while (numbered is None or numbered.numId is None) and style is not None:
        style_properties: Any = style.element.pPr
        numbered = style_properties.numPr if style_properties is not None else None
        style = style.base_style
    return numbered if numbered is not None and numbered.numId is not None else None


def _value(element: Any, tag: str) -> str | None:
    found = element.find(qn(tag))
    return None if found is None else found.get(qn("w:val"))


def _format(number: int, kind: str) -> str:
    if kind == "lowerLetter":
        return chr(ord("a") + (number - 1) % 26)
    if kind == "upperLetter":
        return chr(ord("A") + (number - 1) % 26)
    if kind in ("lowerRoman", "upperRoman"):
        roman = _roman(number)
        return roman.lower() if kind == "lowerRoman" else roman
    return str(number)


def _roman(number: int) -> str:
    values = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in values:
        while number >= value:
            out, number = out + letters, number - value
    return out
