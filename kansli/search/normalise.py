"""Swedish words reduced to one search term per word family, for the index and the query alike.

The Snowball Swedish stemmer alone leaves forms apart that a Swedish reader takes for one word:
utvecklingsprogram / utvecklingsprogrammet / utvecklingsprogrammen, bostad / bostaden / bostäder,
strategi / strategin, år / året. So a word goes through three steps:

1. umlaut plurals are put back to their singular (bostäder -> bostad, ledamöter -> ledamot), also
   at the end of a compound;
2. Snowball's Swedish stemmer;
3. our endings: the definite -et, -en and -n that Snowball leaves on short or vowel-final words,
   and a doubled final consonant (programm -> program, kontroll -> kontrol).

Steps 2 and 3 repeat until the term stops changing, so a term is its own term: that is what makes a
base form and its definite form meet (bostaden -> bostad -> bost, bostad -> bost). The cost is an
occasional over-short term (kommun -> kommu); since index and query share it, only unrelated words
that happen to meet could be confused, which matters less to a search than a missed inflection.

Framework-free: no Django, no database.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Protocol

import snowballstemmer

# A word is a run of letters and digits; everything else (hyphens, §, quotes) separates words.
WORD = re.compile(r"[^\W_]+")
LONGEST_TERM = 64
VOWELS = frozenset("aeiouyåäö")

# Accents that Swedish spelling does not distinguish (kommittén = kommitten), and the Danish and
# Norwegian letters written for the Swedish ones. å, ä and ö are letters of their own and stay.
FOLD = str.maketrans({
    "é": "e", "è": "e", "ê": "e", "ë": "e", "á": "a", "à": "a", "â": "a", "í": "i", "ì": "i",
    "î": "i", "ï": "i", "ó": "o", "ò": "o", "ô": "o", "ú": "u", "ù": "u", "û": "u", "ü": "u",
    "ç": "c", "ñ": "n", "æ": "ä", "ø": "ö",
})

# Plurals that change the vowel, as the stem before the plural ending -> the singular. Only words
# common in minutes, where the plural cannot be read as another word (händer is also "happens").
UMLAUT_PLURALS = {
    "städ": "stad",
    "länd": "land",
    "stränd": "strand",
    "bönd": "bonde",
    "ledamöt": "ledamot",
    "böck": "bok",
    "fött": "fot",
    "rött": "rot",
    "nätt": "natt",
    "sön": "son",
}
UMLAUT_PLURAL = re.compile(rf"({'|'.join(UMLAUT_PLURALS)})(?:er|erna|ernas|ers)$")
# man -> män: tjänstemän, ombudsmän, förtroendemän.
MEN = re.compile(r"män(?:nen|nens|s)?$")

_ROUNDS = 4
# A Snowball stemmer keeps the word it works on in itself, so each thread has its own.
_stemmers = threading.local()


def words(text: str) -> list[str]:
    """The words of `text` as written (not yet normalised)."""
    return WORD.findall(composed(text))


def composed(text: str) -> str:
    """`text` in composed form (NFC): a decomposed ä is one letter, as the index reads it."""
    return unicodedata.normalize("NFC", text)


def spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Each word of `text` as (start, end, term); `text` must be `composed`."""
    for match in WORD.finditer(text):
        yield match.start(), match.end(), normalise_word(match.group())


def terms(text: str) -> list[str]:
    """The search terms of `text`, one per word, in order."""
    return [normalise_word(word) for word in words(text)]


def fold(word: str) -> str:
    """Lower case, accents Swedish does not write folded away, cut to the longest term."""
    return word.lower().translate(FOLD)[:LONGEST_TERM]


@lru_cache(maxsize=200_000)
def normalise_word(word: str) -> str:
    """One word as its search term: lower case, folded, its inflection removed."""
    word = fold(word)
    if not word.isalpha():
        return word  # numbers and codes (2022, 3a, ks2023) are kept as written
    word = _singular(word)
    for _round in range(_ROUNDS):
        term = _endings(_stemmer().stemWord(word))
        if term == word:
            break
        word = term
    return word


class Stemmer(Protocol):
    def stemWord(self, word: str) -> str: ...  # snowballstemmer's name for it


def _stemmer() -> Stemmer:
    if not hasattr(_stemmers, "swedish"):
        _stemmers.swedish = snowballstemmer.stemmer("swedish")
    stemmer: Stemmer = _stemmers.swedish
    return stemmer


def _singular(word: str) -> str:
    """Umlaut plurals back to the singular, also as the last part of a compound."""
    match = UMLAUT_PLURAL.search(word)
    if match:
        return word[: match.start()] + UMLAUT_PLURALS[match.group(1)]
    match = MEN.search(word)
    if match:
        return word[: match.start()] + "man"
    return word


def _endings(stem: str) -> str:
    """Definite endings Snowball leaves, then a doubled final consonant."""
    if len(stem) >= 4 and stem.endswith(("et", "en")):
        stem = stem[:-2]
    elif len(stem) >= 5 and stem.endswith("n") and stem[-2] in VOWELS:
        stem = stem[:-1]  # strategin, frågan, sektorn
    if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
        stem = stem[:-1]
    return stem
