"""`kansli render MEETING --format pdf|docx|html|txt -o FILE`: one meeting's minutes as a file."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from kansli.meetings.models import Meeting
from kansli.minutes.render import FORMATS, render
from kansli.minutes.render.document import build_document, load_meeting
from kansli.registry.models import Body

TEXT_FORMATS = {"html", "txt"}


class Command(BaseCommand):
    help = (
        "Write the minutes of one meeting as PDF, DOCX, HTML or plain text. MEETING is the "
        "meeting's id or its address, body-slug/YYYY-MM-DD (e.g. samarbetskommitten/2022-11-10). "
        "By default the full staff version is written, confidential items included; --public "
        "leaves them out. Text formats go to standard output unless -o names a file; the format "
        "is taken from the file's extension when --format is not given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("meeting", help="Meeting id, or body-slug/YYYY-MM-DD.")
        parser.add_argument(
            "--format", choices=sorted(FORMATS), dest="fmt",
            help="File format (default: from the -o extension, else txt).",
        )
        parser.add_argument(
            "-o", "--output", default="-", help="File to write; '-' (default) is standard output."
        )
        parser.add_argument(
            "--public", action="store_true",
            help="Leave out confidential items, as the public site does.",
        )
        parser.add_argument(
            "--language", default="sv", choices=[code for code, _name in settings.LANGUAGES],
            help="Language of the document's labels (default: sv).",
        )

    def handle(self, *args, meeting: str, fmt: str | None, output: str, public: bool,
               language: str, **options) -> None:
        fmt = fmt or format_for(output)
        with translation.override(language):
            doc = build_document(load_meeting(find_meeting(meeting)), for_public=public)
            content = render(doc, fmt)
        if output == "-":
            self._to_stdout(content, fmt)
        else:
            try:
                Path(output).write_bytes(content)
            except OSError as error:
                raise CommandError(f"Cannot write {output}: {error.strerror}.") from error

    def _to_stdout(self, content: bytes, fmt: str) -> None:
        if fmt in TEXT_FORMATS:
            self.stdout.write(content.decode(), ending="")
            return
        # A binary file on a terminal is garbage; piped or redirected it is what was asked for.
        binary_out = getattr(self.stdout, "buffer", None)
        if binary_out is None or self.stdout.isatty():
            raise CommandError(f"{fmt.upper()} is binary: write it to a file with -o FILE.")
        binary_out.write(content)
        binary_out.flush()


def format_for(output: str) -> str:
    """The format a file name asks for by its extension; plain text when it asks for none."""
    extension = Path(output).suffix.lstrip(".").lower()
    return extension if extension in FORMATS else "txt"


def find_meeting(reference: str) -> int:
    """The id of the meeting named by `reference`, or a CommandError saying what was not found."""
    if reference.isdigit():
        pk = Meeting.objects.filter(pk=int(reference)).values_list("pk", flat=True).first()
        if pk is None:
            raise CommandError(f"No meeting with id {reference}.")
        return pk
    body, _slash, slug = reference.partition("/")
    if not (body and slug) or "/" in slug:
        raise CommandError(
            f"“{reference}” is not a meeting id or an address like samarbetskommitten/2022-11-10."
        )
    found = Meeting.objects.filter(body__slug=body, slug=slug)
    pk = found.values_list("pk", flat=True).first()
    if pk is None:
        raise CommandError(_missing_at(body, slug))
    return pk


def _missing_at(body: str, slug: str) -> str:
    if not Body.objects.filter(slug=body).exists():
        return f"No body with the address “{body}”."
    return f"No meeting “{slug}” of body “{body}”."
