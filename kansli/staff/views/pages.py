"""What every staff page shows about the meeting it is about."""

from __future__ import annotations

from django.http import HttpRequest

from kansli.accounts.models import Role
from kansli.meetings.models import Meeting
from kansli.staff.editing import is_locked, minutes_of


def meeting_context(request: HttpRequest, meeting: Meeting) -> dict:
    """`body`, `meeting`, `minutes` (or None), whether the user may edit, and whether the
    minutes are locked: the context the meeting's pages and panels share."""
    minutes = minutes_of(meeting)
    roles = getattr(request, "body_roles", set())
    locked = is_locked(minutes)
    return {
        "body": meeting.body,
        "meeting": meeting,
        "minutes": minutes,
        "roles": roles,
        "is_secretary": Role.SECRETARY in roles,
        "locked": locked,
        "can_edit": Role.SECRETARY in roles and not locked,
    }
