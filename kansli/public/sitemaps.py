"""sitemap.xml: every public page, from the same `access` querysets the pages themselves use."""

from __future__ import annotations

import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from kansli.meetings.models import Decision, Matter, Meeting
from kansli.public import access
from kansli.registry.models import Body, Person


class PageSitemap(Sitemap):
    """Pages that are not about one record."""

    def items(self) -> list[str]:
        return [
            "public:home", "public:accessibility", "public:decisions", "public:matters",
            "public:adoptions", "public:meetings", "public:subscribe",
        ]

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


class MeetingYearSitemap(Sitemap):
    def items(self) -> list[int]:
        return access.meeting_years()

    def location(self, year: int) -> str:
        return reverse("public:meeting_year", kwargs={"year": year})


class MatterSitemap(Sitemap):
    def items(self) -> QuerySet[Matter]:
        return access.public_matters().order_by("slug")

    def location(self, matter: Matter) -> str:
        return reverse("public:matter", kwargs={"slug": matter.slug})


class DecisionSitemap(Sitemap):
    def items(self) -> QuerySet[Decision]:
        return access.public_decisions().order_by("pk")

    def location(self, decision: Decision) -> str:
        return reverse("public:decision", kwargs={"pk": decision.pk})


SITEMAPS = {
    "pages": PageSitemap,
    "bodies": BodySitemap,
    "meetings": MeetingSitemap,
    "years": MeetingYearSitemap,
    "people": PersonSitemap,
    "matters": MatterSitemap,
    "decisions": DecisionSitemap,
}
