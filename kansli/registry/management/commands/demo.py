from django.core.management.base import BaseCommand

from kansli.demo import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo data: the Södertörn municipalities' cooperation committee, its "
        "management group, people in their posts, and meetings that are planned, held with "
        "published minutes, held with draft minutes, and cancelled. Running it again changes "
        "nothing."
    )

    def handle(self, *args, **options):
        demo = load_demo()
        url = demo.published.get_absolute_url()
        self.stdout.write(f"Demo: {demo.body} – published minutes at {url}")
