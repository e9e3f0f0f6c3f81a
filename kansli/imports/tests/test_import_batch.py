"""`kansli import DIR --recursive`: an archive imported on every core, resumable, with a report of
every document; one bad document never stops the batch."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kansli.imports import batch
from kansli.imports.models import SourceDocument
from kansli.imports.tests.fixtures import DOCUMENTS, docx_bytes, pdf_bytes
from kansli.meetings.models import Meeting

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def archive(tmp_path):
    """An archive in folders: five text minutes, a Word file, a PDF and an empty file."""
    root = tmp_path / "arkiv"
    texts = sorted(DOCUMENTS.glob("10[1-5]_*.txt"))
    for index, path in enumerate(texts):
        folder = root / ("2023" if index % 2 else "2024") / "protokoll"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, folder / path.name)
    (root / "word").mkdir()
    (root / "word" / "arsmote.docx").write_bytes(
        docx_bytes((DOCUMENTS / "106_ik-fjallbacka-arsmote.txt").read_text(encoding="utf-8")))
    (root / "pdf").mkdir()
    (root / "pdf" / "natverk.pdf").write_bytes(pdf_bytes(
        (DOCUMENTS / "107_socialchefer-vasterbotten-minnesanteckningar.txt").read_text(
            encoding="utf-8")))
    (root / "pdf" / "tom.txt").write_bytes(b"")
    (root / "pdf" / "bild.png").write_bytes(b"\x89PNG")
    return root


def test_folders_are_searched_for_supported_files_with_their_path_as_name(archive):
    top = batch.find_documents([archive], recursive=False)
    everything = batch.find_documents([archive], recursive=True)
    assert top == []
    assert len(everything) == 8
    assert "word/arsmote.docx" in {job.name for job in everything}
    assert not any(job.name.endswith(".png") for job in everything)


def test_an_archive_is_imported_on_two_cores_and_reported(archive, tmp_path):
    report = tmp_path / "rapport.csv"
    err = io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("import", str(archive), "--recursive", "--jobs", "2", "--report",
                     str(report), stdout=io.StringIO(), stderr=err)
    assert failed.value.returncode == 2
    rows = list(csv.DictReader(report.open(encoding="utf-8")))
    statuses = {row["file"].split("arkiv/")[1]: row["status"] for row in rows}
    assert statuses.pop("pdf/tom.txt") == "failed"
    assert set(statuses.values()) == {"imported"}
    failure = next(row for row in rows if row["status"] == "failed")
    assert failure["reason"] == "the file is empty" and failure["line"] == "1"
    assert {row["format"] for row in rows if row["status"] == "imported"} == {
        "text", "docx", "pdf"}
    assert SourceDocument.objects.count() == 7
    assert "8 documents" in err.getvalue() and "1 failed" in err.getvalue()


def test_a_second_run_finds_everything_done(archive, tmp_path):
    batch.run(batch.find_documents([archive], recursive=True), workers=2)
    before = Meeting.objects.count()
    outcomes = batch.run(batch.find_documents([archive], recursive=True), workers=2)
    assert [o.status for o in outcomes if not o.failed] == ["unchanged"] * 7
    assert Meeting.objects.count() == before


def test_an_interrupted_run_resumes_where_it_stopped(archive):
    jobs = batch.find_documents([archive], recursive=True)
    batch.run(jobs[:3], workers=1)
    outcomes = batch.run(jobs, workers=2)
    assert [o.status for o in outcomes[:3]] == ["unchanged"] * 3
    assert {o.status for o in outcomes[3:]} == {"imported", "failed"}


def test_a_dry_run_reports_without_storing(archive, tmp_path):
    report = tmp_path / "rapport.json"
    with pytest.raises(CommandError):
        call_command("import", str(archive), "-r", "--dry-run", "--report", str(report),
                     stdout=io.StringIO(), stderr=io.StringIO())
    rows = json.loads(report.read_text(encoding="utf-8"))
    assert [row["status"] for row in rows].count("imported") == 7
    assert SourceDocument.objects.count() == 0 and Meeting.objects.count() == 0


def test_a_worker_failure_is_one_documents_failure(archive, monkeypatch):
    def broken(text, source=None):
        raise MemoryError("out of memory")

    monkeypatch.setattr(batch, "parse_text", broken)
    outcomes = batch.run(batch.find_documents([archive], recursive=True), workers=1)
    assert {o.status for o in outcomes} == {"failed"}
    assert "MemoryError: out of memory" in outcomes[0].reason
