"""`kansli parse FILE` prints the corpus schema as JSON and never touches the database."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kansli.imports.parse import parse_file

SCHEMA_KEYS = {
    "language", "kind", "body", "organisation", "meeting_type", "date", "start", "end", "place",
    "online", "cancelled", "present", "absent", "chair", "secretary", "adjusters", "items",
    "previous_meeting", "next_meeting", "next_meeting_cancelled", "actions", "confidence",
}


def _parse(path: str) -> str:
    out = io.StringIO()
    call_command("parse", path, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_prints_the_schema_json_without_queries(seed, django_assert_num_queries):
    with django_assert_num_queries(0):
        printed = _parse(str(seed))
    data = json.loads(printed)
    assert set(data) == SCHEMA_KEYS
    assert data == parse_file(seed).to_dict()
    assert (data["date"], data["start"], data["end"]) == ("2022-11-10", "13:00", "13:30")


def test_keeps_swedish_letters_and_indents(seed):
    printed = _parse(str(seed))
    assert "Södertörns" in printed
    assert printed.startswith('{\n  "language": ')


def test_unreadable_file_names_file_and_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(CommandError) as refused:
        _parse(str(empty))
    assert refused.value.returncode == 2
    assert str(refused.value).startswith(f"{empty}:1: ")
