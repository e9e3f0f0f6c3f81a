"""Turning source files into text for the minutes parser."""

from kansli.imports.extract.text import MAX_BYTES, DecodedText, read_text

__all__ = ["MAX_BYTES", "DecodedText", "read_text"]
