"""Turning source files into text for the minutes parser.

`read_document(path)` recognises a file by its first bytes, not its name: PDF, Word (.docx),
OpenDocument (.odt) or plain text in the encodings secretariats produce. Every file it cannot read
is refused with a ParseError naming the file and what is wrong.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from kansli.imports.extract.opendocument import MIMETYPE, odt_text
from kansli.imports.extract.pdf import pdf_text
from kansli.imports.extract.text import MAX_BYTES, DecodedText, decode_text, read_bytes, read_text
from kansli.imports.extract.word import docx_text
from kansli.imports.parse.model import ParseError

__all__ = ["MAX_BYTES", "MAX_DOCUMENT_BYTES", "DecodedText", "read_document", "read_text"]

# Word and PDF files carry images and fonts beside their text, so they may be larger.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
_ZIP = b"PK\x03\x04"
_PDF = b"%PDF-"
_OLD_WORD = b"\xd0\xcf\x11\xe0"


def read_document(path: str | os.PathLike[str]) -> DecodedText:
    """The text of a minutes file of any supported format."""
    source = str(path)
    raw = read_bytes(Path(path), source, MAX_DOCUMENT_BYTES)
    return decode_document(raw, source)


def decode_document(raw: bytes, source: str) -> DecodedText:
    """The text of a file's bytes, by the format they show."""
    head = raw[:1024]
    if _PDF in head:
        return _extracted(pdf_text(raw, source), "pdf", source)
    if head.startswith(_ZIP):
        return _extracted(*_from_zip(raw, source), source=source)
    if head.startswith(_OLD_WORD):
        raise ParseError(
            "a Word 97-2003 (.doc) file: save it as .docx or PDF and import that", source=source
        )
    if len(raw) > MAX_BYTES:
        raise ParseError(
            f"the file is {len(raw)} bytes, over the limit of {MAX_BYTES}", source=source
        )
    return decode_text(raw, source)


def _from_zip(raw: bytes, source: str) -> tuple[str, str]:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype").strip() if "mimetype" in names else b""
    except zipfile.BadZipFile as error:
        raise ParseError(f"a damaged zip archive ({error})", source=source) from None
    if "word/document.xml" in names:
        return docx_text(raw, source), "docx"
    if mimetype == MIMETYPE:
        return odt_text(raw, source), "odt"
    raise ParseError("a zip archive that is neither a Word nor an OpenDocument text", source=source)


def _extracted(text: str, form: str, source: str) -> DecodedText:
    if not text.strip():
        raise ParseError("the document has no text", source=source)
    return DecodedText(text=text, encoding="utf-8", source=source, format=form)
