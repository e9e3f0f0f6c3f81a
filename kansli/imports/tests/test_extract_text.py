"""Reading minutes files: the encodings secretariats produce, and the files that must be refused."""

from __future__ import annotations

import codecs

import pytest

from kansli.imports.extract.text import MAX_BYTES, read_text
from kansli.imports.parse import ParseError

MINUTES = (
    "Minnesanteckningar\r\n\r\nTid\tTorsdagen den 10 november 2022 kl 13.00\r\nPlats\tNynäshamn\r\n"
)


def test_utf8_is_read_and_line_endings_normalised(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_bytes(MINUTES.encode("utf-8"))
    decoded = read_text(path)
    assert decoded.encoding == "utf-8"
    assert decoded.text == MINUTES.replace("\r\n", "\n")
    assert decoded.source == str(path)


def test_utf8_with_byte_order_mark(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_bytes(codecs.BOM_UTF8 + MINUTES.encode("utf-8"))
    decoded = read_text(path)
    assert decoded.encoding == "utf-8-sig"
    assert decoded.text.startswith("Minnesanteckningar")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_byte_order_mark(tmp_path, encoding):
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    path = tmp_path / "minutes.txt"
    path.write_bytes(bom + MINUTES.encode(encoding))
    decoded = read_text(path)
    assert decoded.encoding == "utf-16"
    assert "Nynäshamn" in decoded.text and "\r" not in decoded.text


def test_windows_1252_falls_back(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_bytes("Plats\tNynäshamn – rådhuset\r\n".encode("cp1252"))
    decoded = read_text(path)
    assert decoded.encoding == "cp1252"
    assert decoded.text == "Plats\tNynäshamn – rådhuset\n"


def test_old_mac_line_endings(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_bytes(b"Tid\r14/3 2023\r")
    assert read_text(path).text == "Tid\n14/3 2023\n"


def _refused(path) -> ParseError:
    with pytest.raises(ParseError) as caught:
        read_text(path)
    assert str(path) in str(caught.value)
    return caught.value


def test_a_missing_file_is_refused(tmp_path):
    assert "no such file" in str(_refused(tmp_path / "absent.txt"))


def test_a_directory_is_refused(tmp_path):
    _refused(tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8 + b"\n\n"])
def test_an_empty_file_is_refused(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert "empty" in str(_refused(path))


def test_a_file_with_nul_bytes_is_refused(tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(b"%PDF-1.7\x00\x00\x01\x02binary")
    assert "binary" in str(_refused(path))


def test_a_file_full_of_control_characters_is_refused(tmp_path):
    path = tmp_path / "minutes.bin"
    path.write_bytes(bytes(range(1, 9)) * 50 + b"Tid 14/3 2023")
    assert "binary" in str(_refused(path))


def test_a_file_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (MAX_BYTES + 1))
    assert "over the limit" in str(_refused(path))


def test_undecodable_text_is_refused(tmp_path):
    path = tmp_path / "minutes.txt"
    # Not UTF-8, and 0x81 and 0x8d are not characters in Windows-1252 either.
    path.write_bytes(b"Plats: R\xe5dhuset \x81\x8d")
    assert "cannot decode" in str(_refused(path))
