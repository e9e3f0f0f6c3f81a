"""People who presented an item: present at the meeting even when no list names them.

"Enhetschef Maria Holm föredrar ärendet", "Controller Jonas Hed redovisar prognosen", "Lars Ek från
Trafikverket informerade om …", "Kommunalsjef Tone Brattli orienterte", "The Licensing Manager,
Lisa Grant, presented the report". A job title before the name makes the presenter an official;
an organisation after "från"/"from"/"fra" makes them a guest from it.
"""

from __future__ import annotations

import re

from kansli.imports.parse.people import Entry, is_name, looks_like_title

_VERBS = (
    "föredrar", "föredrog", "redovisar", "redovisade", "informerar", "informerade",
    "presenterar", "presenterade", "orienterar", "orienterade", "redogör", "redogjorde",
    "presented", "presents", "reported", "orienterte", "orienterer", "presenterte", "informerte",
    "redegjorde", "gennemgik", "gennemgår", "orienterede", "fremlagde",
)
_NAME = r"[A-ZÅÄÖÆØÜÉ][\w'’-]+(?:[ \t]+[A-ZÅÄÖÆØÜÉ][\w'’-]+){1,2}"
# What stands before the verb, matched backwards from it: the name, perhaps a job title before it,
# a party in brackets or "från Trafikverket" after it.
_BEFORE_VERB = re.compile(
    rf"(?:(?P<title>\b[A-ZÅÄÖÆØa-zåäöæø][\w-]+)[ \t]+)?(?P<name>{_NAME})(?:[ \t]*\([^)\n]*\))?"
    r"(?:[ \t]+(?:från|from|fra)[ \t]+(?P<organisation>[A-ZÅÄÖÆØ][\w-]+(?:[ \t]+[A-ZÅÄÖÆØ]"
    r"[\w-]+){0,2}))?[ \t]+$"
)
_REACH = 90


def _verb_positions(text: str, lowered: str) -> list[int]:
    """Where a presenting verb starts, as a whole word."""
    found = []
    for verb in _VERBS:
        position = lowered.find(verb)
        while position >= 0:
            end = position + len(verb)
            if (end == len(text) or not text[end].isalnum()) and (
                position == 0 or not text[position - 1].isalnum()
            ):
                found.append(position)
            position = lowered.find(verb, end)
    return sorted(found)


_ARTICLES = frozenset({"the", "a", "an", "den", "det", "de", "en", "ett"})


def _article(name: str) -> bool:
    return name.split()[0].lower() in _ARTICLES


def presenters(text: str) -> list[Entry]:
    """Everyone the text shows presenting something, with what it says about them."""
    found: list[Entry] = []
    lowered = text.lower()
    if len(lowered) != len(text):
        return found
    for position in _verb_positions(text, lowered):
        match = _BEFORE_VERB.search(text, max(0, position - _REACH), position)
        if match is not None and (entry := _entry(match)) is not None:
            found.append(entry)
    return found


def _entry(match: re.Match[str]) -> Entry | None:
    title, name = match.group("title"), match.group("name")
    if title and title[0].isupper() and not looks_like_title(title):
        # "Anna Berg Sjödin informerar": a capitalised word that is no job title begins the name.
        name = f"{title} {name}"
        title = None
    if not is_name(name, max_words=3) or looks_like_title(name) or _article(name):
        return None
    entry = Entry(name=name)
    if match.group("organisation"):
        entry.organisation = match.group("organisation")
        entry.roles.add("guest")
    elif title and looks_like_title(title):
        entry.title = title
        entry.roles.add("official")
    return entry
