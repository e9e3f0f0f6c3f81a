"""The audit trail: every change to the registry, meetings, minutes and roles, with who made it
and when, recorded by django-auditlog.

A meeting's history is read from the entries its parts carry the meeting's id in (see
`MeetingPart`), plus those of its minutes, which are found through the minutes' own records.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet

from kansli.meetings.models import Meeting

AUDITED_APPS = ("registry", "meetings", "minutes", "accounts")
# Fields whose changes say nothing to a reader: timestamps, computed order, and the frozen
# content of a version, which its checksum already identifies.
NOT_AUDITED = {"updated_at", "sort_key", "content"}


def register_audited_models() -> None:
    for label in AUDITED_APPS:
        for model in apps.get_app_config(label).get_models():
            if auditlog.contains(model):
                continue
            names = {field.name for field in model._meta.get_fields()}
            auditlog.register(
                model,
                exclude_fields=sorted(NOT_AUDITED & names),
                m2m_fields={field.name for field in model._meta.many_to_many},
            )


def meeting_history(meeting: Meeting) -> QuerySet[LogEntry]:
    """Every recorded change to the meeting, its parts and its minutes, newest first."""
    scope = Q(additional_data__meeting=meeting.pk)
    minutes = getattr(meeting, "minutes", None)  # the missing one-to-one raises AttributeError
    if minutes is not None:
        scope |= _entries_of(minutes._meta.model, [minutes.pk])
        for related in ("status_changes", "versions"):
            manager = getattr(minutes, related)
            scope |= _entries_of(manager.model, list(manager.values_list("pk", flat=True)))
    return LogEntry.objects.filter(scope).select_related("actor", "content_type").order_by(
        "-timestamp", "-pk"
    )


def _entries_of(model, pks: list[int]) -> Q:
    content_type = ContentType.objects.get_for_model(model)
    return Q(content_type=content_type, object_id__in=pks)


@dataclass(frozen=True)
class Change:
    """One field's change in an audit entry, as a reader sees it."""

    field: str
    before: str
    after: str


def readable_changes(entry: LogEntry) -> list[Change]:
    """The entry's changes with field names and choice labels as the interface shows them."""
    raw = entry.changes_dict
    shown = entry.changes_display_dict
    changes = []
    for values, label in zip(raw.values(), shown, strict=False):
        if isinstance(values, dict):  # a many-to-many change: who was added or removed
            objects = ", ".join(values.get("objects", []))
            added = values.get("operation") == "add"
            changes.append(Change(str(label), "" if added else objects, objects if added else ""))
        else:
            before, after = shown[label]
            changes.append(Change(str(label), str(before), str(after)))
    return changes
