"""Names imported minutes wrote that the registry does not know yet, and their resolution.

Two kinds of name wait for the secretariat:
- a name kept as written without a link: an action's owner, a reservation, a proposal's mover,
  or an attendance row nobody was found for;
- a person an import created for a name it matched to nobody (`Person.unconfirmed`). That may
  be someone the registry knows under another spelling ("Mattson" for "Mattsson") or a short
  form.

Resolving links every record of the spelling to a person (merging a created person into them),
confirms the person as new, or keeps the name as written. The decision is stored as a
`NameResolution` keyed by the folded name and organisation, which the next import consults
before it guesses (see `imports.resolve`), so a name is resolved once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kansli.imports.resolve import close_name, fold, short_form_of, unique_slugs
from kansli.meetings.models import ActionItem, Attendance, Meeting, Proposal, Reservation
from kansli.registry.models import Body, NameResolution, Organisation, Person

LINK = "link"
NEW = "new"
KEEP = "keep"
MAX_SUGGESTIONS = 5


@dataclass(frozen=True)
class Written:
    """Where a kind of record keeps a name as written beside its link to a person."""

    model: type[models.Model]
    link: str
    written: str
    meeting: str
    organisation: str | None = None
    unlinked_also: tuple[str, ...] = ()

    def unlinked(self) -> QuerySet:
        blank = {f"{name}__isnull": True for name in (self.link, *self.unlinked_also)}
        return self.model.objects.filter(**blank).exclude(**{self.written: ""})


WRITTEN = (
    Written(Attendance, "person", "name_as_written", "meeting_id", "organisation_id"),
    Written(ActionItem, "owner", "owner_as_written", "raised_in__meeting_id",
            unlinked_also=("owner_organisation",)),
    Written(Reservation, "person", "name_as_written", "decision__item__meeting_id"),
    Written(Proposal, "mover", "mover_as_written", "item__meeting_id"),
)


@dataclass
class Unresolved:
    """A spelling waiting for the secretariat: where it occurs, and who it may be."""

    key: str
    name: str
    organisation: Organisation | None
    created: Person | None = None
    count: int = 0
    meeting_ids: set[int] = field(default_factory=set)
    meetings: list[Meeting] = field(default_factory=list)
    suggestions: list[Person] = field(default_factory=list)

    @property
    def folded(self) -> str:
        return fold(self.name)


def written_key(folded: str, organisation_id: int | None) -> str:
    return f"name:{organisation_id or 0}:{folded}"


def person_key(person: Person) -> str:
    return f"person:{person.pk}"


def provisional_people() -> QuerySet[Person]:
    """People an import created for names it matched to nobody, not yet confirmed."""
    return Person.objects.filter(unconfirmed=True).select_related("organisation")


def _written_rows() -> Iterable[tuple[str, int | None, int | None]]:
    """(name as written, organisation id, meeting id) of every unlinked record."""
    for kind in WRITTEN:
        fields = [kind.written, kind.organisation or kind.written, kind.meeting]
        for name, organisation_id, meeting_id in kind.unlinked().values_list(*fields):
            yield name, organisation_id if kind.organisation else None, meeting_id


def _kept_as_written() -> set[tuple[str, int | None]]:
    kept = NameResolution.objects.filter(person__isnull=True)
    return set(kept.values_list("folded_name", "organisation_id"))


def _written_entries(organisations: dict[int, Organisation]) -> dict[str, Unresolved]:
    kept = _kept_as_written()
    entries: dict[str, Unresolved] = {}
    for name, organisation_id, meeting_id in _written_rows():
        folded = fold(name)
        if not folded or (folded, organisation_id) in kept:
            continue
        key = written_key(folded, organisation_id)
        entry = entries.setdefault(key, Unresolved(
            key, name.strip(), organisations.get(organisation_id) if organisation_id else None))
        entry.count += 1
        if meeting_id:
            entry.meeting_ids.add(meeting_id)
    return entries


def _created_entries() -> dict[str, Unresolved]:
    entries = {}
    people = provisional_people().annotate(count=models.Count("attendances"))
    for person in people:
        entry = Unresolved(person_key(person), person.name, person.organisation, created=person,
                           count=person.count)
        entries[entry.key] = entry
    meetings = Attendance.objects.filter(person__in=people).values_list("person_id", "meeting_id")
    for person_id, meeting_id in meetings:
        entries[f"person:{person_id}"].meeting_ids.add(meeting_id)
    return entries


def unresolved_names(bodies: QuerySet[Body] | None = None) -> list[Unresolved]:
    """Every spelling waiting for a decision, with where it occurs and likely people, in a
    fixed number of queries. With `bodies`, only names written in those bodies' meetings, and
    only those meetings: a secretary does not see another body's drafts through here."""
    organisations = {org.pk: org for org in Organisation.objects.all()}
    entries = list({**_written_entries(organisations), **_created_entries()}.values())
    meeting_ids = {pk for entry in entries for pk in entry.meeting_ids}
    meetings = Meeting.objects.filter(pk__in=meeting_ids).select_related("body")
    if bodies is not None:
        meetings = meetings.filter(body__in=bodies)
    by_pk = {meeting.pk: meeting for meeting in meetings}
    people = list(Person.objects.select_related("organisation").order_by("name"))
    for entry in entries:
        entry.meetings = sorted((by_pk[pk] for pk in entry.meeting_ids if pk in by_pk),
                                key=lambda meeting: meeting.date)
        entry.suggestions = suggestions(entry, people)
    if bodies is not None:
        entries = [entry for entry in entries if entry.meetings]
    return sorted(entries, key=lambda entry: (entry.folded, entry.key))


def suggestions(entry: Unresolved, people: list[Person]) -> list[Person]:
    """Registry people the spelling may stand for: the same surname, a one-letter typo, or a
    short form; those of the same organisation first."""
    key = entry.folded
    by_name = defaultdict(list)
    for person in people:
        if person != entry.created:
            by_name[fold(person.name)].append(person)
    close = close_name(key, by_name)
    surname = key.split()[-1] if key else ""
    found = [
        person
        for name, named in by_name.items()
        if name == close or short_form_of(key, name) or (surname and name.split()[-1] == surname)
        for person in named
    ]
    organisation_id = entry.organisation.pk if entry.organisation else None
    found.sort(key=lambda person: (person.organisation_id != organisation_id, person.name))
    return found[:MAX_SUGGESTIONS]


# Resolving


class ResolveError(ValueError):
    """A resolution that cannot be made, said in words a secretary can act on."""


@transaction.atomic
def resolve(key: str, choice: str, person: Person | None = None, *, user=None) -> Person | None:
    """Resolve the spelling `key` names: LINK to `person`, NEW (a person of its own) or KEEP
    as written. Return the person its records now point to."""
    if choice == LINK and person is None:
        raise ResolveError(_("Choose the person the name stands for."))
    if key.startswith("person:"):
        return _resolve_created(_created(key), choice, person, user)
    return _resolve_written(key, choice, person, user)


def _created(key: str) -> Person:
    pk = key.removeprefix("person:")
    created = provisional_people().filter(pk=int(pk) if pk.isdecimal() else 0).first()
    if created is None:
        raise ResolveError(_("This name has already been resolved."))
    return created


def _resolve_created(created: Person, choice: str, person: Person | None, user) -> Person:
    if choice == KEEP:
        raise ResolveError(_("Attendance needs a person: link the name or confirm them as new."))
    target = person if choice == LINK else created
    if target != created:
        move_references(created, target)
        created.delete()
    else:
        created.unconfirmed = False
        created.save(update_fields=["unconfirmed"])
    _remember(created.name, created.organisation, target, user)
    return target


def _resolve_written(key: str, choice: str, person: Person | None, user) -> Person | None:
    try:
        _, organisation_id, folded = key.split(":", 2)
    except ValueError:
        raise ResolveError(_("This name is not in the list.")) from None
    organisation = Organisation.objects.filter(pk=int(organisation_id or 0)).first()
    rows = list(_unlinked_rows(folded, organisation))
    if not rows:
        raise ResolveError(_("This name has already been resolved."))
    written = getattr(rows[0][1], rows[0][0].written)
    if choice == NEW:
        person = _new_person(written, organisation)
    elif choice == KEEP:
        person = None
    for kind, row in rows:
        if person is not None:
            setattr(row, kind.link, person)
            row.save(update_fields=[kind.link])
    _remember(written, organisation, person, user)
    return person


def _unlinked_rows(folded: str, organisation: Organisation | None):
    for kind in WRITTEN:
        for row in kind.unlinked():
            own = getattr(row, kind.organisation) if kind.organisation else None
            if fold(getattr(row, kind.written)) == folded and own == (
                organisation.pk if organisation else None
            ):
                yield kind, row


def _new_person(name: str, organisation: Organisation | None) -> Person:
    slug = unique_slugs(Person.objects.all(), [name], 120, "person")[0]
    return Person.objects.create(name=name.strip(), slug=slug, organisation=organisation)


def _remember(name: str, organisation: Organisation | None, person: Person | None, user) -> None:
    NameResolution.objects.update_or_create(
        folded_name=fold(name), organisation=organisation,
        defaults={"name_as_written": name.strip(), "person": person, "resolved_by": user},
    )


def move_references(old: Person, new: Person) -> None:
    """Point every record that names `old` at `new`, one save at a time for the audit trail."""
    for relation in Person._meta.related_objects:
        name = relation.field.name
        rows = relation.related_model._default_manager.filter(**{name: old})
        for row in rows:
            if relation.many_to_many:
                getattr(row, name).remove(old)
                getattr(row, name).add(new)
            else:
                setattr(row, name, new)
                row.save(update_fields=[name])
