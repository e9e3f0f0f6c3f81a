import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from kansli.meetings.adoption import remind as remind_adoptions
from kansli.minutes.reminders import send_reminders
from kansli.notices.outbox import send_due


class Command(BaseCommand):
    help = (
        "Run Kansli's background work: send queued e-mail (retrying failures) and, every hour, "
        "the reminders of `kansli send-reminders` and `kansli remind-adoptions`. `kansli serve` "
        "starts one; run it yourself when the web server runs elsewhere. Stop with Ctrl-C."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=1.0,
            help="Seconds to wait for new work when the queue is empty (default 1).",
        )
        parser.add_argument(
            "--periodic", type=float, default=3600.0,
            help="Seconds between runs of the reminders and e-mail retries (default 3600).",
        )

    def handle(self, *args, **options):
        stop = threading.Event()
        periodic = threading.Thread(
            target=self._periodic, args=(options["periodic"], stop), daemon=True
        )
        periodic.start()
        try:
            call_command(
                "db_worker", interval=options["interval"], reload=False,
                verbosity=options["verbosity"],
            )
        finally:
            stop.set()

    def _periodic(self, seconds: float, stop: threading.Event) -> None:
        while not stop.is_set():
            close_old_connections()
            try:
                send_reminders()
                remind_adoptions()
                send_due()
            except Exception as error:  # the next round tries again; the worker must go on
                self.stderr.write(f"periodic work failed: {error}")
            finally:
                close_old_connections()
            stop.wait(seconds)
