"""PostgreSQL: a generated tsvector column with a GIN index (see the search app's migrations).

The column is built with the `simple` configuration from the already normalised terms, so the
same Swedish normaliser decides what matches on both databases; PostgreSQL's own `swedish`
configuration would stem a second time, differently, and drop stop words that phrases need.

The newest matches are found without walking the table. Asking for them in one query costs, for
a word of middling frequency, tens of thousands of rows read: the planner either scans the primary
key backwards, filtering, or fetches every match to sort them. Instead the GIN index is asked for
slices it can answer cheaply, each stopping at a LIMIT:

1. the newest year's matches (the query ANDed with the year's facet, a small intersection however
   common the word): a common word ends here;
2. otherwise, when the newest year suggests there are not many, all matches, up to
   `ALL_AT_ONCE`: when fewer come back, they are all there are, and the newest are taken from
   them;
3. otherwise (many matches, few of them recent) the years one by one, newest first.

The planner is kept to the GIN index for these queries: it assumes matches lie spread evenly over
the table, while a year's lie together, so it would otherwise sometimes scan the table from its
oldest rows.
"""

from __future__ import annotations

from django.db import connection, transaction

from kansli.search.engines import Candidate, Clause, Filters, facets
from kansli.search.models import Entry

SLICE = (
    "SELECT id, title_terms, text_terms FROM search_entry "
    "WHERE document @@ %s::tsquery LIMIT %s"
)
GIN_ONLY = "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off"
# How many matches of a search step 2 reads at most to find the newest among them.
ALL_AT_ONCE = 2000


class PostgresEngine:
    def candidates(self, clauses: list[Clause], filters: Filters, limit: int) -> list[Candidate]:
        query = tsquery(clauses, filters)
        years = [filters.year] if filters.year else Entry.objects.years()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(GIN_ONLY)
            found = _newest(cursor, query, years, limit)
        return sorted(found, key=lambda candidate: candidate.id, reverse=True)[:limit]

    def optimise(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_entry")


def _newest(cursor, query: str, years: list[int], limit: int) -> list[Candidate]:
    if not years:
        return []
    newest = _slice(cursor, _in_year(query, years[0]), limit)
    if len(newest) >= limit or len(years) == 1:
        return newest
    # As many matches a year as in the newest: few enough to read them all?
    if max(len(newest), 1) * len(years) < ALL_AT_ONCE:
        everything = _slice(cursor, query, ALL_AT_ONCE)
        if len(everything) < ALL_AT_ONCE:
            return everything
    found = newest
    for year in years[1:]:
        found += _slice(cursor, _in_year(query, year), limit - len(found))
        if len(found) >= limit:
            break
    return found


def _slice(cursor, query: str, limit: int) -> list[Candidate]:
    cursor.execute(SLICE, [query, limit])
    return [Candidate(*row) for row in cursor.fetchall()]


def _in_year(query: str, year: int) -> str:
    return " & ".join([query, *map(_lexeme, facets(None, year, ""))])


    def optimise(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_entry")


def tsquery(clauses: list[Clause], filters: Filters) -> str:
    """A tsquery in its text form: lexemes quoted, phrases joined with <->."""
    parts = [
        "(" + " | ".join("(" + " <-> ".join(map(_lexeme, phrase)) + ")" for phrase in clause) + ")"
        for clause in clauses
    ]
    parts += [_lexeme(facet) for facet in filters.facets()]
    return " & ".join(parts)


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"
