"""A bad document is reported as FILE:LINE: message, exits 2 and leaves no row behind."""

from __future__ import annotations

import datetime
import io
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kansli.imports.extract import MAX_BYTES
from kansli.imports.parse import ParsedItem, ParsedMinutes, ParseError
from kansli.imports.pipeline import import_file, import_parsed
from kansli.meetings.models import Attendance, Meeting

NO_DATE = "Minnesanteckningar från möte med Testgruppen\n\n1. Välkommen\n\nAlla hälsas välkomna.\n"


def _oversized(path: Path) -> None:
    with path.open("wb") as sparse:
        sparse.truncate(MAX_BYTES + 1)


BAD_DOCUMENTS: dict[str, Callable[[Path], object]] = {
    "empty.txt": lambda path: path.write_bytes(b""),
    "blank.txt": lambda path: path.write_bytes(b"\n   \n\t\n"),
    "binary.png": lambda path: path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256))),
    # Invalid UTF-8, and bytes Windows-1252 leaves undefined.
    "undecodable.txt": lambda path: path.write_bytes(b"Protokoll \x81\x8d\x8f\x90\x9d\n" * 3),
    "no-date.txt": lambda path: path.write_text(NO_DATE, encoding="utf-8"),
    "oversized.txt": _oversized,
}


def _run_import(*paths: Path) -> tuple[CommandError, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("import", *map(str, paths), stdout=out, stderr=err)
    return refused.value, out.getvalue(), err.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize("name", BAD_DOCUMENTS)
def test_bad_document_is_refused_with_file_and_line(name, tmp_path, count_rows):
    path = tmp_path / name
    BAD_DOCUMENTS[name](path)
    before = count_rows()

    refused, out, err = _run_import(path)

    assert refused.returncode == 2
    assert re.match(rf"{re.escape(str(path))}:\d+: \S", err), err
    assert out == ""
    assert count_rows() == before


@pytest.mark.django_db
def test_bad_document_is_skipped_and_the_others_imported(seed, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")

    refused, out, err = _run_import(bad, seed)

    assert refused.returncode == 2
    assert out.startswith(f"imported: {seed}")
    assert err.startswith(f"{bad}:1: ")
    assert Meeting.objects.filter(date=datetime.date(2022, 11, 10)).exists()


def test_command_line_exit_status_is_2(tmp_path):
    bad = tmp_path / "binary.bin"
    BAD_DOCUMENTS["binary.png"](bad)
    env = {**os.environ, "KANSLI_DATA_DIR": str(tmp_path / "data")}
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, "-m", "kansli.cli", "migrate", "-v0"], env=env, check=True,
                   timeout=300)
    done = subprocess.run(
        [sys.executable, "-m", "kansli.cli", "import", str(bad)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith(f"{bad}:1: ")


@pytest.mark.django_db
def test_failure_half_way_leaves_nothing(seed, count_rows, monkeypatch):
    def fail_after_attendance_is_written(meeting: Meeting, items: object) -> None:
        assert Attendance.objects.filter(meeting=meeting).count() == 17
        raise RuntimeError("disk full")

    monkeypatch.setattr(
        "kansli.imports.pipeline.number_new_items", fail_after_attendance_is_written
    )
    before = count_rows()

    with pytest.raises(ParseError) as failed:
        import_file(seed)

    assert re.match(rf"{re.escape(str(seed))}:\d+: could not import: disk full", str(failed.value))
    assert count_rows() == before


@pytest.mark.django_db
def test_text_too_long_for_its_column_names_its_line(count_rows):
    parsed = ParsedMinutes(
        kind="minnesanteckningar", body="Testgruppen", date=datetime.date(2024, 1, 11),
        items=[ParsedItem("1", "Välkommen", line=5), ParsedItem("2", "Lång " * 101, line=9)],
    )
    before = count_rows()

    with pytest.raises(ParseError) as refused:
        import_parsed(parsed, "text", "long.txt", "0" * 64)

    assert str(refused.value).startswith("long.txt:9: ")
    assert count_rows() == before
