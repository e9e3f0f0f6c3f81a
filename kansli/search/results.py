"""A search from query to a page of highlighted results: engine, ranking, page, snippets.

Only the newest `CANDIDATES` matches are ranked (see `engines`): a search that matches more says
so, and the reader narrows it with the filters.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from kansli.search import highlight, ranking
from kansli.search.engines import Candidate, Clause, Filters, current_engine, resolve
from kansli.search.models import Entry
from kansli.search.query import Query

CANDIDATES = 500
PAGE_SIZE = 20


@dataclass
class Hit:
    entry: Entry
    title: SafeString
    snippet: SafeString

    @property
    def item_label(self) -> str:
        """"§ 12" as a protokoll numbers it; "item 4" for minnesanteckningar."""
        number = self.entry.number
        return number if number.startswith("§") else _("item %(number)s") % {"number": number}


@dataclass
class Results:
    query: Query
    page: Page
    count: int
    capped: bool  # more matches than were ranked

    @property
    def limit(self) -> int:
        return CANDIDATES


def find(query: Query, filters: Filters, page: int | str | None = 1) -> Results:
    """The page `page` of the results of `query` (a page out of range gives the nearest)."""
    clauses = resolve(query)
    found = _candidates(clauses, filters) if all(clauses) else []
    ranked = ranking.rank(found[:CANDIDATES], clauses)
    shown = Paginator(ranked, PAGE_SIZE).get_page(page)
    shown.object_list = hits(list(shown.object_list), clauses)
    return Results(query, shown, count=len(ranked), capped=len(found) > CANDIDATES)


def found_among(query: Query, entry_ids: set[int], filters: Filters) -> list[Hit]:
    """Those of the entries `entry_ids` that `query` finds, best first. The entries must be
    among the newest that `filters` admit, as a meeting's entries are once it is indexed."""
    clauses = resolve(query)
    found = _candidates(clauses, filters) if all(clauses) else []
    ranked = ranking.rank([each for each in found if each.id in entry_ids], clauses)
    return hits(ranked, clauses)


def _candidates(clauses: list[Clause], filters: Filters) -> list[Candidate]:
    """One more candidate than is ranked, to know whether there are more.

    The commonest words (och, att, i …) stand in nearly every entry: asking the engine for them
    costs it the most and narrows nothing, so it is asked for the other clauses only, and the
    ranking, which sees every clause, drops the rare entry without them.
    """
    narrowing = [clause for clause in clauses if not ranking.is_common(clause)]
    return current_engine().candidates(narrowing or clauses, filters, CANDIDATES + 1)


def hits(ids: list[int], clauses: list[Clause]) -> list[Hit]:
    """The entries of `ids`, in that order, with their title and a snippet marked."""
    entries = (
        Entry.objects.select_related("body").defer("title_terms", "text_terms", "facets")
        .in_bulk(ids)
    )
    return [_hit(entries[pk], clauses) for pk in ids if pk in entries]


def _hit(entry: Entry, clauses: list[Clause]) -> Hit:
    return Hit(
        entry=entry,
        title=highlight.highlight(entry.title, clauses),
        snippet=highlight.snippet(entry.text, clauses) if entry.text else SafeString(""),
    )

