"""Moves the `Stamp` of every API object a saved or deleted record is part of.

A record is part of more than one object: a decision is in its agenda item, in the meeting that
embeds the item and in the minutes files. `touched` names them all. Stamps are written after the
transaction commits, so a change that is rolled back moves nothing, and each once per
transaction however many of its rows touch it (see `kansli.public.oncommit`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.apps import apps
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from kansli.api.models import Stamp
from kansli.meetings import models as meetings
from kansli.minutes import models as minutes
from kansli.minutes.signals import status_changed
from kansli.public.oncommit import on_commit_once
from kansli.registry import models as registry

Pair = tuple[str, str]
FILE_FORMATS = ("pdf", "docx", "txt")
CONTENT_APPS = ("registry", "meetings", "minutes")


def meeting_objects(meeting_id: int | None) -> list[Pair]:
    if meeting_id is None:
        return []
    return [("meeting", str(meeting_id))] + [
        ("file", f"{meeting_id}-{ext}") for ext in FILE_FORMATS
    ]


def attachment_file(attachment_id: int) -> Pair:
    """A public attachment among the API's files: 'a' and its number, apart from the minutes'
    files, which are named by meeting and format."""
    return ("file", f"a{attachment_id}")


def item_objects(item: meetings.AgendaItem | None) -> list[Pair]:
    if item is None:
        return []
    pairs = [("agendaitem", str(item.pk)), *meeting_objects(item.meeting_id)]
    return pairs + ([("paper", str(item.matter_id))] if item.matter_id else [])


def membership_objects(membership: registry.Membership) -> list[Pair]:
    pairs = [("organization", str(membership.body_id))]
    if membership.person_id:
        return [*pairs, ("membership", str(membership.pk)), ("person", str(membership.person_id))]
    for tenure in registry.Tenure.objects.filter(post_id=membership.post_id):
        pairs += [("membership", f"{membership.pk}-{tenure.pk}"), ("person", str(tenure.person_id))]
    return pairs


def tenure_objects(tenure: registry.Tenure) -> list[Pair]:
    seats = registry.Membership.objects.filter(post_id=tenure.post_id)
    return [("person", str(tenure.person_id))] + [
        pair for seat in seats
        for pair in (("membership", f"{seat.pk}-{tenure.pk}"), ("organization", str(seat.body_id)))
    ]


def _item_of(record) -> meetings.AgendaItem | None:
    return meetings.AgendaItem.objects.filter(pk=record.item_id).first()


def _meeting_of_minutes(record) -> list[Pair]:
    minutes_id = getattr(record, "minutes_id", None)
    if minutes_id is None and hasattr(record, "version_id"):
        minutes_id = minutes.MinutesVersion.objects.filter(pk=record.version_id).values_list(
            "minutes_id", flat=True
        ).first()
    meeting_id = minutes.Minutes.objects.filter(pk=minutes_id).values_list(
        "meeting_id", flat=True
    ).first()
    return meeting_objects(meeting_id)


TOUCHES: dict[type[Model], Callable[[Model], list[Pair]]] = {
    registry.Organisation: lambda o: [("body", str(o.pk))],
    registry.Body: lambda b: [("organization", str(b.pk)), ("body", str(b.organisation_id))],
    registry.Person: lambda p: [("person", str(p.pk))],
    registry.Term: lambda t: [("legislativeterm", str(t.pk))],
    registry.Membership: membership_objects,
    registry.Tenure: tenure_objects,
    meetings.Meeting: lambda m: [*meeting_objects(m.pk), ("organization", str(m.body_id))],
    meetings.Attendance: lambda a: meeting_objects(a.meeting_id)
    + ([("person", str(a.person_id))] if a.person_id else []),
    meetings.AgendaItem: item_objects,
    meetings.Decision: lambda d: item_objects(_item_of(d)),
    meetings.Proposal: lambda p: item_objects(_item_of(p)),
    meetings.Vote: lambda v: item_objects(_item_of(v)),
    meetings.ProtocolNote: lambda n: item_objects(_item_of(n)),
    meetings.Attachment: lambda a: [attachment_file(a.pk), *item_objects(_item_of(a))],
    meetings.Reservation: lambda r: item_objects(
        meetings.AgendaItem.objects.filter(decisions__pk=r.decision_id).first()
    ),
    meetings.Matter: lambda m: [("paper", str(m.pk))],
    meetings.Adoption: lambda a: [("consultation", str(a.pk)), ("paper", str(a.matter_id))],
    minutes.Minutes: lambda m: meeting_objects(m.meeting_id),
    minutes.MinutesVersion: _meeting_of_minutes,
    minutes.Signature: _meeting_of_minutes,
    minutes.StatusChange: _meeting_of_minutes,
}


def touched(record: Model) -> list[Pair]:
    """The API objects `record` is part of; none for records the API does not show."""
    touch = TOUCHES.get(type(record))
    return touch(record) if touch else []


def published_objects(minutes_record: minutes.Minutes) -> list[Pair]:
    """Everything that appears or disappears when minutes are published or withdrawn."""
    items = meetings.AgendaItem.objects.filter(meeting_id=minutes_record.meeting_id)
    people = meetings.Attendance.objects.filter(
        meeting_id=minutes_record.meeting_id, person__isnull=False
    ).values_list("person_id", flat=True)
    attachments = meetings.Attachment.objects.filter(
        item__meeting_id=minutes_record.meeting_id, public=True
    ).values_list("pk", flat=True)
    return [
        *meeting_objects(minutes_record.meeting_id),
        *(pair for item in items for pair in item_objects(item)),
        *(("person", str(person)) for person in people),
        *(attachment_file(pk) for pk in attachments),
    ]


def stamp(pairs: Iterable[Pair]) -> None:
    """Mark `pairs` as modified now (created now, if new) once the transaction commits; a
    rolled-back change leaves its stamps as they were."""
    pending = set(pairs)
    if pending:
        on_commit_once("api-stamps", write, pending)


def write(pairs: Iterable[Pair]) -> None:
    """Stamp `pairs` modified now, and created now where they have no stamp yet: one statement
    and one commit for all of them."""
    now = timezone.now()
    with transaction.atomic():
        Stamp.objects.bulk_create(
            [Stamp(kind=kind, key=key, created=now, modified=now) for kind, key in set(pairs)],
            update_conflicts=True, unique_fields=["kind", "key"], update_fields=["modified"],
        )


def stamp_all() -> None:
    """Stamp every object there is as changed now: for data from before stamps were kept."""
    write(pair for model in TOUCHES for record in model.objects.all() for pair in touched(record))


def _saved(sender, instance: Model, raw: bool = False, **_kwargs) -> None:
    if not raw:
        stamp(touched(instance))


def _deleted(sender, instance: Model, **_kwargs) -> None:
    # The object itself is gone; what embedded or listed it has changed.
    stamp(touched(instance))


def _m2m_changed(sender, instance: Model, action: str, **_kwargs) -> None:
    if action.startswith("post_"):
        stamp(touched(instance))


def _status_changed(sender, minutes: minutes.Minutes, **_kwargs) -> None:
    stamp(published_objects(minutes))


def connect_signals() -> None:
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            if model in TOUCHES:
                post_save.connect(_saved, sender=model, dispatch_uid=f"stamp-{model}-s")
                post_delete.connect(_deleted, sender=model, dispatch_uid=f"stamp-{model}-d")
    m2m_changed.connect(_m2m_changed, dispatch_uid="stamp-m2m")
    status_changed.connect(_status_changed, dispatch_uid="stamp-status")
