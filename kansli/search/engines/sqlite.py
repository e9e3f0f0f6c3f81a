"""SQLite: an FTS5 table over the index (see the search app's first migration).

The FTS5 table takes its content from `search_entry` (external content), kept in step by triggers,
so writing an `Entry` through the ORM is all indexing needs. Its text is already normalised, so
the tokenizer only splits at spaces and keeps å, ä and ö.
"""

from __future__ import annotations

from django.db import connection

from kansli.search.engines import Candidate, Clause, Filters

FTS_TABLE = "search_entry_fts"
WORD_COLUMNS = "{title_terms text_terms}"


class SQLiteEngine:
    def candidates(self, clauses: list[Clause], filters: Filters, limit: int) -> list[Candidate]:
        sql = (
            "SELECT e.id, e.title_terms, e.text_terms FROM search_entry AS e "
            f"JOIN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
            "ORDER BY rowid DESC LIMIT %s) AS found ON found.rowid = e.id ORDER BY e.id DESC"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match_expression(clauses, filters), limit])
            return [Candidate(*row) for row in cursor.fetchall()]

    def optimise(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")


def match_expression(clauses: list[Clause], filters: Filters) -> str:
    """An FTS5 query: every clause within the title or text, every facet within the facets."""
    words = " AND ".join(
        "(" + " OR ".join(_string(" ".join(phrase)) for phrase in clause) + ")"
        for clause in clauses
    )
    expression = f"{WORD_COLUMNS} : ({words})"
    facets = filters.facets()
    if facets:
        expression += " AND facets : (" + " AND ".join(map(_string, facets)) + ")"
    return expression


def _string(text: str) -> str:
    # An FTS5 string: any character but the double quote (doubled) is literal inside it.
    return '"' + text.replace('"', '""') + '"'
