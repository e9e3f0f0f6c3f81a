"""The two rules every edit of a meeting's content obeys.

1. Content is locked once the minutes leave the draft: what the adjusters sign is what gets
   published, so a change after that is refused (a correction is a new version, made through the
   minutes workflow).
2. Nobody silently loses work: an edit carries the revision it started from, and a save based on
   an older revision than the stored one is refused, with both texts kept for the writer to
   choose from (optimistic locking).
"""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from kansli.accounts.access import Refused, staff_meeting
from kansli.meetings.models import AgendaItem, Meeting
from kansli.minutes.models import Minutes, MinutesStatus


class MinutesLocked(Refused):
    """An edit of a meeting whose minutes have left the draft."""

    def __init__(self, meeting: Meeting, minutes: Minutes):
        super().__init__("The minutes are locked")
        self.meeting = meeting
        self.minutes = minutes

    def response(self, request: HttpRequest) -> HttpResponse:
        return TemplateResponse(
            request, "staff/locked.html",
            {"body": self.meeting.body, "meeting": self.meeting, "minutes": self.minutes},
            status=409,
        )


class StaleEdit(Exception):
    """A save based on an older revision than the stored one."""

    def __init__(self, current: AgendaItem):
        super().__init__("Saved by someone else in the meantime")
        self.current = current


def minutes_of(meeting: Meeting) -> Minutes | None:
    return Minutes.objects.filter(meeting=meeting).first()


def is_locked(minutes: Minutes | None) -> bool:
    return minutes is not None and minutes.status != MinutesStatus.DRAFT


def ensure_editable(meeting: Meeting) -> None:
    minutes = minutes_of(meeting)
    if is_locked(minutes):
        raise MinutesLocked(meeting, minutes)


def editable_meeting(request: HttpRequest, body_slug: str, meeting_slug: str) -> Meeting:
    """The meeting for a secretary to change, refused once its minutes are locked."""
    meeting = staff_meeting(request, body_slug, meeting_slug)
    ensure_editable(meeting)
    return meeting


def editable_item(request: HttpRequest, body_slug: str, meeting_slug: str, pk: int) -> AgendaItem:
    meeting = editable_meeting(request, body_slug, meeting_slug)
    item = get_object_or_404(AgendaItem.objects.filter(meeting=meeting), pk=pk)
    item.meeting = meeting
    return item


def draft_minutes(meeting: Meeting) -> Minutes:
    """The meeting's minutes, started as a draft if there are none yet."""
    minutes, _created = Minutes.objects.get_or_create(meeting=meeting)
    return minutes


@transaction.atomic
def save_item(item: AgendaItem, revision: int, save) -> AgendaItem:
    """Run `save()` (which writes the item and its parts) if nobody saved the item since
    `revision`; raise StaleEdit otherwise. The item's revision moves on by one."""
    current = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if current.revision != revision:
        raise StaleEdit(current)
    item.revision = current.revision + 1
    save()
    return item


def minutes_token(minutes: Minutes) -> str:
    """The minutes' revision: the time of their last save, which every save moves on."""
    return minutes.updated_at.isoformat()


@transaction.atomic
def save_minutes(minutes: Minutes, token: str, save) -> bool:
    """Run `save()` if nobody saved the minutes since `token`; False (nothing saved) otherwise."""
    current = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if minutes_token(current) != token or is_locked(current):
        return False
    save()
    return True
