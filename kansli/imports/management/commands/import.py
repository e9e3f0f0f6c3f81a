"""`kansli import FILE...`: store minutes documents, one transaction each.

A module named after a Python keyword cannot be imported with an import statement, but Django
loads commands with importlib, which takes any name, and `kansli import` is the name users expect.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansli.imports.parse import ParseError
from kansli.imports.pipeline import import_file


class Command(BaseCommand):
    help = (
        "Import minutes documents, each in one transaction: a document is stored whole or not "
        "at all. Importing the same file again changes nothing; an edited version updates the "
        "same meeting. Prints one line per document (imported, updated or unchanged); a bad "
        "document is reported on standard error as FILE:LINE: message and the others go on. "
        "Exit status 2 if any document failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE", help="Minutes documents.")
        parser.add_argument(
            "--dry-run", action="store_true",
            help="Parse, resolve names and check everything, then store nothing.",
        )
        parser.add_argument(
            "--publish", action="store_true",
            help="Publish the imported minutes; without it they are drafts for the secretariat.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        files: list[str] = options["files"]
        suffix = " (dry run)" if options["dry_run"] else ""
        failed = 0
        for name in files:
            try:
                result = import_file(name, dry_run=options["dry_run"], publish=options["publish"])
            except ParseError as error:
                self.stderr.write(str(error))
                failed += 1
                continue
            self.stdout.write(f"{result.status}: {name} -> {result.meeting}{suffix}")
        if failed:
            raise CommandError(
                f"{failed} of {len(files)} documents could not be imported", returncode=2
            )
