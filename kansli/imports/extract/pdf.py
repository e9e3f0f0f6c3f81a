"""Text of PDF minutes with a text layer (pypdf), and a clear refusal of scanned ones.

pypdf's layout mode keeps what the parser needs from the page: blank lines between paragraphs and
columns as runs of spaces. Pages are separated by form feeds, so the parser can tell running
headers and footers ("Sida 2 av 5", "Justerandes sign") from the minutes. A scan has images but no
text; it is refused with the advice to run it through OCR first rather than imported empty.
"""

from __future__ import annotations

import io
import logging

from pypdf import PageObject, PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from kansli.imports.parse.model import ParseError

PAGE_BREAK = "\f"
# A page with fewer letters than this carries no real text layer (a scan, perhaps with a stamp).
_LETTERS_PER_PAGE = 20
SCANNED = (
    "the PDF has no text layer (a scanned document?): run it through OCR first, for example "
    "with ocrmypdf, and import the result"
)


def pdf_text(raw: bytes, source: str) -> str:
    """The text of every page, pages separated by form feeds; ParseError when there is none."""
    # pypdf logs every damaged object it works around; a batch reports failures its own way.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ParseError("the PDF is encrypted with a password", source=source)
        pages = [_page_text(page) for page in reader.pages]
    except ParseError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ParseError(f"not a readable PDF ({error})", source=source) from None
    letters = sum(1 for text in pages for char in text if char.isalpha())
    if letters < _LETTERS_PER_PAGE * max(1, len(pages)):
        raise ParseError(SCANNED, source=source)
    return PAGE_BREAK.join(pages)


def _page_text(page: PageObject) -> str:
    text = page.extract_text(extraction_mode="layout")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"
