"""The search index: one row per searchable unit, written only by `kansli.search.indexing`.

Only published, non-confidential content ever becomes an `Entry`, so nothing the search engines
find needs a second visibility check. Each database adds its own full-text structure over the
`*_terms` and `facets` columns in the migrations: an FTS5 table kept in step by triggers on SQLite,
a generated tsvector column with a GIN index on PostgreSQL.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kansli.meetings.models import Matter, Meeting, MeetingKind
from kansli.registry.models import Body


class EntryKind(models.TextChoices):
    ITEM = "item", _("Item")
    MATTER = "matter", _("Matter")


class EntryQuerySet(models.QuerySet):
    def years(self) -> list[int]:
        """Every year from the newest indexed to the oldest (two index look-ups, not a scan)."""
        span = self.aggregate(first=models.Min("year"), last=models.Max("year"))
        if span["first"] is None:
            return []
        return list(range(span["last"], span["first"] - 1, -1))


class Entry(models.Model):
    """One searchable unit: a published agenda item with its decisions, or a public matter."""

    kind = models.CharField(_("kind"), max_length=10, choices=EntryKind.choices)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="search_entries",
        verbose_name=_("meeting"),
        help_text=_("The meeting of the item; for a matter, the meeting its link leads to."),
    )
    matter = models.ForeignKey(
        Matter, null=True, blank=True, on_delete=models.CASCADE, related_name="search_entries",
        verbose_name=_("matter"),
    )
    body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.CASCADE, related_name="search_entries",
        verbose_name=_("body"),
    )
    date = models.DateField(_("date"), help_text=_("The meeting's date."))
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    meeting_kind = models.CharField(
        _("kind of meeting"), max_length=30, choices=MeetingKind.choices, blank=True
    )
    number = models.CharField(_("number"), max_length=20, blank=True)
    url = models.CharField(_("address"), max_length=500)
    title = models.CharField(_("title"), max_length=500)
    text = models.TextField(_("text"), blank=True, help_text=_("Narrative and decisions."))
    title_terms = models.TextField(help_text=_("The title's search terms, space-separated."))
    text_terms = models.TextField(help_text=_("The text's search terms, space-separated."))
    facets = models.CharField(
        max_length=200, help_text=_("Filter values as search terms: =body12 =year2022 …")
    )

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self) -> str:
        return self.title


class Term(models.Model):
    """A search term that occurs in the index, so a prefix can be widened into terms cheaply.

    Terms are added as entries are written and only cleared by a full reindex: a term no entry
    holds any longer matches nothing, so it costs a prefix search nothing but a slot.
    """

    term = models.CharField(_("term"), max_length=64, primary_key=True)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def __str__(self) -> str:
        return self.term
