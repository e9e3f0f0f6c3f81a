"""Keeping the search index in step with what the public may read.

Entries are made from `build_document(load_meeting(pk), for_public=True)`, the same document the
public meeting page shows, so a confidential item never enters the index. A meeting's entries
are remade whenever its minutes are published or unpublished (`minutes.signals.status_changed`)
and whenever the content of published minutes is corrected (saves of meetings, items, decisions,
matters and bodies). Every update is state-based: `follow_meeting` makes the index agree with the
database, whatever happened before, so running it twice or late does no harm.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.urls import reverse

from kansli.meetings.models import AgendaItem, Decision, Matter, Meeting
from kansli.minutes.models import Minutes, MinutesStatus
from kansli.minutes.render.document import Item, MinutesDocument, build_document, load_meeting
from kansli.minutes.signals import status_changed
from kansli.public.access import public_items, public_matters
from kansli.registry.models import Body
from kansli.search import normalise
from kansli.search.engines import current_engine, facets
from kansli.search.models import Entry, EntryKind, Term


def follow_meeting(meeting_id: int) -> None:
    """Make the meeting's entries (and those of the matters it deals with) match the database."""
    with transaction.atomic():
        matter_ids = _matters_around(meeting_id)
        Entry.objects.filter(meeting_id=meeting_id, kind=EntryKind.ITEM).delete()
        if _is_published(meeting_id):
            _store(item_entries(meeting_id))
        for matter_id in matter_ids:
            follow_matter(matter_id)


def follow_matter(matter_id: int) -> None:
    """A matter marked public is searchable once a public item deals with it."""
    with transaction.atomic():
        Entry.objects.filter(matter_id=matter_id, kind=EntryKind.MATTER).delete()
        entry = matter_entry(matter_id)
        if entry is not None:
            _store([entry])


def reindex_all() -> tuple[int, int]:
    """Rebuild the whole index; returns the numbers of item and matter entries."""
    with transaction.atomic():
        Entry.objects.all().delete()
        Term.objects.all().delete()
        published = Minutes.objects.published().order_by("meeting__date", "meeting_id")
        for meeting_id in published.values_list("meeting_id", flat=True):
            _store(item_entries(meeting_id))
        for matter_id in Matter.objects.filter(public=True).values_list("pk", flat=True):
            follow_matter(matter_id)
    current_engine().optimise()
    return (
        Entry.objects.filter(kind=EntryKind.ITEM).count(),
        Entry.objects.filter(kind=EntryKind.MATTER).count(),
    )


def item_entries(meeting_id: int) -> list[Entry]:
    """One unsaved entry per item the public may read."""
    meeting = load_meeting(meeting_id)
    document = build_document(meeting, for_public=True)
    return [_item_entry(meeting, document, item) for item in document.items]


def _item_entry(meeting: Meeting, document: MinutesDocument, item: Item) -> Entry:
    text = "\n\n".join(part for part in (item.text.strip(), *item.decisions) if part)
    return _entry(
        kind=EntryKind.ITEM, meeting=meeting, body=meeting.body, date=document.date,
        meeting_kind=meeting.kind, number=item.number, title=item.title, text=text,
        url=f"{meeting.get_absolute_url()}#punkt-{item.anchor}",
    )


def matter_entry(matter_id: int) -> Entry | None:
    """An unsaved entry for the matter, linking to its public page; None while the public may
    not know the matter (see `public_matters`)."""
    matter = public_matters().filter(pk=matter_id).first()
    if matter is None:
        return None
    latest = (
        public_items().filter(matter=matter).select_related("meeting__body")
        .order_by("-meeting__date", "-sort_key").first()
    )
    return _entry(
        kind=EntryKind.MATTER, matter=matter, meeting=latest.meeting,
        body=matter.body or latest.meeting.body, date=latest.meeting.date, meeting_kind="",
        number=matter.case_number, title=matter.title, text=matter.description,
        url=reverse("public:matter", kwargs={"slug": matter.slug}),
    )


def _entry(
    *, title: str, text: str, date: datetime.date, body: Body, meeting_kind: str, **fields
) -> Entry:
    title, text = normalise.composed(title), normalise.composed(text)
    return Entry(
        title=title, text=text, date=date, year=date.year, body=body, meeting_kind=meeting_kind,
        title_terms=" ".join(normalise.terms(title)),
        text_terms=" ".join(normalise.terms(text)),
        facets=" ".join(facets(body.pk, date.year, meeting_kind)),
        **fields,
    )


def _store(entries: list[Entry]) -> None:
    Entry.objects.bulk_create(entries)
    new_terms = {t for e in entries for t in (*e.title_terms.split(), *e.text_terms.split())}
    Term.objects.bulk_create([Term(term=t) for t in new_terms], ignore_conflicts=True)


def _is_published(meeting_id: int) -> bool:
    return Minutes.objects.published().filter(meeting_id=meeting_id).exists()


def _matters_around(meeting_id: int) -> set[int]:
    """Matters the meeting's items deal with, and those whose entry links to the meeting (an
    item may have been moved away from them)."""
    linked = AgendaItem.objects.filter(meeting_id=meeting_id, matter__isnull=False)
    pointing = Entry.objects.filter(meeting_id=meeting_id, kind=EntryKind.MATTER)
    return {
        *linked.values_list("matter_id", flat=True),
        *pointing.values_list("matter_id", flat=True),
    }


# Signals: each one schedules a `follow_*` for after the writing transaction commits, when the
# state to follow is final (and nothing is indexed from a transaction that rolls back).


def _later(task: Callable[[int], None], ids: Iterable[int]) -> None:
    for pk in ids:
        transaction.on_commit(lambda pk=pk: task(pk))


def _on_status_changed(sender, minutes: Minutes, from_status: str, to_status: str, **kw) -> None:
    if MinutesStatus.PUBLISHED in (from_status, to_status):
        _later(follow_meeting, [minutes.meeting_id])


def _on_content_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:  # fixtures being loaded; `kansli reindex` builds from them afterwards
        return
    if isinstance(instance, Meeting) and kwargs.get("created"):
        return  # a new meeting has no minutes, published or not
    meeting_id = _meeting_of(instance)
    if meeting_id is not None and _is_published(meeting_id):
        _later(follow_meeting, [meeting_id])


def _meeting_of(instance: Meeting | AgendaItem | Decision) -> int | None:
    if isinstance(instance, Meeting):
        return instance.pk
    if isinstance(instance, AgendaItem):
        return instance.meeting_id
    return (
        AgendaItem.objects.filter(pk=instance.item_id).values_list("meeting_id", flat=True).first()
    )


def _on_meeting_deleting(sender, instance: Meeting, **kwargs) -> None:
    # The meeting's entries go with it, a matter's entry that links to it too; the matter may
    # still be dealt with at another meeting.
    linked = AgendaItem.objects.filter(meeting=instance, matter__isnull=False)
    _later(follow_matter, set(linked.values_list("matter_id", flat=True)))


def _on_matter_saved(sender, instance: Matter, raw: bool = False, **kwargs) -> None:
    if not raw:
        _later(follow_matter, [instance.pk])


def _on_body_saved(sender, instance: Body, raw: bool = False, **kwargs) -> None:
    # Addresses and facets of entries carry the body's slug and id; a new body has none.
    if not raw and not kwargs.get("created"):
        published = Minutes.objects.published().filter(meeting__body=instance)
        _later(follow_meeting, list(published.values_list("meeting_id", flat=True)))


def connect_signals() -> None:
    status_changed.connect(_on_status_changed, sender=Minutes, dispatch_uid="search-status")
    for model in (Meeting, AgendaItem, Decision):
        uid = f"search-{model.__name__}"
        post_save.connect(_on_content_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_on_content_changed, sender=model, dispatch_uid=f"{uid}-delete")
    pre_delete.connect(_on_meeting_deleting, sender=Meeting, dispatch_uid="search-Meeting-pre")
    post_save.connect(_on_matter_saved, sender=Matter, dispatch_uid="search-Matter-save")
    post_save.connect(_on_body_saved, sender=Body, dispatch_uid="search-Body-save")
