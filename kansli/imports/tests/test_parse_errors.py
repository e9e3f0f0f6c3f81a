"""Documents the parser cannot read as minutes give a ParseError naming the file and the line."""

from __future__ import annotations

import pytest

from kansli.imports.parse import ParseError, parse_file, parse_text


def test_parse_error_formats_file_line_and_message():
    assert (
        str(ParseError("no meeting date found", source="a.txt", line=3))
        == "a.txt:3: no meeting date found"
    )
    assert str(ParseError("no meeting date found", line=3)) == "3: no meeting date found"
    assert str(ParseError("no meeting date found")) == "no meeting date found"


def test_no_meeting_date_names_the_title_line():
    text = "\n\nMinnesanteckningar från möte med styrgruppen\n\n1. Inledning\nInga frågor.\n"
    with pytest.raises(ParseError) as caught:
        parse_text(text, source="styrgrupp.txt")
    assert caught.value.line == 3
    assert str(caught.value) == "styrgrupp.txt:3: no meeting date found"


def test_no_meeting_date_without_a_title_names_line_one():
    with pytest.raises(ParseError) as caught:
        parse_text("1. Inledning\n\nInga frågor.")
    assert caught.value.line == 1


def test_justering_and_anslag_dates_are_not_the_meeting_date():
    text = (
        "Protokoll\n\nJusteringens plats och tid  Kommunhuset 2023-09-26\n"
        "Datum då anslaget sätts upp  2023-09-27\n\n§ 1  Val av justerare\n\n§ 2  Meddelanden\n"
    )
    with pytest.raises(ParseError, match="no meeting date"):
        parse_text(text)


def test_parse_file_names_the_file(tmp_path):
    path = tmp_path / "utan-datum.txt"
    path.write_text("Minnesanteckningar\n\n1. Inledning\n", encoding="utf-8")
    with pytest.raises(ParseError) as caught:
        parse_file(path)
    assert str(caught.value).startswith(f"{path}:1: ")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n\t",
        "\x00\x01\x02",
        "§§§§\n§ 1\n§",
        "((((((((",
        "Tid: 99/99 9999 kl 99.99",
        "1. \n2. \n3.",
    ],
)
def test_hostile_input_only_ever_raises_parse_error(text):
    with pytest.raises(ParseError):
        parse_text(text)


def test_a_minimal_document_parses():
    minutes = parse_text("Minnesanteckningar\n\nDatum: 2024-01-15\n\n1. Inledning\nText.\n")
    assert minutes.date is not None and minutes.date.isoformat() == "2024-01-15"
    assert [item.title for item in minutes.items] == ["Inledning"]
