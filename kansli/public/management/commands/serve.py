from __future__ import annotations

import os
import subprocess
import sys

from django.core.management.base import BaseCommand
from gunicorn.app.base import BaseApplication


class KansliServer(BaseApplication):
    """gunicorn, configured from the command line instead of a config file."""

    def __init__(self, options: dict[str, object]):
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from kansli.wsgi import application

        return application


class Command(BaseCommand):
    help = (
        "Serve Kansli with gunicorn, the production server; static files are served by "
        "whitenoise (run `kansli collectstatic` first). Also runs `kansli worker`, which sends "
        "e-mail and reminders, unless --no-worker. Stop with Ctrl-C."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind", default=os.environ.get("KANSLI_BIND", "127.0.0.1:8000"),
            help="Address and port to listen on (default: $KANSLI_BIND or 127.0.0.1:8000).",
        )
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("KANSLI_WORKERS", "2")),
            help="Number of worker processes (default: $KANSLI_WORKERS or 2).",
        )
        parser.add_argument(
            "--no-worker", action="store_false", dest="worker",
            help="Do not start `kansli worker` (when it runs elsewhere, e.g. its own service).",
        )

    def handle(self, *args, **options):
        self.stdout.write(f"Kansli on http://{options['bind']}/")
        server_options: dict[str, object] = {
            "bind": options["bind"],
            "workers": options["workers"],
            "accesslog": "-",
        }
        if os.path.isdir("/dev/shm"):
            # gunicorn's heartbeat files on a RAM disk: no stalls on slow disks.
            server_options["worker_tmp_dir"] = "/dev/shm"
        worker = self._start_worker() if options["worker"] else None
        try:
            KansliServer(server_options).run()
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=10)

    def _start_worker(self) -> subprocess.Popen:
        # A process of its own: gunicorn forks and kills its workers, and the task worker must
        # neither be forked with them nor hold up their restarts.
        return subprocess.Popen([sys.executable, "-m", "kansli.cli", "worker", "--verbosity", "0"])
