"""Minutes as HTML: a fragment for web pages and a standalone print document for the PDF.

The fragment template `minutes/document.html` takes the context variable `doc` (a
`MinutesDocument`) and, optionally, `heading_level` (the level of its title, default 1) so a
page that already has an `<h1>` can include it one level down.
"""

from __future__ import annotations

import re

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from kansli.minutes.render.document import MinutesDocument

# Marks where the counters go in the translated footer, so a translation may reorder them.
_COUNTER = re.compile(r"\x00(page|pages)\x00")


def render_fragment(doc: MinutesDocument) -> str:
    return render_to_string("minutes/document.html", {"doc": doc})


def render_html(doc: MinutesDocument) -> str:
    """A standalone document with print CSS: what the PDF is made from."""
    return render_to_string(
        "minutes/print.html",
        {"doc": doc, "for_print": True, "page_counter": page_counter_css()},
    )


def page_counter_css() -> str:
    """The CSS `content` value of the footer, e.g. `"Sida " counter(page) " av " counter(pages)`.

    CSS can only place the page counters outside strings, so the translated sentence is cut
    at its placeholders.
    """
    sentence = _("Page %(page)s of %(pages)s") % {"page": "\0page\0", "pages": "\0pages\0"}
    parts = _COUNTER.split(sentence)
    # split() alternates text and counter names: even indexes are text, odd ones counters.
    values = [
        f"counter({part})" if index % 2 else _css_string(part)
        for index, part in enumerate(parts)
        if part
    ]
    return " ".join(values)


def _css_string(text: str) -> str:
    # "<" is escaped too: the value goes unescaped into a <style> element.
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return f'"{escaped}"'
