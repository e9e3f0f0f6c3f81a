"""Minutes out: one document model (`document.py`) rendered as HTML, PDF, DOCX and plain text."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from kansli.minutes.render.document import MinutesDocument
from kansli.minutes.render.docx import render_docx
from kansli.minutes.render.html import render_html
from kansli.minutes.render.pdf import render_pdf
from kansli.minutes.render.text import render_text


class Format(NamedTuple):
    """How to make one kind of file; unpacks as (renderer, content type, extension)."""

    renderer: Callable[[MinutesDocument], bytes]
    content_type: str
    extension: str


def _html_bytes(doc: MinutesDocument) -> bytes:
    return render_html(doc).encode()


def _text_bytes(doc: MinutesDocument) -> bytes:
    return render_text(doc).encode()


FORMATS: dict[str, Format] = {
    "pdf": Format(render_pdf, "application/pdf", "pdf"),
    "docx": Format(
        render_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
    ),
    "html": Format(_html_bytes, "text/html; charset=utf-8", "html"),
    "txt": Format(_text_bytes, "text/plain; charset=utf-8", "txt"),
}


def render(doc: MinutesDocument, fmt: str) -> bytes:
    """The minutes in format `fmt` (a key of FORMATS), in the active language."""
    return FORMATS[fmt].renderer(doc)
