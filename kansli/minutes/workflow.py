"""The only code that moves minutes from one status to another.

Each move happens in a transaction, is checked against the allowed moves and is recorded with who
made it. Freezing the content into a `MinutesVersion` happens when the minutes leave the draft, so
what the adjusters sign is exactly what gets published.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.minutes.models import Minutes, MinutesStatus, MinutesVersion, StatusChange
from kansli.minutes.signals import status_changed
from kansli.minutes.render.document import build_document, load_meeting

ALLOWED_MOVES: dict[str, set[str]] = {
    MinutesStatus.DRAFT: {MinutesStatus.FOR_ADJUSTMENT},
    MinutesStatus.FOR_ADJUSTMENT: {MinutesStatus.DRAFT, MinutesStatus.ADJUSTED},
    MinutesStatus.ADJUSTED: {MinutesStatus.PUBLISHED},
    MinutesStatus.PUBLISHED: {MinutesStatus.ADJUSTED},
}


class WorkflowError(Exception):
    """A status move that the rules do not allow."""


def freeze(minutes: Minutes, *, user=None, reason: str = "") -> MinutesVersion:
    """Store the minutes' current full content as a new numbered version."""
    document = build_document(load_meeting(minutes.meeting_id), for_public=False)
    last = minutes.versions.order_by("-number").first()
    if last and last.sha256 == document.sha256():
        return last
    return MinutesVersion.objects.create(
        minutes=minutes,
        number=(last.number + 1) if last else 1,
        content=document.to_json(),
        sha256=document.sha256(),
        reason=reason,
        created_by=user,
    )


@transaction.atomic
def move(minutes: Minutes, to_status: str, *, user=None, note: str = "") -> Minutes:
    """Move `minutes` to `to_status`, or raise WorkflowError naming the refused move."""
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    from_status = minutes.status
    if to_status not in ALLOWED_MOVES.get(from_status, set()):
        raise WorkflowError(
            _("Minutes cannot go from “%(from)s” to “%(to)s”.")
            % {"from": MinutesStatus(from_status).label, "to": MinutesStatus(to_status).label}
        )
    now = timezone.now()
    if to_status == MinutesStatus.FOR_ADJUSTMENT:
        freeze(minutes, user=user)
    if to_status == MinutesStatus.ADJUSTED and minutes.adjusted_at is None:
        minutes.adjusted_at = now
    if to_status == MinutesStatus.PUBLISHED:
        minutes.published_at = now
    minutes.status = to_status
    minutes.save(update_fields=["status", "adjusted_at", "published_at", "updated_at"])
    StatusChange.objects.create(
        minutes=minutes, from_status=from_status, to_status=to_status, changed_by=user, note=note
    )
    transaction.on_commit(
        lambda: status_changed.send(
            sender=Minutes, minutes=minutes, from_status=from_status, to_status=to_status
        )
    )
    return minutes


def publish(minutes: Minutes, *, user=None) -> Minutes:
    """Adjust (if needed) and publish: the path imported, already adjusted minutes take."""
    minutes.refresh_from_db(fields=["status"])
    if minutes.is_published:
        return minutes
    for step in (MinutesStatus.FOR_ADJUSTMENT, MinutesStatus.ADJUSTED, MinutesStatus.PUBLISHED):
        if step in ALLOWED_MOVES.get(minutes.status, set()):
            minutes = move(minutes, step, user=user)
    return minutes
