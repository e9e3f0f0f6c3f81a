"""`kansli reindex`: build the search index again from the published minutes."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from kansli.search.indexing import reindex_all


class Command(BaseCommand):
    help = (
        "Build the search index again from scratch: every non-confidential item of published "
        "minutes, and every public matter that a published item deals with. The index follows "
        "publishing and corrections by itself; run this after restoring a database backup, "
        "after loading data with loaddata, or when upgrading Kansli from a version without "
        "search."
    )

    def handle(self, *args, **options) -> None:
        items, matters = reindex_all()
        self.stdout.write(f"Indexed {items} items and {matters} matters.")
