"""The full-text engines behind search: one interface, one module per database.

An engine only finds candidates: the newest `limit` entries that hold every clause of a resolved
query and carry the filters' facets, each with its terms. Ranking, the check that a phrase really
stands within one field, and highlighting happen once, in Python, for both engines
(`kansli.search.ranking`), so SQLite and PostgreSQL answer a search with the same results.

Taking the newest matches rather than ranking every match is what keeps a common word cheap: both
engines can stop after `limit` matches (FTS5 reads its doclists from the highest rowid down;
PostgreSQL walks the primary key backwards or sorts the few matches of a rare term).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models.functions import Length

from kansli.search.models import Term
from kansli.search.query import Query, TermKind

# At most this many terms stand for one prefix: the shortest, which are the likeliest meant
# (utveckl* -> utveckl, utvecklar, utveckling … before utvecklingsprogramsarbete).
PREFIX_TERMS = 50

Phrase = tuple[str, ...]
# A clause holds when any of its phrases is found; a word is a one-word phrase.
Clause = tuple[Phrase, ...]


@dataclass(frozen=True)
class Filters:
    """What a search is narrowed to; empty fields narrow nothing."""

    body_id: int | None = None
    year: int | None = None
    meeting_kind: str = ""

    def facets(self) -> list[str]:
        return facets(self.body_id, self.year, self.meeting_kind)


@dataclass(frozen=True)
class Candidate:
    id: int
    title_terms: str
    text_terms: str


class Engine(Protocol):
    def candidates(
        self, clauses: list[Clause], filters: Filters, limit: int
    ) -> list[Candidate]: ...

    def optimise(self) -> None:
        """Tidy the index after a full rebuild."""


def facets(body_id: int | None, year: int | None, meeting_kind: str) -> list[str]:
    """Filter values as terms no word can become: a word's term never holds '='."""
    values = {"body": body_id, "year": year, "kind": meeting_kind}
    return [f"={name}{_plain(value)}" for name, value in values.items() if value]


def _plain(value: object) -> str:
    # FTS5 would split planning_conference at the underscore; one token is what a facet needs.
    return re.sub(r"[^0-9a-z]", "", str(value).lower())


def resolve(query: Query) -> list[Clause]:
    """The query as clauses of concrete terms, prefixes widened through the term table.

    A prefix that widens to nothing leaves an empty clause: nothing can match it.
    """
    clauses: list[Clause] = []
    for term in query.terms:
        if term.kind is TermKind.PREFIX:
            prefix, *own = term.terms
            widened = [*own, *(t for t in terms_beginning(prefix) if t not in own)]
            clauses.append(tuple((t,) for t in widened))
        else:
            clauses.append((term.terms,))
    return clauses


def terms_beginning(prefix: str) -> list[str]:
    """Up to PREFIX_TERMS indexed terms that begin with `prefix`, shortest first.

    A range rather than LIKE, so both databases read it from the primary key's index (the column
    compares bytewise on both: SQLite's default, and "C" collation on PostgreSQL).
    """
    following = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return list(
        Term.objects.filter(term__gte=prefix, term__lt=following)
        .order_by(Length("term"), "term")
        .values_list("term", flat=True)[:PREFIX_TERMS]
    )


def current_engine() -> Engine:
    """The engine for the default database."""
    if connection.vendor == "sqlite":
        from kansli.search.engines.sqlite import SQLiteEngine

        return SQLiteEngine()
    if connection.vendor == "postgresql":
        from kansli.search.engines.postgres import PostgresEngine

        return PostgresEngine()
    raise ImproperlyConfigured(
        f"Search supports SQLite and PostgreSQL, not {connection.vendor}."
    )
