"""Found words marked in a title or in a snippet of text, as HTML with <mark>.

Words are matched as the index matches them — through their normalised terms — so a search for
"utvecklingsprogram" marks "utvecklingsprogrammet" too, and a phrase is marked only where its
words stand together.
"""

from __future__ import annotations

import html
import re

from django.utils.safestring import SafeString, mark_safe

from kansli.search import normalise
from kansli.search.engines import Clause
from kansli.search.ranking import phrase_starts

SNIPPET_WORDS = 32
# A snippet starts a few words before the first word it shows marked, for context.
LEAD_WORDS = 6
ELLIPSIS = "…"
# Where to start is looked for among the first found words only, so a long text full of a
# common word costs no more than a short one.
FIRST_FOUND = 100


def highlight(text: str, clauses: list[Clause]) -> SafeString:
    """All of `text` with the found words marked."""
    text = normalise.composed(text)
    words = list(normalise.spans(text))
    return _html(text, words, _found(words, clauses), 0, len(words))


def snippet(text: str, clauses: list[Clause], length: int = SNIPPET_WORDS) -> SafeString:
    """About `length` words of `text` around where most of the clauses are found, marked."""
    text = normalise.composed(text)
    words = list(normalise.spans(text))
    found = _found(words, clauses)
    start = _best_start(found, len(words), length)
    end = min(len(words), start + length)
    html = _html(text, words, found, start, end)
    before = f"{ELLIPSIS} " if start > 0 else ""
    after = f" {ELLIPSIS}" if end < len(words) else ""
    return mark_safe(f"{before}{html}{after}")


def _found(words: list[tuple[int, int, str]], clauses: list[Clause]) -> dict[int, int]:
    """Word positions that are found, each with the number of the clause that found it."""
    terms = [term for _start, _end, term in words]
    found: dict[int, int] = {}
    for number, clause in enumerate(clauses):
        for phrase in clause:
            for at in phrase_starts(phrase, terms):
                found.update((position, number) for position in range(at, at + len(phrase)))
    return found


def _best_start(found: dict[int, int], count: int, length: int) -> int:
    """Where a window of `length` words holds the most different clauses (earliest wins)."""
    best, best_start = -1, 0
    for position in sorted(found)[:FIRST_FOUND]:
        start = max(0, min(position - LEAD_WORDS, count - length))
        clauses = {found[p] for p in found if start <= p < start + length}
        if len(clauses) > best:
            best, best_start = len(clauses), start
    return best_start


def _html(text: str, words: list[tuple[int, int, str]], found: dict[int, int], start: int,
          end: int) -> SafeString:
    """Words start..end of `text`, escaped, found runs in <mark>, white space made single."""
    if start >= end:
        return mark_safe(_escaped(text).strip())
    # Characters from..to of the text are shown: from the text's start when the first word is,
    # to its end (a closing full stop) when the last word is.
    begin = 0 if start == 0 else words[start][0]
    finish = len(text) if end == len(words) else words[end - 1][1]
    parts, at = [], begin
    for run_start, run_end in _runs(text, words, found, start, end):
        parts += [_escaped(text[at:run_start]), "<mark>", _escaped(text[run_start:run_end]),
                  "</mark>"]
        at = run_end
    parts.append(_escaped(text[at:finish]))
    return mark_safe("".join(parts).strip())


def _runs(text: str, words: list[tuple[int, int, str]], found: dict[int, int], start: int,
          end: int) -> list[tuple[int, int]]:
    """Character spans to mark: found words, joined when only white space stands between."""
    runs: list[tuple[int, int]] = []
    for position in sorted(p for p in found if start <= p < end):
        word_start, word_end, _term = words[position]
        if runs and text[runs[-1][1] : word_start].isspace():
            runs[-1] = (runs[-1][0], word_end)
        else:
            runs.append((word_start, word_end))
    return runs


def _escaped(text: str) -> str:
    # The standard library's escape, as Django's does, without its lazy-string wrapping: a page
    # of results escapes a few hundred pieces.
    return html.escape(_single_spaced(text))


def _single_spaced(text: str) -> str:
    return re.sub(r"\s+", " ", text)
