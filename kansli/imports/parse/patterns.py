"""Case-insensitive patterns guarded by plain keywords.

Python's `re` tries every branch of a long case-insensitive alternation at every position of a text,
which makes such searches over whole documents the parser's main cost. Each guarded pattern lists
words (lower case) that every match contains; a substring test for them rules out most texts, and
the pattern then runs only in windows around the places where one of them occurs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# How far a match may reach from its keyword, either way.
REACH = 160


class Guarded:
    """A compiled pattern and the keywords any of its matches contains."""

    def __init__(
        self, pattern: str, words: tuple[str, ...], flags: int = re.IGNORECASE, reach: int = REACH
    ) -> None:
        self.pattern = re.compile(pattern, flags)
        self.words = words
        self.reach = reach

    def possible(self, text: str) -> bool:
        lowered = text.lower()
        # map() over the bound method runs in C; a generator costs a frame per word.
        return any(map(lowered.__contains__, self.words))

    def windows(self, text: str, lowered: str | None = None) -> list[tuple[int, int]]:
        """Merged stretches of `text` around each keyword occurrence (`lowered` is text.lower())."""
        lowered = text.lower() if lowered is None else lowered
        if len(lowered) != len(text):  # a few characters change length when lower-cased
            return [(0, len(text))] if self.possible(text) else []
        spans = []
        for word in self.words:
            start = lowered.find(word)
            while start >= 0:
                spans.append(
                    (max(0, start - self.reach), min(len(text), start + len(word) + self.reach))
                )
                start = lowered.find(word, start + 1)
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)

    def finditer(self, text: str, lowered: str | None = None) -> Iterator[re.Match[str]]:
        if len(text) <= 2 * self.reach:  # a sentence or a line: no windows needed
            if self.possible(text):
                yield from self.pattern.finditer(text)
            return
        for start, end in self.windows(text, lowered):
            yield from self.pattern.finditer(text, start, end)
