"""`kansli import PATH...`: store minutes documents, one transaction each, a whole archive at once.

A module named after a Python keyword cannot be imported with an import statement, but Django
loads commands with importlib, which takes any name, and `kansli import` is the name users expect.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError
from tqdm import tqdm

from kansli.imports import batch


class Command(BaseCommand):
    help = (
        "Import minutes documents (text, Word .docx, PDF with a text layer, OpenDocument .odt), "
        "each in one transaction: a document is stored whole or not at all. Folders are searched "
        "for supported files, with --recursive also their subfolders. Documents are read and "
        "parsed on every core. Importing the same file again changes nothing, so an interrupted "
        "run can simply be started again; an edited version updates the same meeting. Prints one "
        "line per document (imported, updated or unchanged); a bad document is reported on "
        "standard error as FILE:LINE: message and the others go on. Exit status 2 if any "
        "document failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", help="Minutes documents, or folders of them."
        )
        parser.add_argument(
            "--recursive", "-r", action="store_true", help="Also import from subfolders."
        )
        parser.add_argument(
            "--jobs", "-j", type=int, default=os.cpu_count() or 1, metavar="N",
            help="Processes reading and parsing documents (default: one per core).",
        )
        parser.add_argument(
            "--report", metavar="FILE",
            help="Write what became of every document to FILE: CSV, or JSON if FILE ends .json.",
        )
        parser.add_argument(
            "--dry-run", action="store_true",
            help="Parse, resolve names and check everything, then store nothing.",
        )
        parser.add_argument(
            "--publish", action="store_true",
            help="Publish the imported minutes; without it they are drafts for the secretariat.",
        )
        parser.add_argument(
            "--no-progress", action="store_true",
            help="No progress bar (it is shown only when standard error is a terminal).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        jobs = batch.find_documents(options["paths"], recursive=options["recursive"])
        if options["jobs"] < 1:
            raise CommandError("--jobs must be at least 1")
        try:
            batch.current_checksums()
        except DatabaseError as error:
            raise CommandError(
                f"the database is not ready ({error}): run `kansli migrate` first"
            ) from error
        start = time.perf_counter()
        show_bar = not options["no_progress"] and sys.stderr.isatty()
        with tqdm(total=len(jobs), unit="doc", file=sys.stderr, disable=not show_bar) as bar:
            outcomes = batch.run(
                jobs, workers=options["jobs"], dry_run=options["dry_run"],
                publish=options["publish"],
                progress=lambda outcome: self._report(outcome, bar, options),
            )
        if options["report"]:
            batch.write_report(outcomes, options["report"])
        failed = sum(1 for outcome in outcomes if outcome.failed)
        if len(outcomes) > 1 or show_bar:
            self.stderr.write(batch.summary(outcomes, time.perf_counter() - start))
        if failed:
            raise CommandError(
                f"{failed} of {len(outcomes)} documents could not be imported", returncode=2
            )

    def _report(self, outcome: batch.Outcome, bar: tqdm, options: dict[str, Any]) -> None:
        bar.update()
        if outcome.failed:
            self._write(bar, self.stderr, f"{outcome.file}:{outcome.line}: {outcome.reason}")
        elif options["verbosity"] >= 1:
            suffix = " (dry run)" if options["dry_run"] else ""
            review = " [to review]" if outcome.review == "pending" else ""
            self._write(
                bar, self.stdout, f"{outcome.status}: {outcome.file} -> {outcome.meeting}"
                f"{review}{suffix}",
            )

    @staticmethod
    def _write(bar: tqdm, stream: Any, line: str) -> None:
        if bar.disable:
            stream.write(line)
        else:
            with bar.external_write_mode(file=stream):
                stream.write(line)
