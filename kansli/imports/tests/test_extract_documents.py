"""Word, PDF and OpenDocument minutes become the text the parser reads; files that cannot be read
are refused with a message naming the file and what is wrong."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from kansli.imports.extract import read_document
from kansli.imports.extract.flow import Paragraph, render
from kansli.imports.parse import ParseError, parse_text
from kansli.imports.tests.fixtures import DOCUMENTS, docx_bytes, pdf_bytes

PROTOCOL = (DOCUMENTS / "101_sn-ljusdal-protokoll.txt").read_text(encoding="utf-8")


def _refusal(path) -> str:
    with pytest.raises(ParseError) as refused:
        read_document(path)
    assert refused.value.source == str(path)
    return refused.value.message


def test_a_word_table_keeps_its_columns_and_numbered_items_their_numbers(tmp_path):
    document = docx.Document()
    document.add_paragraph("Samverkansgruppen")
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(table.rows, [("Namn", "Kommun", "Närvaro"),
                                       ("Ulla Granberg", "Lycksele", "X"),
                                       ("Elin Marklund", "Storuman", "")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("Mötets öppnande", style="List Number")
    document.add_paragraph("Val av justerare", style="List Number")
    path = tmp_path / "anteckningar.docx"
    document.save(path)

    decoded = read_document(path)

    assert decoded.format == "docx"
    lines = decoded.text.splitlines()
    header = next(line for line in lines if line.startswith("Namn"))
    row = next(line for line in lines if line.startswith("Ulla"))
    assert row.index("Lycksele") == header.index("Kommun") and row.index("X") == header.index(
        "Närvaro")
    assert "1. Mötets öppnande" in lines and "2. Val av justerare" in lines


def test_a_word_file_parses_like_its_text(tmp_path):
    path = tmp_path / "protokoll.docx"
    path.write_bytes(docx_bytes(PROTOCOL))
    parsed = parse_text(read_document(path).text)
    assert (parsed.body, str(parsed.date), parsed.chair) == (
        "Socialnämnden", "2024-05-22", "Ingela Svensson")
    assert [item.number for item in parsed.items] == ["45", "46", "47", "48", "49", "50"]


def test_a_pdf_loses_its_page_numbers_and_initials_boxes(tmp_path):
    path = tmp_path / "protokoll.pdf"
    path.write_bytes(pdf_bytes(PROTOCOL))
    decoded = read_document(path)
    assert decoded.format == "pdf" and "\f" in decoded.text
    parsed = parse_text(decoded.text)
    texts = " ".join(item.text for item in parsed.items)
    assert "Sida" not in texts and "Justerandes sign" not in texts
    assert parsed.items[1].decisions[1].startswith("Socialnämnden uppdrar åt socialchefen")


def test_a_scanned_pdf_is_refused_with_advice(tmp_path):
    from weasyprint import HTML

    pixel = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mN"
             "kYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
    path = tmp_path / "skannad.pdf"
    path.write_bytes(HTML(string=f'<img src="{pixel}" width="400" height="600">').write_pdf())
    assert "no text layer" in _refusal(path) and "OCR" in _refusal(path)


def test_an_opendocument_text_is_read(tmp_path):
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body>'
        '<office:text><text:h>Protokoll</text:h><text:p>Datum:<text:tab/>2024-03-05</text:p>'
        '<table:table><table:table-row><table:table-cell><text:p>Närvarande</text:p>'
        '</table:table-cell><table:table-cell><text:p>Anna Berg</text:p><text:p>Olof Dahl</text:p>'
        '</table:table-cell></table:table-row></table:table></office:text></office:body>'
        '</office:document-content>'
    )
    path = tmp_path / "protokoll.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    decoded = read_document(path)
    assert decoded.format == "odt"
    assert "Datum:\t2024-03-05" in decoded.text and "Olof Dahl" in decoded.text


@pytest.mark.parametrize(("content", "expected"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "Word 97-2003"),
    (b"%PDF-1.7\nthis is no pdf", "not a readable PDF"),
    (b"PK\x03\x04broken", "damaged zip"),
])
def test_unreadable_files_are_refused_by_what_they_are(tmp_path, content, expected):
    path = tmp_path / "dokument.bin"
    path.write_bytes(content)
    assert expected in _refusal(path)


def test_a_zip_that_is_no_document_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("bild.png", b"png")
    path = tmp_path / "arkiv.zip"
    path.write_bytes(buffer.getvalue())
    assert "neither a Word nor an OpenDocument" in _refusal(path)


def test_short_lines_stay_together_and_prose_apart():
    text = render([Paragraph("Närvarande:"), Paragraph("Anna Berg, Kalmar"),
                   Paragraph("Olof Dahl, Nybro"), Paragraph("Beslut: Dagordningen godkänns."),
                   Paragraph("Nästa möte hålls i juni.")])
    assert text == ("Närvarande:\nAnna Berg, Kalmar\nOlof Dahl, Nybro\nBeslut: Dagordningen "
                    "godkänns.\n\nNästa möte hålls i juni.\n")
