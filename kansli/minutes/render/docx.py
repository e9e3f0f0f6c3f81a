"""Minutes as a Word document, for secretariats that go on editing in Word.

Headings use Word's built-in heading styles so the navigation pane and screen readers see the
structure; the head of the minutes is a borderless table with one row per person.
"""

from __future__ import annotations

import io

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from docx import Document
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table

from kansli.minutes.render.document import Item, MinutesDocument, Row, organisation_label

# Word wants a language with its region; these are the languages Kansli renders in.
WORD_LANGUAGES = {"sv": "sv-SE", "en": "en-GB"}
# Label, name, organisation: together the text width of the A4 page below.
HEAD_COLUMNS = (Cm(3.5), Cm(6.5), Cm(6))


def render_docx(doc: MinutesDocument) -> bytes:
    # The Word document lives only in this call, so nothing outside keeps its XML tree alive.
    word = Document()
    _a4(word)
    _properties(word, doc)
    word.add_heading(doc.title, level=1)
    if doc.cancelled:
        word.add_paragraph().add_run(_("The meeting was cancelled.")).bold = True
    _head_table(word, doc)
    for heading, item in doc.headed_items():
        _item(word, heading, item, doc.decision_label)
    _signatures(word, doc.signatures())
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _a4(word: WordDocument) -> None:
    # python-docx's template is US Letter; Swedish minutes are printed on A4.
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Cm(2.5)


def _properties(word: WordDocument, doc: MinutesDocument) -> None:
    language = WORD_LANGUAGES.get(translation.get_language() or "sv", "sv-SE")
    properties = word.core_properties
    properties.title = doc.title
    properties.author = doc.body
    properties.subject = doc.time_text
    properties.language = language
    properties.last_modified_by = "Kansli"
    # python-docx's template would otherwise claim the file was made in 2013.
    properties.created = properties.modified = timezone.now()
    # The proofing language of the text itself, set on the document's default run properties.
    defaults = word.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    defaults.find(qn("w:rPr")).find(qn("w:lang")).set(qn("w:val"), language)


def _head_table(word: WordDocument, doc: MinutesDocument) -> None:
    """Label, name, organisation: one row per person, the label cell spanning its group."""
    table = word.add_table(rows=0, cols=3)
    for column, width in zip(table.columns, HEAD_COLUMNS, strict=True):
        column.width = width
    for row in [*doc.when_and_where(), *doc.attendance(), *doc.appointed()]:
        if row.people:
            cells = [(p.name_and_party, organisation_label(p)) for p in row.people]
        else:
            cells = [(value, None) for value in row.values]
        _table_group(table, row, cells)


def _table_group(table: Table, row: Row, cells: list[tuple[str, str | None]]) -> None:
    """Rows for one label; a value without a second column spans both value columns."""
    rows = [table.add_row().cells for _cell in cells]
    for (_label, value_cell, second_cell), (value, second) in zip(rows, cells, strict=True):
        if second is None:
            value_cell = value_cell.merge(second_cell)
        else:
            second_cell.text = second
        value_cell.text = value
    # One merge for the whole label column: python-docx's merge is slow, so not one per row.
    label = rows[0][0].merge(rows[-1][0]) if len(rows) > 1 else rows[0][0]
    label.text = ""  # a merged cell keeps one empty paragraph per row it took in
    label.paragraphs[0].add_run(row.label).bold = True


def _item(word: WordDocument, heading: str, item: Item, decision_label: str) -> None:
    word.add_heading(heading, level=2 + item.level)
    for section in item.sections():
        if section.labelled:
            word.add_paragraph().add_run(decision_label).bold = True
        for text in section.paragraphs:
            word.add_paragraph(text)


def _signatures(word: WordDocument, rows: list[Row]) -> None:
    for row in rows:
        label = word.add_paragraph()
        label.paragraph_format.space_before = Pt(18)  # room to sign above the label
        label.add_run(row.label).bold = True
        for name in row.values:
            word.add_paragraph(name)
