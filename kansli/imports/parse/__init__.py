"""The minutes-text parser: plain text in the layouts secretariats use, out as `ParsedMinutes`.

`parse_text(text)` and `parse_file(path)` return dataclasses without any database; every document
the parser cannot read raises `ParseError`, which names the file and line where it can.
"""

from kansli.imports.parse.document import parse_file, parse_text
from kansli.imports.parse.model import (
    ParsedAction,
    ParsedItem,
    ParsedMinutes,
    ParsedPerson,
    ParseError,
)

__all__ = [
    "ParseError",
    "ParsedAction",
    "ParsedItem",
    "ParsedMinutes",
    "ParsedPerson",
    "parse_file",
    "parse_text",
]
