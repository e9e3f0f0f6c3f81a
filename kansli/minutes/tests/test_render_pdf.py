"""PDF minutes: real, tagged text in reading order, metadata, page numbers and PDF/A."""

from __future__ import annotations

import io

import pytest
from django.utils import translation
from django.utils.translation import gettext as _
from pypdf import PdfReader

from conftest import CONFIDENTIAL_MARKER
from kansli.minutes.render.document import MinutesDocument, build_document, load_meeting
from kansli.minutes.render.pdf import render_pdf
from kansli.minutes.tests.test_render_text import assert_in_order, reading_order, seed_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_doc(committee) -> MinutesDocument:
    return build_document(load_meeting(committee.published.pk), for_public=False)


def _read(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_holds_every_name_organisation_item_and_decision_in_order(staff_doc):
    _reader, text = _read(render_pdf(staff_doc))
    assert_in_order(text, reading_order(staff_doc))


def test_pdf_carries_title_author_and_language(staff_doc):
    with translation.override("sv"):
        reader, _text = _read(render_pdf(staff_doc))
    assert reader.metadata.title == staff_doc.title
    assert reader.metadata.author == staff_doc.body
    assert reader.trailer["/Root"]["/Lang"] == "sv"


def test_pdf_is_tagged(staff_doc):
    reader, _text = _read(render_pdf(staff_doc))
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in root


def test_pdf_pages_are_numbered_in_the_footer():
    with translation.override("sv"):
        reader, _text = _read(render_pdf(seed_document()))
        pages = len(reader.pages)
        assert pages > 1
        for number, page in enumerate(reader.pages, start=1):
            footer = _("Page %(page)s of %(pages)s") % {"page": number, "pages": pages}
            assert footer in page.extract_text()


def test_archival_pdf_is_tagged_pdf_a(staff_doc):
    reader, text = _read(render_pdf(staff_doc, archival=True))
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="A"' in xmp
    assert root["/OutputIntents"][0]["/S"] == "/GTS_PDFA1"
    assert root["/MarkInfo"]["/Marked"].value is True and "/StructTreeRoot" in root
    assert_in_order(text, reading_order(staff_doc))


def test_public_pdf_leaves_out_the_confidential_item(committee, staff_doc):
    public = build_document(load_meeting(committee.published.pk), for_public=True)
    _reader, public_text = _read(render_pdf(public))
    _reader, staff_text = _read(render_pdf(staff_doc))
    assert CONFIDENTIAL_MARKER in staff_text
    assert CONFIDENTIAL_MARKER not in public_text
    assert "Personalärende" not in public_text
