"""sitemap.xml: every public page, from the same `access` querysets the pages themselves use."""

from __future__ import annotations

import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from kansli.meetings.models import Meeting
from kansli.public import access
from kansli.registry.models import Body, Person


class PageSitemap(Sitemap):
    """Pages that are not about one record."""

    def items(self) -> list[str]:
        return ["public:home", "public:accessibility"]

    def location(self, item: str) -> str:
        return reverse(item)


class BodySitemap(Sitemap):
    def items(self) -> QuerySet[Body]:
        return access.public_bodies().order_by("slug")


class MeetingSitemap(Sitemap):
    def items(self) -> QuerySet[Meeting]:
        return access.public_meetings().order_by("body__slug", "date", "pk")

    def lastmod(self, meeting: Meeting) -> datetime.datetime | None:
        # A meeting page changes for good when its minutes come out.
        return meeting.minutes_published_at


class PersonSitemap(Sitemap):
    def items(self) -> QuerySet[Person]:
        return access.public_people().order_by("slug")


SITEMAPS = {
    "pages": PageSitemap,
    "bodies": BodySitemap,
    "meetings": MeetingSitemap,
    "people": PersonSitemap,
}
