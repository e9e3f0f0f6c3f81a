"""Reading a plain-text minutes file into a string, refusing files that are not text.

Minutes arrive as UTF-8 (with or without a byte-order mark), as UTF-16 saved by Word's "Unicode
text", or as Windows-1252 from older Windows tools. Anything else is refused with a ParseError that
names the file, so a batch import can report it and move on.
"""

from __future__ import annotations

import codecs
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kansli.imports.parse.model import ParseError

MAX_BYTES = 10 * 1024 * 1024
# A text file has a few tabs and form feeds at most; beyond this share it is binary or mis-decoded.
MAX_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True)
class DecodedText:
    """The text of a file, with the format and encoding it was read in."""

    text: str
    encoding: str
    source: str
    format: str = "text"


def read_text(path: str | os.PathLike[str]) -> DecodedText:
    """Read and decode `path`; raise ParseError for a missing, empty, binary or oversized file."""
    source = str(path)
    return decode_text(read_bytes(Path(path), source), source)


def decode_text(raw: bytes, source: str) -> DecodedText:
    """Decode the bytes of a plain-text file; ParseError when they are not text."""
    text, encoding = _decode(raw, source)
    text = normalise_line_endings(text)
    if not text.strip():
        raise ParseError("the file is empty", source=source)
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise ParseError("the file looks binary, not text", source=source)
    return DecodedText(text=text, encoding=encoding, source=source)


def normalise_line_endings(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(path: Path, source: str, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes; ParseError for a missing, unreadable or oversized file."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ParseError("not a regular file", source=source)
        if size > limit:
            raise ParseError(f"the file is {size} bytes, over the limit of {limit}", source=source)
        return path.read_bytes()
    except FileNotFoundError:
        raise ParseError("no such file", source=source) from None
    except OSError as error:
        raise ParseError(
            f"cannot read the file: {error.strerror or error}", source=source
        ) from None


def _decode(raw: bytes, source: str) -> tuple[str, str]:
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(raw[len(codecs.BOM_UTF8) :], "utf-8", source), "utf-8-sig"
    if raw.startswith(_UTF16_BOMS):
        return _strict(raw, "utf-16", source), "utf-16"
    if b"\x00" in raw:
        raise ParseError("the file looks binary (it contains NUL bytes)", source=source)
    if not raw.strip():
        raise ParseError("the file is empty", source=source)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _strict(raw, "cp1252", source), "cp1252"


def _strict(raw: bytes, encoding: str, source: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise ParseError(
            f"cannot decode the file as {encoding} (byte {error.start})", source=source
        ) from None


def _control_share(text: str) -> float:
    controls = sum(
        1 for char in text if char not in _ALLOWED_CONTROLS and unicodedata.category(char) == "Cc"
    )
    return controls / len(text)
