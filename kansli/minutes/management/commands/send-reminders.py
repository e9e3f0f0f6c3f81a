from django.core.management.base import BaseCommand

from kansli.minutes.reminders import send_reminders
from kansli.notices.outbox import send_due


class Command(BaseCommand):
    help = (
        "Remind signers of minutes whose adjustment deadline is three days away or less, and "
        "retry e-mail whose next attempt is due. `kansli worker` runs it every hour; run it "
        "from cron instead when the worker runs elsewhere."
    )

    def handle(self, *args, **options):
        reminded = send_reminders()
        retried = send_due()
        self.stdout.write(f"{reminded} reminded, {retried} e-mail sent again")
