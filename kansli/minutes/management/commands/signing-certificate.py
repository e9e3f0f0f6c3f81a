from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kansli.minutes import signing


class Command(BaseCommand):
    help = (
        "Create a self-signed certificate and key for signing published PDFs, at "
        "KANSLI_SIGNING_CERT and KANSLI_SIGNING_KEY (by default under KANSLI_DATA_DIR/signing/). "
        "For demos and tests: a real deployment uses a certificate issued to the organisation."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--name", default=settings.KANSLI_SITE_NAME,
            help="The certificate's common name (default: KANSLI_SITE_NAME).",
        )
        parser.add_argument(
            "--organisation", default=settings.KANSLI_SITE_NAME,
            help="The organisation named in the certificate (default: KANSLI_SITE_NAME).",
        )
        parser.add_argument(
            "--force", action="store_true", help="Replace an existing certificate and key."
        )
        parser.add_argument(
            "--if-missing", action="store_true",
            help="Do nothing when a certificate is already there (for scripts such as make demo).",
        )

    def handle(self, *args, **options):
        if options["if_missing"] and signing.is_configured():
            self.stdout.write(f"Keeping {settings.KANSLI_SIGNING_CERT}")
            return
        try:
            path = signing.create_certificate(
                options["name"], options["organisation"], force=options["force"]
            )
        except signing.SigningError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Wrote {path} and {settings.KANSLI_SIGNING_KEY}")
