"""`kansli parse FILE`: what the parser reads from a minutes document, as JSON."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansli.imports.parse import ParseError, parse_file
from kansli.imports.pipeline import at_line


class Command(BaseCommand):
    help = (
        "Parse a minutes document and print the result as one JSON object in the corpus "
        "schema (docs/import-format.md). Writes nothing to the database. A document that "
        "cannot be read is reported as FILE:LINE: message, with exit status 2."
    )
    # Parsing touches no database, so it works before `kansli migrate`; the corpus scorer runs
    # it once per document, so start-up checks would also cost it time.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FILE", help="A minutes document.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            parsed = parse_file(options["file"])
        except ParseError as error:
            raise CommandError(str(at_line(error)), returncode=2) from error
        self.stdout.write(json.dumps(parsed.to_dict(), ensure_ascii=False, indent=2))
