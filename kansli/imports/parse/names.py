"""Comparing names as different parts of one document write them.

The same person may appear as "Anita Mattsson" in the list and "Anita Mattson(S)" in the text, as
"Kommundirektör Karin Widell" in a sentence, or as "SR" or "D. Okonjo" in an action line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_PAREN = re.compile(r"\([^)]*\)")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """A form of a name for comparison: composed, case-folded, without parentheses."""
    name = unicodedata.normalize("NFC", _PAREN.sub(" ", name))
    return _SPACES.sub(" ", name).strip(" ,.;:").casefold()


def _close(a: str, b: str) -> bool:
    """Equal, or one letter inserted, dropped or changed, in a word long enough to be sure."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def same_name(listed: str, written: str) -> bool:
    """Whether `written` names `listed`, allowing a misspelt surname or a title before it."""
    listed_words, written_words = name_key(listed).split(), name_key(written).split()
    if not listed_words or len(written_words) < len(listed_words):
        return False
    tail = written_words[-len(listed_words) :]
    return tail[:-1] == listed_words[:-1] and _close(tail[-1], listed_words[-1])


def find_person(names: Iterable[str], written: str) -> str | None:
    """The one name in `names` that `written` refers to, preferring an exact match."""
    candidates = list(names)
    key = name_key(written)
    exact = [n for n in candidates if name_key(n) == key]
    if exact:
        return exact[0]
    close = [n for n in candidates if same_name(n, written)]
    return close[0] if len(close) == 1 else None


def _abbreviates(words: list[str], parts: list[str]) -> bool:
    """ "david" abbreviates "david okonjo" (a first name), and so does "d. okonjo"."""
    if not parts:
        return False
    if len(words) == 1:
        return parts[0] == words[0]
    return words[-1] == parts[-1] and words[0].rstrip(".")[:1] == parts[0][:1]


def abbreviated_match(names: Iterable[str], written: str) -> str | None:
    """Resolve "D. Okonjo" or "David" to the one listed name it can stand for."""
    words = name_key(written).split()
    if not words:
        return None
    matches = [name for name in names if _abbreviates(words, name_key(name).split())]
    return matches[0] if len(matches) == 1 else None
