"""A reader's search, read into terms: words, "phrases in quotation marks" and prefixes*.

Every term must be found (AND). A word matches any inflection of itself (see `normalise`); a
phrase matches its words next to each other, in order; a prefix matches every word that begins
with it. Anything else a reader may type (punctuation, §) only separates words. What cannot be
read — an unclosed quotation mark, an asterisk inside a word — raises `QueryError` with a message
for the reader that names the part at fault.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from django.utils.translation import gettext_lazy as _

from kansli.search import normalise

LONGEST_QUERY = 200
MOST_TERMS = 8
SHORTEST_PREFIX = 3

# Swedish typography writes ”citat” with the same mark at both ends; „ « » “ come from elsewhere.
QUOTES = str.maketrans({"”": '"', "“": '"', "„": '"', "«": '"', "»": '"'})
PIECE = re.compile(r'"(?P<quoted>[^"]*)(?P<closed>"?)|(?P<bare>[^\s"]+)')


class QueryError(ValueError):
    """A search that cannot be read; the message says why, for the reader."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TermKind(Enum):
    WORD = "word"
    PHRASE = "phrase"
    PREFIX = "prefix"


@dataclass(frozen=True)
class QueryTerm:
    """One thing to find. `terms` are normalised: the word's term, or the phrase's terms in order;
    for a prefix, the prefix as typed (folded), then the typed word's own term when the prefix
    does not already cover it."""

    kind: TermKind
    typed: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Query:
    text: str
    terms: tuple[QueryTerm, ...]


def parse(text: str) -> Query:
    """Read `text` into a Query, or raise QueryError."""
    text = text.strip()
    if len(text) > LONGEST_QUERY:
        raise QueryError(
            _("The search is too long: at most %(limit)d characters.") % {"limit": LONGEST_QUERY}
        )
    found: list[QueryTerm] = []
    for piece in PIECE.finditer(text.translate(QUOTES)):
        term = _quoted(piece) if piece.group("bare") is None else _bare(piece.group("bare"))
        if term is not None and (term.kind, term.terms) not in {(t.kind, t.terms) for t in found}:
            found.append(term)
    if not found:
        raise QueryError(_("Write at least one word to search for."))
    if len(found) > MOST_TERMS:
        raise QueryError(
            _("At most %(limit)d words or phrases can be searched for at once.")
            % {"limit": MOST_TERMS}
        )
    return Query(text=text, terms=tuple(found))


def _quoted(piece: re.Match[str]) -> QueryTerm | None:
    inside = piece.group("quoted")
    if not piece.group("closed"):
        raise QueryError(
            _("A quotation mark is not closed: “%(text)s”. Put a \" at the end of the phrase.")
            % {"text": inside.strip()}
        )
    if "*" in inside:
        raise QueryError(
            _("An asterisk (*) cannot be used inside quotation marks: “%(text)s”.")
            % {"text": inside}
        )
    written = normalise.words(inside)
    if not written:
        raise QueryError(_("The quotation marks hold no words to search for."))
    return _words(written, typed=f'"{inside}"')


def _bare(chunk: str) -> QueryTerm | None:
    stem, stars = chunk.rstrip("*"), len(chunk) - len(chunk.rstrip("*"))
    if "*" in stem:
        raise QueryError(
            _("An asterisk (*) can only end a word, as in utveckl*: “%(text)s”.") % {"text": chunk}
        )
    written = normalise.words(stem)
    if not stars:
        return _words(written, typed=chunk) if written else None
    return _prefix(written, typed=chunk)


def _words(written: list[str], typed: str) -> QueryTerm:
    terms = tuple(normalise.normalise_word(word) for word in written)
    kind = TermKind.WORD if len(terms) == 1 else TermKind.PHRASE
    return QueryTerm(kind, typed, terms)


def _prefix(written: list[str], typed: str) -> QueryTerm:
    if not written:
        raise QueryError(
            _("An asterisk (*) must follow the start of a word, as in utveckl*: “%(text)s”.")
            % {"text": typed}
        )
    if len(written) > 1:
        raise QueryError(
            _("An asterisk (*) can only end a single word, as in utveckl*: “%(text)s”.")
            % {"text": typed}
        )
    prefix = normalise.fold(written[0])
    if len(prefix) < SHORTEST_PREFIX:
        raise QueryError(
            _("Write at least %(count)d letters before the asterisk: “%(text)s”.")
            % {"count": SHORTEST_PREFIX, "text": typed}
        )
    # The typed word's own term too, so that möte* finds "möte" (term "möt") and planer* finds
    # "planerna" (term "pla"), which no term beginning with the typed letters covers.
    own = normalise.normalise_word(prefix)
    return QueryTerm(TermKind.PREFIX, typed, (prefix,) if own.startswith(prefix) else (prefix, own))
