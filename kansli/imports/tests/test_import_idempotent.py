"""Importing a document again changes nothing; an edited copy updates the same meeting."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kansli.imports.models import SourceDocument
from kansli.imports.pipeline import import_file
from kansli.meetings.models import Meeting

WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def _edited(seed: Path, folder: Path, old: str, new: str) -> Path:
    """A copy of the seed with one line changed, as a secretary's correction would be."""
    copy = folder / seed.name
    copy.write_text(seed.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return copy


def _writes(captured: CaptureQueriesContext) -> list[str]:
    return [query["sql"] for query in captured.captured_queries if WRITES.match(query["sql"])]


@pytest.mark.django_db
def test_same_file_twice_writes_nothing(seed, count_rows):
    first = import_file(seed)
    before = count_rows()
    with CaptureQueriesContext(connection) as captured:
        again = import_file(seed)
    assert again.status == "unchanged"
    assert again.meeting.pk == first.meeting.pk
    assert count_rows() == before
    assert _writes(captured) == []


@pytest.mark.django_db
def test_edited_copy_updates_the_same_meeting(seed, tmp_path, count_rows):
    first = import_file(seed).meeting
    before = count_rows()
    edited = _edited(seed, tmp_path, "5. Övriga frågor", "5. Övriga ärenden")

    result = import_file(edited)

    assert result.status == "updated"
    assert (result.meeting.pk, result.meeting.slug) == (first.pk, first.slug)
    titles = list(result.meeting.items.values_list("title", flat=True))
    assert "Övriga ärenden" in titles and "Övriga frågor" not in titles
    assert count_rows() == {**before, "SourceDocument": before["SourceDocument"] + 1}
    assert result.meeting.minutes.note_taker.person.name == "Helene Olofsson"


@pytest.mark.django_db
def test_original_after_edited_copy_is_applied_again(seed, tmp_path):
    meeting = import_file(seed).meeting
    import_file(_edited(seed, tmp_path, "7. Avslutning", "7. Mötet avslutas"))

    result = import_file(seed)

    assert result.status == "updated"
    assert result.meeting.pk == meeting.pk
    assert meeting.items.filter(title="Avslutning").exists()
    assert SourceDocument.objects.count() == 2
    assert meeting.sources.order_by("-imported_at", "-pk").first().file_name == seed.name


@pytest.mark.django_db
def test_dry_run_stores_nothing(seed, count_rows):
    before = count_rows()
    result = import_file(seed, dry_run=True)
    assert result.status == "imported"
    assert count_rows() == before


@pytest.mark.django_db
def test_command_prints_one_line_per_document(seed, tmp_path):
    copy = tmp_path / "copy.txt"
    shutil.copy(seed, copy)
    out = io.StringIO()
    call_command("import", str(seed), str(copy), stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines] == ["imported", "unchanged"]
    assert all(line.endswith("2022-11-10") for line in lines)


@pytest.mark.django_db
def test_every_corpus_document_imports_and_reimports_unchanged(corpus_document, count_rows):
    result = import_file(corpus_document)
    assert result.status == "imported"
    assert result.meeting.sources.get().file_name == corpus_document.name
    before = count_rows()
    assert import_file(corpus_document).status == "unchanged"
    assert count_rows() == before
    assert Meeting.objects.filter(pk=result.meeting.pk).exists()


@pytest.mark.django_db
def test_another_file_for_a_later_meeting_the_same_day_is_another_meeting(seed, tmp_path):
    morning = import_file(seed).meeting
    afternoon = tmp_path / "eftermiddag.txt"
    afternoon.write_text(
        seed.read_text(encoding="utf-8").replace("kl 13.00-13.30", "kl 15.00-15.30"),
        encoding="utf-8",
    )

    result = import_file(afternoon)

    assert result.status == "imported"
    assert result.meeting.pk != morning.pk
    assert (morning.slug, result.meeting.slug) == ("2022-11-10", "2022-11-10-2")


@pytest.mark.django_db
def test_corrected_start_time_in_the_same_file_updates_the_meeting(seed, tmp_path):
    meeting = import_file(seed).meeting
    corrected = _edited(seed, tmp_path, "kl 13.00-13.30", "kl 13.15-13.30")

    result = import_file(corrected)

    assert (result.status, result.meeting.pk) == ("updated", meeting.pk)
    assert result.meeting.start_time.minute == 15
