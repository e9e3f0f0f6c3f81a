"""Pairing a run of names with a run of organisations, as in the seed's participant line.

The seed writes "Deltagare<TAB>Ebba Östlin Meeri Wasberg …<TAB>Botkyrka Haninge … Nynäshamn,
ordförande …": all names in one run and all organisations in another, paired by position. Neither
run marks where one entry ends, so both are segmented together: names are usually two words and
organisations one capitalised word, and every departure from that ("Anna Berg Sjödin", "Lilla Edet",
"Södertörns kommunerna") costs something unless the document supports it. A multi-word segment is
supported when it appears elsewhere in the document as a run of capitalised words (the minutes
mention "Anna Berg Sjödin hälsar …"), or, for organisations, when the same segment repeats in the
run. The number of people is the count that makes both segmentations cheapest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kansli.imports.parse.given_names import is_given_name
from kansli.imports.parse.people import ROLE_OF_WORD

_INF = float("inf")
_NAME_COST = {1: 3.0, 2: 0.0, 3: 1.0, 4: 2.5}
_MERGE_COST = 1.0
_SUPPORT_BONUS = 1.5
_PARTIAL_SUPPORT_BONUS = 0.75
_REPEATED_UNIT_COST = 5.0
# Nordic surnames mostly end in a few elements ("-sson", "-berg", "-qvist"); a name rarely starts
# with one, which settles where a three-word name sits when nothing else does.
_SURNAME_ENDING = re.compile(
    r"(?:son|sen|sén|berg|ström|strom|qvist|kvist|gren|lund|holm|dahl|dal|stedt|strand|borg|"
    r"blad|fors|gård|mark|näs|sjö|vik|bäck|hed|ling|stam|man|ius|ell|én)$"
)
_SURNAME_FIRST_COST = 0.4
_GIVEN_LAST_COST = 1.2
_DOUBLE_GIVEN_BONUS = 0.8
# Words that open a place or organisation name ("Region Stockholm", "Lilla Edet", "Upper Wickham")
# and so cannot end one.
_OPENING_WORD_LIST = (
    "region lilla stora norra södra östra västra nya gamla övre nedre sankt s:t nordre "
    "søndre county city greater north south east west upper lower new old royal"
)
_OPENING_WORDS = frozenset(_OPENING_WORD_LIST.split())
_OPEN_ENDED_COST = 1.5
# With fewer organisations than people some people have none; each costs this much.
_MISSING_ORGANISATION_COST = 2.0
_CONNECTOR_WORDS = "i och för av på and of & og for de du la"
_CONNECTORS = frozenset(_CONNECTOR_WORDS.split())
_PARTICLE_WORDS = "von van af de der den da di du la le"
_PARTICLES = frozenset(_PARTICLE_WORDS.split())
# Longer runs of names than any real participant line are paired plainly (see _in_pairs).
_MAX_TOKENS = 240
_CAPITAL_RUN = re.compile(r"(?:[A-ZÅÄÖÆØÜÉ][\w'’-]*)(?: +[A-ZÅÄÖÆØÜÉ][\w'’-]*)*")


@dataclass(frozen=True)
class AlignedPerson:
    """A name with the organisation in the same position, and any role written after it."""

    name: str
    organisation: str | None
    role: str | None


@dataclass(frozen=True)
class _Unit:
    text: str
    role: str | None


class Support:
    """Runs of capitalised words elsewhere in the document, which vouch for multi-word segments."""

    def __init__(self, context: str) -> None:
        runs = [" ".join(m.group(0).split()) for m in _CAPITAL_RUN.finditer(context)]
        self.exact = set(runs)
        self.suffixes = {" ".join(r.split()[i:]) for r in runs for i in range(1, len(r.split()))}

    def bonus(self, text: str) -> float:
        if text in self.exact:
            return _SUPPORT_BONUS
        return _PARTIAL_SUPPORT_BONUS if text in self.suffixes else 0.0


def name_tokens(text: str) -> list[str]:
    """Words of the name run, with particles ("af", "von") kept with the word they precede."""
    tokens: list[str] = []
    pending = ""
    for word in text.split():
        if word.lower() in _PARTICLES and word.islower():
            pending = f"{pending}{word} "
            continue
        tokens.append(pending + word)
        pending = ""
    return tokens


def organisation_units(text: str) -> list[_Unit]:
    """Capitalised words start a unit; lowercase words and connectors belong to the one before.

    A role after a comma ("Nynäshamn, ordförande") is taken off and kept with its unit.
    """
    words = text.split()
    units: list[list[str]] = []
    roles: list[str | None] = []
    glue = False
    index = 0
    while index < len(words):
        word = words[index]
        role_length = _role_after(words, index) if word.endswith(",") else 0
        word = word.rstrip(",") if role_length else word
        if (glue or not word[:1].isupper()) and units:
            units[-1].append(word)
        else:
            units.append([word])
            roles.append(None)
        glue = word.lower() in _CONNECTORS
        if role_length:
            roles[-1] = " ".join(words[index + 1 : index + 1 + role_length])
        index += 1 + role_length
    return [_Unit(" ".join(unit), role) for unit, role in zip(units, roles, strict=True)]


def _role_after(words: Sequence[str], index: int) -> int:
    """How many words after words[index] form a role phrase ("vice ordförande"), or 0."""
    for length in (3, 2, 1):
        phrase = " ".join(words[index + 1 : index + 1 + length]).strip(" .,").lower()
        if len(words) > index + length and phrase in ROLE_OF_WORD:
            return length
    return 0


class _Segmentation:
    """Cheapest splits of a token run into every possible number of segments, computed once."""

    def __init__(
        self, count: int, cost: Callable[[int, int], float], longest: int, most: int
    ) -> None:
        """`most` bounds the number of segments worth computing."""
        self.count = count
        costs = {
            (a, a + n): cost(a, a + n)
            for a in range(count)
            for n in range(1, longest + 1)
            if a + n <= count
        }
        self.best = [[_INF] * (count + 1) for _ in range(count + 1)]
        self.back = [[0] * (count + 1) for _ in range(count + 1)]
        self.best[0][0] = 0.0
        for end in range(1, count + 1):
            for size in range(1, min(longest, end) + 1):
                start = end - size
                step = costs[(start, end)]
                if step == _INF:
                    continue
                before_row, row, back = self.best[start], self.best[end], self.back[end]
                for used in range(1, min(end, most) + 1):
                    total = before_row[used - 1] + step
                    if total < row[used]:
                        row[used], back[used] = total, start

    def cost(self, parts: int) -> float:
        return self.best[self.count][parts] if parts <= self.count else _INF

    def cuts(self, parts: int) -> list[int]:
        if self.cost(parts) == _INF:
            return []
        cuts, end = [self.count], self.count
        for used in range(parts, 0, -1):
            end = self.back[end][used]
            cuts.append(end)
        return cuts[::-1]


def _surname_like(word: str) -> bool:
    return bool(_SURNAME_ENDING.search(word.lower()))


def _name_cost(tokens: Sequence[str], support: Support) -> Callable[[int, int], float]:
    given = [is_given_name(token) and not _surname_like(token) for token in tokens]

    def cost(start: int, end: int) -> float:
        total = _NAME_COST[end - start] - support.bonus(" ".join(tokens[start:end]))
        if end - start > 1 and _surname_like(tokens[start]):
            total += _SURNAME_FIRST_COST
        if end - start > 1 and given[end - 1]:
            total += _GIVEN_LAST_COST  # names end with a surname, not "Johan Berg Karl"
        if end - start == 3 and given[start] and given[start + 1]:
            total -= _DOUBLE_GIVEN_BONUS  # "Karl Erik Sand", "Anna Karin Ek"
        return total

    return cost


def _organisation_cost(units: Sequence[_Unit], support: Support) -> Callable[[int, int], float]:
    texts = [u.text for u in units]

    def repeats(start: int, end: int) -> bool:
        size = end - start
        window = texts[start:end]
        return any(
            texts[i : i + size] == window
            for i in range(len(texts) - size + 1)
            if i + size <= start or i >= end
        )

    def cost(start: int, end: int) -> float:
        if any(u.role for u in units[start : end - 1]):
            return _INF
        opening = _OPEN_ENDED_COST if texts[end - 1].lower() in _OPENING_WORDS else 0.0
        if end - start == 1:
            return opening
        segment = texts[start:end]
        total = opening + _MERGE_COST * (end - start - 1)
        if len(set(segment)) < len(segment):
            total += _REPEATED_UNIT_COST
        if repeats(start, end):
            total -= _SUPPORT_BONUS
        return total - support.bonus(" ".join(segment))

    return cost


def align(names: str, organisations: str, context: str = "") -> list[AlignedPerson]:
    """Pair the names in `names` with the organisations in `organisations` by position."""
    tokens = name_tokens(names)
    units = organisation_units(organisations)
    if len(tokens) > _MAX_TOKENS:
        return _in_pairs(tokens, units)
    support = Support(context)
    # Names have two words or more, so there are at most half as many people as name words (a
    # one-word name is allowed but dear, and never makes more people than organisations).
    most = max(len(tokens) // 2, min(len(units), len(tokens))) + 1
    by_name = _Segmentation(len(tokens), _name_cost(tokens, support), 4, most)
    by_unit = _Segmentation(len(units), _organisation_cost(units, support), 4, most)
    best: tuple[float, int] | None = None
    for people in range(max(1, (len(tokens) + 3) // 4), min(len(tokens), most) + 1):
        if by_name.cost(people) == _INF:
            continue
        units_total = by_unit.cost(people)
        if units_total == _INF:
            units_total = _MISSING_ORGANISATION_COST * abs(len(units) - people)
        total = by_name.cost(people) + units_total
        if best is None or total < best[0]:
            best = (total, people)
    if best is None:
        return []
    people = best[1]
    name_cuts, unit_cuts = by_name.cuts(people), by_unit.cuts(people)
    return [
        AlignedPerson(
            name=" ".join(tokens[name_cuts[i] : name_cuts[i + 1]]),
            organisation=_organisation_at(units, unit_cuts, i),
            role=_role_at(units, unit_cuts, i),
        )
        for i in range(people)
    ]


def _in_pairs(tokens: Sequence[str], units: Sequence[_Unit]) -> list[AlignedPerson]:
    """Two words a name, one unit an organisation: the plain reading, for runs too long to weigh
    every segmentation (the weighing grows with the square of the run)."""
    people = len(tokens) // 2
    return [
        AlignedPerson(" ".join(tokens[2 * i : 2 * i + 2]),
                      units[i].text if i < len(units) else None,
                      units[i].role if i < len(units) else None)
        for i in range(people)
    ]


def _organisation_at(units: Sequence[_Unit], cuts: list[int], index: int) -> str | None:
    if cuts:
        return " ".join(u.text for u in units[cuts[index] : cuts[index + 1]])
    return units[index].text if index < len(units) else None


def _role_at(units: Sequence[_Unit], cuts: list[int], index: int) -> str | None:
    chosen = units[cuts[index] : cuts[index + 1]] if cuts else units[index : index + 1]
    return next((u.role for u in chosen if u.role), None)
