import datetime

from django.core.management.base import BaseCommand, CommandError

from kansli.meetings.adoption import remind


class Command(BaseCommand):
    help = (
        "Remind the secretaries of each body, by e-mail, of the member organisations that have "
        "still not decided on a proposal after the day its adoption was expected. Each matter "
        "is reminded of once per expected day. `kansli worker` runs it every hour."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", help="Act as if today were this day (YYYY-MM-DD); for catching up.",
        )

    def handle(self, *args, **options):
        today = None
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError(
                    f"--date {options['date']!r} is not a date; write it as YYYY-MM-DD."
                ) from None
        reminded = remind(today)
        self.stdout.write(f"{reminded} matter(s) with pending adoptions reminded of")
