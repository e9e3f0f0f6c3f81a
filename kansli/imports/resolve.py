"""Names as imported minutes write them -> registry records.

Minutes write "Botkyrka" for Botkyrka kommun, drop accents in one document and not the next, and
misspell a name in the body text that the attendance list spells right. Names are therefore
compared folded (casefolded, without diacritics) and organisations also by the short forms minutes
use. A `Resolver` loads the candidates in a few queries and answers every later name from memory,
so a document costs a fixed number of queries however many names it holds. It serves one document,
or, in a batch, document after document (see `Resolver.next_document`) for as long as nothing but
the batch writes to the registry. Whatever is not found is created, so an import never stops at an
unknown name.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import reduce
from itertools import count
from operator import or_

from django.db.models import Q, QuerySet
from django.utils.text import slugify

from kansli.registry.addresses import reserved_slugs
from kansli.registry.models import (
    Body,
    NameResolution,
    Organisation,
    OrganisationKind,
    Party,
    Person,
)

# Letters NFKD does not decompose but that readers treat as their base letter (Danish, Norwegian).
_UNDECOMPOSED = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "đ": "d", "ł": "l"})

# "Tierps kommun" is written "Tierp" or "Tierps" in lists of participants.
_ORGANISATION_SUFFIXES = frozenset({"kommun", "kommune", "stad"})

# Similarity a name must reach before it counts as a misspelling of another (see `_one_edit`).
_CLOSE_CUTOFF = 0.9


def fold(text: str) -> str:
    """The form names are compared in: casefolded, without diacritics, single-spaced."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split()).strip(" ,;:.")


def organisation_keys(name: str) -> list[str]:
    """The folded name, then the shorter forms minutes use: 'Tierps kommun' -> 'tierps', 'tierp'."""
    key = fold(name)
    words = key.split()
    if len(words) < 2 or words[-1] not in _ORGANISATION_SUFFIXES:
        return [key]
    stem = " ".join(words[:-1])
    # Before "kommun" Swedish puts the genitive s, which the bare name does not have.
    return [key, stem, stem[:-1]] if stem.endswith("s") else [key, stem]


def guess_organisation_kind(name: str) -> str:
    """A municipality or region when the name says so; anything else is left to a person."""
    words = fold(name).split()
    if words and words[-1] in _ORGANISATION_SUFFIXES:
        return OrganisationKind.MUNICIPALITY
    if words and words[0] == "region":
        return OrganisationKind.REGION
    return OrganisationKind.OTHER


def _one_edit(a: str, b: str) -> bool:
    """True when `b` is `a` with at most one letter inserted, dropped or replaced."""
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    changed = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in opcodes if tag != "equal")
    return changed <= 1


def close_name(key: str, candidates: Iterable[str]) -> str | None:
    """The candidate that is `key` with a one-letter typo (Mattsson/Mattson), if there is one."""
    for match in difflib.get_close_matches(key, list(candidates), n=3, cutoff=_CLOSE_CUTOFF):
        if _one_edit(key, match):
            return match
    return None


def short_form_of(key: str, full: str) -> bool:
    """Whether folded `key` is a short form of folded `full`: the first name or the surname
    alone ('daniel'), or an initial with the surname ('d. dronjak', 'd dronjak')."""
    words, short = full.split(), key.split()
    if len(words) < 2 or not short:
        return False
    if len(short) == 1:
        return short[0] in (words[0], words[-1])
    initial = short[0].rstrip(".")
    return len(short) == 2 and len(initial) == 1 and words[0].startswith(initial) and (
        short[1] == words[-1]
    )


def _slug_candidates(base: str) -> Iterator[str]:
    yield base
    for number in count(2):
        yield f"{base}-{number}"


def unique_slugs(
    taken_in: QuerySet, names: Sequence[str], max_length: int, fallback: str
) -> list[str]:
    """A free slug for each name among `taken_in` (and each other), in one query for all."""
    # Room for a "-NN" suffix; a name of only punctuation still needs an address.
    bases = [slugify(name.translate(_UNDECOMPOSED))[: max_length - 4].strip("-") or fallback
             for name in names]
    if not bases:
        return []
    starts = reduce(or_, (Q(slug__startswith=base) for base in set(bases)))
    taken = set(taken_in.filter(starts).values_list("slug", flat=True))
    slugs = []
    for base in bases:
        slug = next(candidate for candidate in _slug_candidates(base) if candidate not in taken)
        taken.add(slug)
        slugs.append(slug)
    return slugs


@dataclass(frozen=True)
class Mention:
    """A person as one place in a document writes them, with what was resolved beside the name."""

    name: str
    organisation: Organisation | None = None
    party: Party | None = None


class _OrganisationIndex:
    """Organisations by every key their names, short names and aliases fold to."""

    def __init__(self, organisations: Iterable[Organisation]) -> None:
        self.exact: dict[str, Organisation] = {}
        self.loose: dict[str, Organisation] = {}
        for organisation in organisations:
            self.add(organisation)

    def add(self, organisation: Organisation) -> None:
        names = [organisation.name, organisation.short_name, *organisation.aliases]
        for name in filter(None, names):
            self.exact.setdefault(fold(name), organisation)
            for key in organisation_keys(name):
                self.loose.setdefault(key, organisation)

    def find(self, written: str) -> Organisation | None:
        exact = self.exact.get(fold(written))
        if exact is not None:
            return exact
        return next(
            (self.loose[key] for key in organisation_keys(written) if key in self.loose), None
        )


class _PeopleIndex:
    """People by folded name and by organisation, including those created during this import."""

    def __init__(self) -> None:
        self.by_name: dict[str, list[Person]] = defaultdict(list)
        self.by_organisation: dict[int, dict[str, Person]] = defaultdict(dict)
        # The people this document has named so far, by folded name.
        self.in_document: dict[str, Person] = {}
        self.loaded_names: set[str] = set()
        self.loaded_organisations: set[int] = set()

    def add(self, person: Person) -> None:
        key = fold(person.name)
        if person in self.by_name[key]:
            return
        self.by_name[key].append(person)
        if person.organisation_id is not None:
            self.by_organisation[person.organisation_id].setdefault(key, person)

    def met(self, person: Person) -> None:
        self.in_document.setdefault(fold(person.name), person)

    def exact(self, key: str, organisation_id: int | None) -> Person | None:
        """Same name, and no known organisation that says they are two people."""
        candidates = self.by_name.get(key, [])
        same = [person for person in candidates
                if organisation_id is not None and person.organisation_id == organisation_id]
        if same:
            return same[0]
        either = [person for person in candidates
                  if organisation_id is None or person.organisation_id is None]
        # An unplaced name ("Justeras: Boel Godner") most likely means someone listed above it.
        met = self.in_document.get(key)
        return met if met in either else next(iter(either), None)

    def close(self, key: str, organisation_id: int | None) -> Person | None:
        """A one-letter typo of someone in the same organisation (or, unplaced, this document)."""
        pool = (self.by_organisation.get(organisation_id, {}) if organisation_id is not None
                else self.in_document)
        match = close_name(key, pool)
        if match:
            return pool[match]
        return self.short(key) if organisation_id is None else None

    def short(self, key: str) -> Person | None:
        """The one person this document named in full that an unplaced short form fits."""
        fitting = {person.pk or id(person): person for name, person in self.in_document.items()
                   if short_form_of(key, name)}
        return next(iter(fitting.values())) if len(fitting) == 1 else None


class Resolver:
    """Finds or creates the records behind the names of imported documents.

    What it has loaded or created stays valid while the transactions that created it commit and
    no one else changes the registry; whoever uses one across documents drops it when either
    fails to hold.
    """

    def __init__(self) -> None:
        self._organisations: _OrganisationIndex | None = None
        self._parties: dict[str, Party] | None = None
        self._people = _PeopleIndex()
        self._bodies: dict[int, list[Body]] = {}
        # What the secretariat decided a spelling stands for (None: not a registry person),
        # by folded name and the organisation it was written with.
        self._resolutions: dict[tuple[str, int | None], Person | None] = {}

    def next_document(self) -> None:
        """Forget who the previous document named: an unplaced short name ("Anna") is matched
        against the people of its own document only."""
        self._people.in_document.clear()

    # Organisations

    def organisation(
        self, written: str | None, *, kind: str = OrganisationKind.OTHER
    ) -> Organisation | None:
        """The organisation `written` names, created when none matches; None for no name.

        `kind` is used for a new organisation whose name does not show its kind.
        """
        if not written or not written.strip():
            return None
        index = self._organisation_index()
        found = index.find(written)
        if found is None:
            found = self._create_organisation(written.strip(), kind)
            index.add(found)
        return found

    def _organisation_index(self) -> _OrganisationIndex:
        if self._organisations is None:
            self._organisations = _OrganisationIndex(Organisation.objects.all())
        return self._organisations

    def _create_organisation(self, name: str, kind: str) -> Organisation:
        guessed = guess_organisation_kind(name)
        slug = unique_slugs(Organisation.objects.all(), [name], 100, "organisation")[0]
        return Organisation.objects.create(
            name=name, slug=slug, kind=kind if guessed == OrganisationKind.OTHER else guessed
        )

    # Bodies

    def body(self, written: str, organisation: Organisation, *, mode: str) -> Body:
        """The organisation's body named `written`, created in `mode` when it has none."""
        key = fold(written)
        bodies = self._bodies_of(organisation)
        for body in bodies:
            if key in {fold(name) for name in (body.name, body.short_name, *body.aliases) if name}:
                return body
        body = Body.objects.create(
            organisation=organisation, name=written.strip(), mode=mode,
            slug=self._body_slug(written.strip(), organisation),
        )
        bodies.append(body)
        return body

    def _bodies_of(self, organisation: Organisation) -> list[Body]:
        if organisation.pk not in self._bodies:
            self._bodies[organisation.pk] = list(organisation.bodies.all())
        return self._bodies[organisation.pk]

    @staticmethod
    def _body_slug(name: str, organisation: Organisation) -> str:
        """The body's own name when free; many municipalities have a 'Kommunstyrelsen'."""
        plain = slugify(name.translate(_UNDECOMPOSED))[:96]
        if plain and plain not in reserved_slugs() and not Body.objects.filter(slug=plain).exists():
            return plain
        qualified = f"{name} {organisation.short_name or organisation.name}"
        return unique_slugs(Body.objects.all(), [qualified], 100, "body")[0]

    # Parties

    def party(self, written: str | None) -> Party | None:
        """The party with this abbreviation, created when missing; None for no abbreviation."""
        abbreviation = (written or "").strip(" ()")
        if not abbreviation:
            return None
        parties = self._party_index()
        key = abbreviation.casefold()
        if key not in parties:
            parties[key] = Party.objects.create(abbreviation=abbreviation)
        return parties[key]

    def _party_index(self) -> dict[str, Party]:
        if self._parties is None:
            self._parties = {party.abbreviation.casefold(): party for party in Party.objects.all()}
        return self._parties

    # People

    def people(self, mentions: Sequence[Mention]) -> list[Person]:
        """One person per mention, found or created; new people are saved together."""
        self._load_people(mentions)
        new: list[Person] = []
        found = [self._match(mention) or self._new_person(mention, new) for mention in mentions]
        self._save_people(new)
        return found

    def known_people(self, names: Sequence[str]) -> list[Person | None]:
        """The person each name refers to, when there is one; nobody is created."""
        mentions = [Mention(name) for name in names]
        self._load_people(mentions)
        return [self._match(mention) for mention in mentions]

    def _load_people(self, mentions: Sequence[Mention]) -> None:
        names = {mention.name.strip() for mention in mentions} - self._people.loaded_names
        organisation_ids = {
            mention.organisation.pk for mention in mentions if mention.organisation
        } - self._people.loaded_organisations
        if not names and not organisation_ids:
            return
        self._load_resolutions(names)
        query = Q(name__in=names) | Q(organisation_id__in=organisation_ids)
        for person in Person.objects.filter(query).order_by("pk"):
            self._people.add(person)
        self._people.loaded_names |= names
        self._people.loaded_organisations |= organisation_ids

    def _load_resolutions(self, names: set[str]) -> None:
        folded = {fold(name) for name in names}
        found = NameResolution.objects.filter(folded_name__in=folded).select_related("person")
        for resolution in found:
            key = (resolution.folded_name, resolution.organisation_id)
            self._resolutions[key] = resolution.person
            if resolution.person is not None:
                self._people.add(resolution.person)

    def _remembered(self, key: str, organisation_id: int | None) -> tuple[bool, Person | None]:
        """Whether the secretariat resolved this spelling, and to whom (None: to nobody)."""
        for place in (organisation_id, None):
            if (key, place) in self._resolutions:
                return True, self._resolutions[(key, place)]
        return False, None

    def _match(self, mention: Mention) -> Person | None:
        key = fold(mention.name)
        organisation_id = mention.organisation.pk if mention.organisation else None
        # A resolution is consulted before any guess, and a guess never overrides it.
        resolved, person = self._remembered(key, organisation_id)
        if not resolved:
            person = self._people.exact(key, organisation_id) or self._people.close(
                key, organisation_id
            )
        if person is not None:
            self._people.met(person)
        return person

    def _new_person(self, mention: Mention, new: list[Person]) -> Person:
        # Unconfirmed: the secretariat may know them under another spelling (see
        # kansli.memory.names).
        person = Person(
            name=mention.name.strip(), organisation=mention.organisation, party=mention.party,
            unconfirmed=True,
        )
        self._people.add(person)
        self._people.met(person)
        new.append(person)
        return person

    @staticmethod
    def _save_people(new: list[Person]) -> None:
        if not new:
            return
        slugs = unique_slugs(Person.objects.all(), [person.name for person in new], 120, "person")
        for person, slug in zip(new, slugs, strict=True):
            person.slug = slug
        Person.objects.bulk_create(new)

