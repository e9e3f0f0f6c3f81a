"""The justering panel on the meeting's staff page: `{% minutes_panel meeting request %}`."""

from __future__ import annotations

from django import template
from django.http import HttpRequest

from kansli.accounts.access import body_roles
from kansli.accounts.models import Role
from kansli.meetings.models import Meeting
from kansli.minutes import workflow
from kansli.minutes.models import Minutes, Signature
from kansli.registry.models import Person

register = template.Library()


def _signers(minutes: Minutes, version) -> list[tuple[Person, str, Signature | None]]:
    signed = {s.signer_id: s for s in version.signatures.all()} if version else {}
    return [
        (person, Signature.Role(role).label, signed.get(person.pk))
        for person, role in workflow.signers(minutes)
    ]


@register.inclusion_tag("minutes/_panel.html")
def minutes_panel(meeting: Meeting, request: HttpRequest) -> dict:
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is None:
        return {"meeting": meeting, "minutes": None}
    current = workflow.current_request(minutes)
    version = current.version if current else None
    comments = current.comments.select_related("author") if current and current.returned_at else []
    return {
        "meeting": meeting, "minutes": minutes, "current": current, "request": request,
        "signers": _signers(minutes, version),
        "comments": comments,
        "is_secretary": Role.SECRETARY in body_roles(request.user, meeting.body),
        "items": meeting.items.order_by("sort_key") if meeting.body.is_protocol else [],
        "people": Person.objects.filter(attendances__meeting=meeting).distinct(),
        "immediate": minutes.immediate_adjustments.all(),
        "entry": getattr(minutes, "notice_board_entry", None),
        "versions": minutes.versions.order_by("-number"),
    }
