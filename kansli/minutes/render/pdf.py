"""Minutes as PDF, made by WeasyPrint from the print HTML.

Every PDF is tagged (its structure follows the HTML headings, tables and paragraphs), carries real
text in embedded fonts and takes title, author and language from the print document's `<title>`,
`<meta name="author">` and `<html lang>`. The archival variant is PDF/A-3a: PDF/A's "accessible"
level, which requires the tags that every Kansli PDF has anyway.

The first PDF a process makes is slow (WeasyPrint loads and configures its fonts, about a second);
later ones reuse that work.
"""

from __future__ import annotations

from kansli.minutes.render.document import MinutesDocument
from kansli.minutes.render.html import render_html

ARCHIVAL_VARIANT = "pdf/a-3a"


def render_pdf(doc: MinutesDocument, *, archival: bool = False) -> bytes:
    # Imported here: WeasyPrint takes most of a second to import, and every process that touches
    # the minutes (the workflow, the admin, the API) imports this package.
    from weasyprint import HTML

    options = {"pdf_variant": ARCHIVAL_VARIANT} if archival else {"pdf_tags": True}
    # No base URL: the print document refers to nothing outside itself, so nothing is fetched.
    return HTML(string=render_html(doc)).write_pdf(**options)
