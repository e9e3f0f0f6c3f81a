"""Word minutes: headings, the head table with one row per person, Beslut labels, properties."""

from __future__ import annotations

import io

import pytest
from django.utils import translation
from docx import Document
from docx.document import Document as WordDocument
from docx.table import Table

from conftest import CONFIDENTIAL_MARKER
from kansli.minutes.render.document import (
    MinutesDocument,
    build_document,
    load_meeting,
    organisation_label,
)
from kansli.minutes.render.docx import render_docx
from kansli.minutes.tests.test_render_text import assert_in_order, reading_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_doc(committee) -> MinutesDocument:
    return build_document(load_meeting(committee.published.pk), for_public=False)


def _open(doc: MinutesDocument) -> WordDocument:
    return Document(io.BytesIO(render_docx(doc)))


def _table_lines(table: Table) -> list[str]:
    # A merged cell shows up once per grid cell it spans; a reader sees it once.
    lines = []
    for row in table.rows:
        cells = list(dict.fromkeys(cell._tc for cell in row.cells))
        lines.append(" | ".join(cell.xpath("string(.)") for cell in cells))
    return lines


def _reading_text(word: WordDocument) -> str:
    lines = []
    for block in word.iter_inner_content():
        lines.extend(_table_lines(block) if isinstance(block, Table) else [block.text])
    return "\n".join(lines)


def test_docx_holds_every_name_organisation_item_and_decision_in_order(staff_doc):
    assert_in_order(_reading_text(_open(staff_doc)), reading_order(staff_doc))


def test_head_table_has_one_row_per_person_with_the_chair_flagged(staff_doc):
    table = _open(staff_doc).tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    people = [*staff_doc.present, *staff_doc.absent]
    assert [row[1:] for row in rows[2:]] == [
        [p.name_and_party, organisation_label(p)] for p in people
    ]
    chair = next(p for p in staff_doc.present if p.role == "chair")
    assert organisation_label(chair).endswith(", " + translation.gettext("chair"))
    labels = [row.label for row in staff_doc.attendance()]
    assert rows[2][0] == labels[0] and rows[-1][0] == labels[-1]


def test_title_and_items_are_headings_and_decisions_are_labelled(staff_doc):
    paragraphs = _open(staff_doc).paragraphs
    styles = {p.text: p.style.name for p in paragraphs}
    assert styles[staff_doc.title] == "Heading 1"
    for heading, _item in staff_doc.headed_items():
        assert styles[heading] == "Heading 2"
    labels = [p for p in paragraphs if p.text == staff_doc.decision_label]
    assert labels and all(run.bold for p in labels for run in p.runs)


def test_core_properties_name_the_minutes_and_their_language(staff_doc):
    with translation.override("sv"):
        properties = _open(staff_doc).core_properties
    assert properties.title == staff_doc.title
    assert properties.author == staff_doc.body
    assert properties.language == "sv-SE"


def test_public_docx_leaves_out_the_confidential_item(committee, staff_doc):
    public = build_document(load_meeting(committee.published.pk), for_public=True)
    assert CONFIDENTIAL_MARKER in _reading_text(_open(staff_doc))
    public_text = _reading_text(_open(public))
    assert CONFIDENTIAL_MARKER not in public_text and "Personalärende" not in public_text
