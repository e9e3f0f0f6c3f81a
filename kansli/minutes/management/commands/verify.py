from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kansli.minutes.signing import SigningError
from kansli.minutes.verification import verify


class Command(BaseCommand):
    help = (
        "Check a published minutes PDF: that its signature is intact, covers the whole file and "
        "was made with the organisation's certificate, and that the file is one Kansli "
        "published from a signed version. Exit status 0 when it is genuine, 1 otherwise."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The PDF to check.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from None
        try:
            verdict = verify(data)
        except SigningError as error:
            raise CommandError(str(error)) from None
        if not verdict.ok:
            raise CommandError(f"{path}: {verdict.problem}")
        self._report(path, verdict)

    def _report(self, path, verdict):
        version = verdict.published.version
        self.stdout.write(f"{path}: genuine")
        self.stdout.write(f"  signed by {verdict.check.signer}")
        self.stdout.write(f"  minutes: {version.minutes}, version {version.number}")
        for signature in version.signatures.select_related("signer"):
            when = timezone.localtime(signature.signed_at).strftime("%Y-%m-%d %H:%M")
            self.stdout.write(
                f"  adjusted by {signature.signer} ({signature.get_role_display()}) {when}"
            )
