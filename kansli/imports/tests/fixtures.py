"""The importer's own test documents, and Word and PDF versions of them made on the fly.

`documents/` holds invented minutes in the layouts Kansli reads, each with a gold annotation in
the minutes corpus's schema. The same documents are written as Word files (python-docx) and PDFs
(WeasyPrint) the way an office would produce them: prose paragraphs as paragraphs, front matter and
attendance lists as tables, and on the PDF's pages a running header, "Sida N av M" and an initials
box, so the tests see the artefacts real files carry.
"""

from __future__ import annotations

import html
import importlib.util
import io
import re
from pathlib import Path
from types import ModuleType

import docx
import pytest

DOCUMENTS = Path(__file__).resolve().parent / "documents"
CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
_GAP = re.compile(r"\t+|\s{2,}")

Block = tuple[str, list[list[str]]]  # ("p", [[text]]) or ("table", rows of cells)


def load_scorer() -> ModuleType:
    """The minutes corpus's scorer, imported from beside the repository."""
    path = CORPUS / "score.py"
    if not path.is_file():
        pytest.fail(f"the minutes corpus must sit beside the repository: {path} is missing")
    spec = importlib.util.spec_from_file_location("corpus_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_documents() -> list[Path]:
    return sorted(DOCUMENTS.glob("*.txt"))


def blocks(text: str) -> list[Block]:
    """The text as an office document holds it: paragraphs, and tables where columns line up."""
    out: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text.replace("\f", "\n\n")):
        lines = [line.rstrip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if any(_GAP.search(line.strip()) for line in lines):
            out.append(("table", _rows(lines)))
        elif all(len(line) < 60 for line in lines) and len(lines) > 1:
            out.extend(("p", [[line.strip()]]) for line in lines)
        else:
            out.extend(("p", [[paragraph]]) for paragraph in _paragraphs(lines))
    return out


def _paragraphs(lines: list[str]) -> list[str]:
    """Wrapped lines joined into paragraphs; a heading, a label ("Beslut:") or a list entry
    starts a paragraph of its own, as it would in a word processor."""
    out: list[str] = []
    for index, line in enumerate(lines):
        text = line.strip()
        if not out or _STARTS_PARAGRAPH.match(text) or (index == 1 and _is_heading(lines[0])):
            out.append(text)
        elif out[-1].endswith("-") and text[:1].islower():
            out[-1] = out[-1][:-1] + text  # a word a typewriter broke; Word would not
        else:
            out[-1] += " " + text
    return out


def _is_heading(line: str) -> bool:
    text = line.strip()
    return len(text) < 60 and not text.endswith((".", ",", "-"))


_STARTS_PARAGRAPH = re.compile(
    r"^(?:[A-ZÅÄÖa-zåäö][\wåäö -]{0,30}:\s|\(?\d{1,2}[.)]\s|[-–•]\s|RESOLVED|DECISION|Action)"
)


def _rows(lines: list[str]) -> list[list[str]]:
    rows: list[list[str]] = []
    for line in lines:
        cells = _GAP.split(line.strip())
        if rows and line[:1].isspace():
            # A continuation line belongs to the cells of the row above.
            rows[-1][-1] += "\n" + " ".join(cells)
        else:
            rows.append(cells)
    return rows


def docx_bytes(text: str) -> bytes:
    document = docx.Document()
    for kind, content in blocks(text):
        if kind == "p":
            document.add_paragraph(content[0][0])
            continue
        width = max(len(row) for row in content)
        table = document.add_table(rows=len(content), cols=width)
        for row, cells in zip(table.rows, content, strict=True):
            for cell, value in zip(row.cells, cells, strict=False):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_PAGE_STYLE = """
@page { size: A4; margin: 2.5cm 2cm;
  @top-left { content: "%(header)s"; font-size: 9pt; width: 12cm; }
  @top-right { content: "Sida " counter(page) " av " counter(pages); font-size: 9pt; }
  @bottom-right { content: "Justerandes sign  ______  ______"; font-size: 9pt; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; }
td { vertical-align: top; padding: 1pt 10pt 1pt 0; }
p { margin: 0 0 8pt 0; }
"""


def pdf_bytes(text: str) -> bytes:
    from weasyprint import HTML

    header = html.escape(text.strip().split("\n", 1)[0].strip())
    parts = [f"<style>{_PAGE_STYLE % {'header': header}}</style>"]
    for kind, content in blocks(text):
        if kind == "p":
            parts.append(f"<p>{html.escape(content[0][0])}</p>")
        else:
            rows = "".join(
                "<tr>" + "".join(
                    f"<td>{html.escape(cell).replace(chr(10), '<br>')}</td>" for cell in row
                ) + "</tr>"
                for row in content
            )
            parts.append(f"<table>{rows}</table>")
    return HTML(string="<html><body>" + "".join(parts) + "</body></html>").write_pdf()
