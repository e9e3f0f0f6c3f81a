"""Importing a whole archive: many documents, every core, resumable, with a report.

Reading and parsing happen in worker processes, one per core; storing happens in this process,
since SQLite takes one writer at a time and PostgreSQL gains little from more. A bounded number of
parsed documents wait between the two, which keeps memory flat however large the archive.

Each document is stored whole or not at all, in a savepoint of its own; the documents stored in a
quarter of a second share one transaction, so the work every commit brings (syncing to disk, the
public cache's generation, the API's modification stamps) is done a few times a second rather
than once per document, and the names resolved for one document are kept for the next. A
document is reported once the transaction holding it has committed. A document already imported
(the same checksum, still what its meeting was last imported from) is skipped before it is even
parsed, so an interrupted run started again picks up where it stopped. One bad document never
stops the batch: it is reported with its reason and the others go on.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import json
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from auditlog.context import disable_auditlog
from django.db import DatabaseError, transaction

from kansli.imports.extract import MAX_DOCUMENT_BYTES, decode_document
from kansli.imports.extract.text import read_bytes
from kansli.imports.models import ReviewStatus, SourceDocument
from kansli.imports.parse import ParsedMinutes, ParseError, parse_text
from kansli.imports.pipeline import at_line, import_parsed
from kansli.imports.resolve import Resolver
from kansli.public.caching import generation

SUPPORTED = frozenset({".txt", ".text", ".docx", ".pdf", ".odt"})
# A document taking longer than this to read and parse is reported as failed, not waited for.
DOCUMENT_SECONDS = 60
# Parsed documents waiting to be stored, per worker.
WINDOW_PER_WORKER = 8
# Documents stored in one transaction: as many as take this long, and at most this many. Another
# writer (the staff pages on SQLite) waits at most about this long for the database.
GROUP_SECONDS = 0.25
GROUP_DOCUMENTS = 200
REPORT_FIELDS = ("file", "status", "meeting", "reason", "line", "format", "review", "doubtful",
                 "sha256")

Progress = Callable[["Outcome"], None]


@dataclass(frozen=True)
class Job:
    """A file to import and the name it is stored and reported under."""

    path: str
    name: str


@dataclass
class Prepared:
    """What a worker hands back: the file read and parsed, or why it could not be."""

    job: Job
    sha256: str = ""
    size: int = 0
    form: str = ""
    text: str = ""
    parsed: ParsedMinutes | None = None
    known: bool = False
    error: str | None = None
    line: int | None = None


@dataclass
class Outcome:
    """One row of the report: what became of one document."""

    file: str
    status: str
    meeting: str = ""
    reason: str = ""
    line: int | None = None
    format: str = ""
    review: str = ""
    doubtful: list[str] = field(default_factory=list)
    sha256: str = ""

    @property
    def failed(self) -> bool:
        return self.status == "failed"


def find_documents(paths: Iterable[str | os.PathLike[str]], *, recursive: bool) -> list[Job]:
    """The files to import: files as given, and the supported files in the given folders.

    A file in a folder is named by its path below that folder, so documents with the same file
    name in different folders stay apart.
    """
    jobs: list[Job] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = path.rglob("*") if recursive else path.glob("*")
            jobs.extend(
                Job(str(file), file.relative_to(path).as_posix())
                for file in sorted(found)
                if file.is_file() and file.suffix.lower() in SUPPORTED
                and not file.name.startswith((".", "~$"))
            )
        else:
            jobs.append(Job(str(path), path.name))
    return jobs


def current_checksums() -> frozenset[str]:
    """Checksums of the documents each meeting was last imported from: importing one of these
    again would change nothing, so a batch skips them unread."""
    latest: dict[int, tuple[Any, int, str]] = {}
    rows = SourceDocument.objects.values_list("meeting_id", "imported_at", "pk", "sha256")
    for meeting, imported_at, pk, sha256 in rows.iterator(chunk_size=2000):
        if meeting not in latest or (imported_at, pk) > latest[meeting][:2]:
            latest[meeting] = (imported_at, pk, sha256)
    return frozenset(value[2] for value in latest.values())


# Workers

_KNOWN: frozenset[str] = frozenset()


class _TookTooLong(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _TookTooLong()


def _start_worker(known: frozenset[str] | None) -> None:
    global _KNOWN
    if known is not None:
        _KNOWN = known
    # What a forked worker inherits lives as long as it does: left out of garbage collection, it
    # costs no time to walk and its pages stay shared with the parent.
    gc.freeze()
    # Ctrl-C is for the parent, which stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def prepare(job: Job, known: frozenset[str] | None = None) -> Prepared:
    """Read, checksum and parse one file; never raises."""
    prepared = Prepared(job)
    timed = hasattr(signal, "setitimer")
    if timed:
        signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, DOCUMENT_SECONDS)
    try:
        with _failure_recorded(prepared):
            raw = read_bytes(Path(job.path), job.path, MAX_DOCUMENT_BYTES)
            _parse_bytes(prepared, raw, _KNOWN if known is None else known)
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return prepared


def prepare_bytes(job: Job, raw: bytes) -> Prepared:
    """Checksum and parse a document already read (an upload); never raises."""
    prepared = Prepared(job)
    with _failure_recorded(prepared):
        if len(raw) > MAX_DOCUMENT_BYTES:
            raise ParseError(f"the file is {len(raw)} bytes, over the limit of "
                             f"{MAX_DOCUMENT_BYTES}", source=job.path)
        _parse_bytes(prepared, raw, frozenset())
    return prepared


@contextmanager
def _failure_recorded(prepared: Prepared) -> Iterator[None]:
    """Whatever goes wrong reading the document is recorded on it, not raised."""
    try:
        yield
    except ParseError as error:
        prepared.error, prepared.line = error.message, at_line(error).line
    except _TookTooLong:
        prepared.error = f"reading took longer than {DOCUMENT_SECONDS} seconds"
    except Exception as error:  # noqa: BLE001 - one bad document never stops the batch
        prepared.error = f"could not read ({type(error).__name__}: {error})"


def _parse_bytes(prepared: Prepared, raw: bytes, known: frozenset[str]) -> None:
    prepared.sha256, prepared.size = hashlib.sha256(raw).hexdigest(), len(raw)
    if prepared.sha256 in known:
        prepared.known = True
        return
    decoded = decode_document(raw, prepared.job.path)
    prepared.form, prepared.text = decoded.format, decoded.text
    prepared.parsed = parse_text(decoded.text, source=prepared.job.path)


def _in_process(jobs: Sequence[Job], known: frozenset[str]) -> Iterator[Prepared]:
    for job in jobs:
        yield prepare(job, known)


def _pooled(jobs: Sequence[Job], known: frozenset[str], workers: int) -> Iterator[Prepared]:
    """Prepared documents in the order of `jobs`, read by `workers` processes."""
    methods = multiprocessing.get_all_start_methods()
    # Forked workers inherit the checksums instead of receiving a pickled copy each.
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    global _KNOWN
    _KNOWN = known
    inherited = None if context.get_start_method() == "fork" else known
    # Workers never touch the database; a forked worker leaves through os._exit, so the
    # connection it inherits is never closed from its side and the parent keeps using it.
    pool = context.Pool(workers, initializer=_start_worker, initargs=(inherited,))
    try:
        pending: deque[Any] = deque()
        window = workers * WINDOW_PER_WORKER
        for job in jobs:
            pending.append((job, pool.apply_async(prepare, (job,))))
            if len(pending) >= window:
                yield _collect(*pending.popleft())
        while pending:
            yield _collect(*pending.popleft())
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _collect(job: Job, waiting: Any) -> Prepared:
    try:
        prepared: Prepared = waiting.get(timeout=DOCUMENT_SECONDS * 2)
    except multiprocessing.TimeoutError:
        return Prepared(job, error=f"reading took longer than {DOCUMENT_SECONDS} seconds")
    except Exception as error:  # noqa: BLE001 - a worker that died takes only its document
        return Prepared(job, error=f"could not read ({type(error).__name__}: {error})")
    return prepared


# Storing


def store(
    prepared: Prepared, *, dry_run: bool = False, publish: bool = False,
    resolver: Resolver | None = None,
) -> Outcome:
    """Import one prepared document, whole or not at all; never raises."""
    job = prepared.job
    outcome = Outcome(job.path, "failed", sha256=prepared.sha256, format=prepared.form)
    if prepared.error is not None:
        outcome.reason, outcome.line = prepared.error, prepared.line or 1
        return outcome
    if prepared.known:
        known = SourceDocument.objects.select_related("meeting__body").filter(
            sha256=prepared.sha256
        ).first()
        if known is None:
            # Removed (its meeting deleted) since the batch began: it was skipped unread.
            outcome.reason, outcome.line = "removed while the batch ran; import it again", 1
            return outcome
        outcome.status, outcome.meeting = "unchanged", str(known.meeting)
        outcome.format, outcome.review = known.format, known.review_status or ""
        return outcome
    assert prepared.parsed is not None
    try:
        result = import_parsed(
            prepared.parsed, prepared.text, job.name, prepared.sha256, size=prepared.size,
            source=job.path, form=prepared.form, dry_run=dry_run, publish=publish,
            resolver=resolver,
        )
    except ParseError as error:
        outcome.reason, outcome.line = error.message, at_line(error).line
        return outcome
    outcome.status, outcome.meeting = result.status, str(result.meeting)
    outcome.review = result.source.review_status or ""
    if outcome.review == ReviewStatus.PENDING:
        outcome.doubtful = result.source.doubtful
    return outcome


class _Store:
    """Stores documents in shared transactions, keeping one resolver while that is safe."""

    def __init__(self, *, dry_run: bool, publish: bool) -> None:
        self.dry_run, self.publish = dry_run, publish
        self.resolver: Resolver | None = None
        self.generation = ""

    def groups(self, documents: Iterator[Prepared]) -> Iterator[list[Outcome]]:
        """The outcomes of each committed transaction, in order."""
        while True:
            taken: list[Prepared] = []
            outcomes: list[Outcome] = []
            try:
                with transaction.atomic():
                    self._fill(taken, outcomes, documents)
            except DatabaseError:
                # The transaction failed as a whole (at commit: a deferred constraint, a full
                # disk): none of its documents is stored. Each is tried again alone, so only a
                # bad one fails.
                self.resolver = None
                outcomes = [self._alone(document) for document in taken]
            if not taken:
                return
            self._keep_resolver()
            yield outcomes

    def _fill(
        self, taken: list[Prepared], outcomes: list[Outcome], documents: Iterator[Prepared]
    ) -> None:
        self._check_resolver()
        deadline = time.monotonic() + GROUP_SECONDS
        for document in documents:
            taken.append(document)
            outcomes.append(self._store(document))
            if time.monotonic() >= deadline or len(taken) >= GROUP_DOCUMENTS:
                return

    def _store(self, document: Prepared) -> Outcome:
        # The audit trail records what people change; an archive import is recorded by its
        # source documents (file, checksum, time, parser), which the meeting's history lists.
        with disable_auditlog():
            outcome = store(document, dry_run=self.dry_run, publish=self.publish,
                            resolver=self.resolver)
        if outcome.failed or self.dry_run:
            # Whatever the resolver created for this document was rolled back with it.
            self.resolver = self._new_resolver()
        return outcome

    def _alone(self, document: Prepared) -> Outcome:
        try:
            with transaction.atomic():
                return self._store(document)
        except DatabaseError as error:
            self.resolver = None
            return Outcome(document.job.path, "failed", reason=f"could not be stored: {error}",
                           line=1, sha256=document.sha256, format=document.form)

    def _check_resolver(self) -> None:
        """Start a new resolver unless the registry is as this batch left it: any commit by
        someone else moves the public cache's generation on, and with it goes what the resolver
        remembers."""
        if self.resolver is None or generation() != self.generation:
            self.resolver = self._new_resolver()

    def _new_resolver(self) -> Resolver | None:
        # A dry run rolls every document back: each starts from the registry as it is.
        return None if self.dry_run else Resolver()

    def _keep_resolver(self) -> None:
        self.generation = generation()


def store_all(
    documents: Iterable[Prepared], *, dry_run: bool = False, publish: bool = False
) -> Iterator[list[Outcome]]:
    """Store prepared documents in order; yield the outcomes of each transaction once it has
    committed."""
    return _Store(dry_run=dry_run, publish=publish).groups(iter(documents))


def run(
    jobs: Sequence[Job],
    *,
    workers: int = 1,
    dry_run: bool = False,
    publish: bool = False,
    progress: Progress | None = None,
) -> list[Outcome]:
    """Import every job and return one outcome per job, in order."""
    known = frozenset() if dry_run else current_checksums()
    prepared = (
        _pooled(jobs, known, workers) if workers > 1 and len(jobs) > 1
        else _in_process(jobs, known)
    )
    outcomes: list[Outcome] = []
    for group in store_all(prepared, dry_run=dry_run, publish=publish):
        outcomes.extend(group)
        if progress is not None:
            for outcome in group:
                progress(outcome)
    return outcomes


def write_report(outcomes: Sequence[Outcome], path: str | os.PathLike[str]) -> None:
    """The report as CSV, or as JSON when the file name ends in .json."""
    target = Path(path)
    rows = [_report_row(outcome) for outcome in outcomes]
    if target.suffix.lower() == ".json":
        target.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=REPORT_FIELDS)
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "doubtful": " ".join(row["doubtful"])})


def _report_row(outcome: Outcome) -> dict[str, Any]:
    row = asdict(outcome)
    return {name: row[name] for name in REPORT_FIELDS}


def summary(outcomes: Sequence[Outcome], seconds: float) -> str:
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    review = sum(1 for outcome in outcomes if outcome.review == ReviewStatus.PENDING)
    parts = [f"{counts.get(status, 0)} {status}"
             for status in ("imported", "updated", "unchanged", "failed")]
    return (f"{len(outcomes)} documents in {seconds:.1f} s: {', '.join(parts)}; "
            f"{review} waiting for review")

