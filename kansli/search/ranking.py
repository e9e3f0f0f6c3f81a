"""Ranking the candidates an engine found, the same way for both engines.

The score is BM25's term-frequency part per clause, with a title match counting three times a
match in the text, phrases counting more than single words and the commonest Swedish words
counting little. There is no inverse document frequency: every result holds every clause, so it
would only reorder clauses of a query, not results. Equal scores keep the engine's order, the
most recently indexed first.

A candidate whose clauses are not all found here is dropped: an engine may find a phrase across
the end of the title and the start of the text, which is not a phrase to a reader.

Counting is done on the stored term strings with `str.count`, in C: a candidate's terms are
padded so that each term stands between spaces of its own (" a  b  c "), and a phrase is its
terms joined the same way, so a count finds whole terms and whole phrases only.
"""

from __future__ import annotations

from kansli.search import normalise
from kansli.search.engines import Candidate, Clause, Phrase

TITLE_WEIGHT = 3.0
PHRASE_WEIGHT = 1.5
COMMON_WEIGHT = 0.2
# BM25's usual constants, and the lengths (in words) of a typical title and item text.
K1, B = 1.2, 0.75
TITLE_LENGTH, TEXT_LENGTH = 6.0, 80.0
# A clause of more single terms than this (a widened prefix) is counted term by term instead.
FEW_TERMS = 4

COMMON_WORDS = frozenset(normalise.terms(
    "och att i på för som med av till en ett den det de är om har inte från vid var sig så "
    "men eller ska kan där denna detta dessa under efter mot samt"
))


class Scorer:
    """Scores entries for one query's clauses."""

    def __init__(self, clauses: list[Clause]) -> None:
        self.clauses = [(weight(clause), _counter(clause)) for clause in clauses]

    def __call__(self, title_terms: str, text_terms: str) -> float | None:
        """The entry's score; None when one of the clauses is missing."""
        title, text = _padded(title_terms), _padded(text_terms)
        title_length, text_length = _length(title_terms), _length(text_terms)
        total = 0.0
        for clause_weight, count in self.clauses:
            in_title, in_text = count(title), count(text)
            if not in_title and not in_text:
                return None
            total += clause_weight * (
                TITLE_WEIGHT * _saturated(in_title, title_length, TITLE_LENGTH)
                + _saturated(in_text, text_length, TEXT_LENGTH)
            )
        return total


def rank(candidates: list[Candidate], clauses: list[Clause]) -> list[int]:
    """The ids of the candidates that hold every clause, best first."""
    scorer = Scorer(clauses)
    scored = []
    for candidate in candidates:
        value = scorer(candidate.title_terms, candidate.text_terms)
        if value is not None:
            scored.append((value, candidate.id))
    scored.sort(reverse=True)
    return [pk for _value, pk in scored]


def phrase_starts(phrase: Phrase, terms: list[str]) -> list[int]:
    """The positions in `terms` where `phrase` begins."""
    first, rest = phrase[0], list(phrase[1:])
    width = len(phrase)
    return [
        at for at, term in enumerate(terms)
        if term == first and terms[at + 1 : at + width] == rest
    ]


def weight(clause: Clause) -> float:
    if any(len(phrase) > 1 for phrase in clause):
        return PHRASE_WEIGHT
    return COMMON_WEIGHT if is_common(clause) else 1.0


def is_common(clause: Clause) -> bool:
    """A clause of nothing but the commonest words (och, att, i …), phrases excepted."""
    return all(len(phrase) == 1 and phrase[0] in COMMON_WORDS for phrase in clause)


def _counter(clause: Clause):
    """A function counting the clause's occurrences in padded terms."""
    if len(clause) > FEW_TERMS and all(len(phrase) == 1 for phrase in clause):
        wanted = frozenset(phrase[0] for phrase in clause)
        return lambda padded: sum(1 for term in padded.split() if term in wanted)
    needles = [f" {'  '.join(phrase)} " for phrase in clause]
    return lambda padded: sum(padded.count(needle) for needle in needles)


def _padded(terms: str) -> str:
    return f" {terms.replace(' ', '  ')} "


def _length(terms: str) -> int:
    return terms.count(" ") + 1 if terms else 0


def _saturated(frequency: int, length: int, typical: float) -> float:
    if not frequency:
        return 0.0
    norm = K1 * (1 - B + B * length / typical)
    return frequency * (K1 + 1) / (frequency + norm)
