"""`kansli import DIR --recursive`: an archive imported on every core, resumable, with a report of
every document; one bad document never stops the batch."""

from __future__ import annotations

import csv
import datetime
import io
import json
import shutil

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError

from kansli.imports import batch, pipeline
from kansli.imports.models import SourceDocument
from kansli.imports.tests.fixtures import DOCUMENTS, docx_bytes, pdf_bytes
from kansli.meetings.models import Attendance, Meeting
from kansli.public.caching import STATE_KEY
from kansli.registry.models import Organisation, Person

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


# Documents stored in shared transactions


def notes(folder, day: str, *participants: str) -> None:
    """A network's minutes of `day`, with one participant a line ('Name, Organisation')."""
    lines = ["Nätverket för kultur i Alby", "", "MINNESANTECKNINGAR", "",
             f"Datum: {day}, kl. 09.00–11.30", "Plats: Alby kommunhus", "", "Deltagare",
             *participants, "", "1. Inledning", "Ordföranden hälsade välkommen.", ""]
    (folder / f"{day}.txt").write_text("\n".join(lines), encoding="utf-8")


def attendees(day: str) -> set[tuple[str, str]]:
    rows = Attendance.objects.filter(meeting__date=day).select_related("person__organisation")
    return {(row.person.name, row.person.organisation.name) for row in rows}


def test_a_document_failing_in_a_shared_transaction_takes_only_itself(tmp_path, monkeypatch):
    notes(tmp_path, "2024-03-01", "Eva Ek, Alby")
    notes(tmp_path, "2024-04-01", "Nils Ny, Alby")
    notes(tmp_path, "2024-05-01", "Nils Ny, Alby")
    stored_numbers = pipeline.number_new_items

    def fail_in_april(meeting, items):
        if meeting.date == datetime.date(2024, 4, 1):
            raise RuntimeError("disk full")
        stored_numbers(meeting, items)

    monkeypatch.setattr(pipeline, "number_new_items", fail_in_april)
    monkeypatch.setattr(batch, "GROUP_SECONDS", 60)
    committed = []

    outcomes = batch.run(batch.find_documents([tmp_path], recursive=False),
                         progress=lambda outcome: committed.append(outcome.status))

    assert [o.status for o in outcomes] == committed == ["imported", "failed", "imported"]
    assert outcomes[1].reason == "could not import: disk full"
    assert not Meeting.objects.filter(date="2024-04-01").exists()
    # April's Nils Ny went with April; May's is created anew, not taken from April.
    assert attendees("2024-05-01") == {("Nils Ny", "Alby")}
    assert Person.objects.filter(name="Nils Ny").count() == 1


def test_a_change_made_by_someone_else_between_transactions_is_seen(tmp_path, monkeypatch):
    alby = Organisation.objects.create(name="Alby kommun", slug="alby")
    notes(tmp_path, "2024-03-01", "Eva Ek, Alby")
    notes(tmp_path, "2024-04-01", "Olle Berg, Alby förvaltning")
    monkeypatch.setattr(batch, "GROUP_SECONDS", 0)

    def secretary_adds_an_alias(outcome):
        alby.aliases = ["Alby förvaltning"]
        alby.save()

    batch.run(batch.find_documents([tmp_path], recursive=False),
              progress=secretary_adds_an_alias)

    assert attendees("2024-04-01") == {("Olle Berg", "Alby kommun")}
    assert not Organisation.objects.filter(name="Alby förvaltning").exists()


def test_a_transaction_that_cannot_commit_is_stored_again_a_document_at_a_time(
    tmp_path, monkeypatch
):
    alby = Organisation.objects.create(name="Alby kommun", slug="alby")
    eva = Person.objects.create(name="Eva Ek", slug="eva-ek", organisation=alby)
    notes(tmp_path, "2024-03-01", "Olle Berg, Alby")
    notes(tmp_path, "2024-04-01", "Eva Ek, Alby")
    monkeypatch.setattr(batch, "GROUP_SECONDS", 0)

    def removed_unseen(outcome):
        # Eva Ek is removed in a way the batch cannot notice (the generation is put back), so
        # the April document refers to a person who is gone and its transaction cannot commit.
        if Person.objects.filter(pk=eva.pk).exists():
            seen = cache.get(STATE_KEY)
            Person.objects.filter(pk=eva.pk).delete()
            cache.set(STATE_KEY, seen, timeout=None)

    outcomes = batch.run(batch.find_documents([tmp_path], recursive=False),
                         progress=removed_unseen)

    assert [o.status for o in outcomes] == ["imported", "imported"]
    assert attendees("2024-04-01") == {("Eva Ek", "Alby kommun")}
    assert Person.objects.get(name="Eva Ek").pk != eva.pk


def test_an_archive_import_is_in_the_meetings_history_as_its_document(archive, client):
    batch.run(batch.find_documents([archive / "word"], recursive=False))
    source = SourceDocument.objects.get()
    meeting = source.meeting
    secretary = get_user_model().objects.create_superuser("sekreterare", password="x")
    client.force_login(secretary)

    page = client.get(f"/hantera/{meeting.body.slug}/{meeting.slug}/historik/")

    assert page.status_code == 200
    assert "arsmote.docx" in page.content.decode() and source.sha256[:12] in page.content.decode()
    # Imported rows are recorded by the document they came from, not entry by entry.
    assert not LogEntry.objects.exists()


def test_a_document_removed_while_the_batch_runs_is_reported_not_fatal(archive):
    jobs = batch.find_documents([archive], recursive=True)
    batch.run(jobs, workers=1)
    known = batch.current_checksums()
    first = SourceDocument.objects.order_by("pk").first()
    first.meeting.delete()  # someone removes the meeting after the batch read the checksums

    outcomes = list(batch.store_all(batch.prepare(job, known) for job in jobs))

    flat = [outcome for group in outcomes for outcome in group]
    gone = next(outcome for outcome in flat if outcome.sha256 == first.sha256)
    assert gone.failed and "import it again" in gone.reason
    assert {o.status for o in flat if o is not gone} <= {"unchanged", "failed"}
