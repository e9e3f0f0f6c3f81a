"""`kansli render`: one meeting's minutes to a file or standard output."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from conftest import CONFIDENTIAL_MARKER

pytestmark = pytest.mark.django_db


def _render(*args: str) -> str:
    out = io.StringIO()
    call_command("render", *args, stdout=out)
    return out.getvalue()


def test_text_goes_to_standard_output_by_default(committee):
    text = _render(str(committee.published.pk))
    assert text.startswith("Minnesanteckningar från planeringskonferens med Samarbetskommittén\n")
    assert CONFIDENTIAL_MARKER in text  # the staff version is the default


def test_meeting_by_its_address(committee):
    assert _render("samarbetskommitten/2022-11-10", "-o", "-") == _render(
        str(committee.published.pk)
    )


def test_public_leaves_out_confidential_items(committee):
    text = _render(str(committee.published.pk), "--public")
    assert "Välkommen" in text and CONFIDENTIAL_MARKER not in text


def test_labels_follow_the_language_option(committee):
    english = _render(str(committee.published.pk), "--language", "en")
    assert "\nParticipants\tÅsa Ordförande" in english
    with translation.override("sv"):
        label = translation.gettext("Participants")
    assert f"\n{label}\tÅsa Ordförande" in _render(str(committee.published.pk))


@pytest.mark.parametrize(
    ("fmt", "magic"), [("pdf", b"%PDF-"), ("docx", b"PK\x03\x04"), ("html", b"<!DOCTYPE html>")]
)
def test_writes_each_format_to_a_file(committee, tmp_path, fmt, magic):
    target = tmp_path / f"minutes.{fmt}"
    call_command("render", str(committee.published.pk), "--format", fmt, "-o", str(target))
    assert target.read_bytes().startswith(magic)


def test_format_follows_the_file_extension(committee, tmp_path):
    target = tmp_path / "protokoll.docx"
    call_command("render", str(committee.published.pk), "-o", str(target))
    assert target.read_bytes().startswith(b"PK\x03\x04")


def test_binary_format_needs_a_file(committee):
    with pytest.raises(CommandError, match="-o FILE"):
        _render(str(committee.published.pk), "--format", "pdf")


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("999999", "No meeting with id 999999"),
        ("okand-namnd/2022-11-10", "No body with the address “okand-namnd”"),
        ("samarbetskommitten/2021-01-01", "No meeting “2021-01-01” of body “samarbetskommitten”"),
        ("tio-november", "not a meeting id or an address"),
    ],
)
def test_a_meeting_that_is_not_there_is_named_in_the_error(committee, reference, message):
    with pytest.raises(CommandError, match=message):
        _render(reference)


def test_unknown_format_is_refused(committee):
    with pytest.raises(CommandError, match="invalid choice"):
        _render(str(committee.published.pk), "--format", "odt")


def test_an_unwritable_file_is_reported(committee, tmp_path):
    with pytest.raises(CommandError, match="Cannot write"):
        _render(str(committee.published.pk), "-o", str(tmp_path / "saknas" / "minutes.txt"))
