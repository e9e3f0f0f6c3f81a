"""Text of OpenDocument (.odt) minutes, read with the standard library's XML parser.

An .odt file is a zip archive whose content.xml holds paragraphs, headings, lists and tables; the
text is written out in reading order with the same layout rules as Word files.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from kansli.imports.extract.flow import Block, Paragraph, render
from kansli.imports.parse.model import ParseError

_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_P, _H = f"{{{_TEXT}}}p", f"{{{_TEXT}}}h"
_LIST, _ITEM = f"{{{_TEXT}}}list", f"{{{_TEXT}}}list-item"
_SPACE, _TAB, _BREAK = f"{{{_TEXT}}}s", f"{{{_TEXT}}}tab", f"{{{_TEXT}}}line-break"
_COUNT = f"{{{_TEXT}}}c"
_ROW, _CELL = f"{{{_TABLE}}}table-row", f"{{{_TABLE}}}table-cell"
_TABLE_TAG = f"{{{_TABLE}}}table"
MIMETYPE = b"application/vnd.oasis.opendocument.text"


def odt_text(raw: bytes, source: str) -> str:
    """The document's text in reading order; ParseError for a damaged archive."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            content = archive.read("content.xml")
        root = ElementTree.fromstring(content)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as error:
        raise ParseError(f"not a readable OpenDocument text ({error})", source=source) from None
    blocks: list[Block] = []
    for body in root.iter(f"{{{_OFFICE}}}text"):
        _collect(body, blocks)
    return render(blocks)


def _collect(element: ElementTree.Element, blocks: list[Block]) -> None:
    for child in element:
        if child.tag in (_P, _H):
            blocks.append(Paragraph(_inline(child), heading=child.tag == _H))
        elif child.tag == _TABLE_TAG:
            blocks.append(_table(child))
        elif child.tag in (_LIST, _ITEM) or child.tag.startswith(f"{{{_TEXT}}}section"):
            _collect(child, blocks)


def _table(table: ElementTree.Element) -> list[list[str]]:
    return [
        [_cell_text(cell) for cell in row.iter(_CELL)] for row in table.iter(_ROW)
    ]


def _cell_text(cell: ElementTree.Element) -> str:
    return "\n".join(_inline(p) for p in cell.iter() if p.tag in (_P, _H))


def _inline(element: ElementTree.Element) -> str:
    """A paragraph's text with its spaces, tabs and line breaks, which ODF writes as elements."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _SPACE:
            parts.append(" " * int(child.get(_COUNT, "1")))
        elif child.tag == _TAB:
            parts.append("\t")
        elif child.tag == _BREAK:
            parts.append("\n")
        else:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)
