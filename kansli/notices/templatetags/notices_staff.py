"""The kallelse panel on the meeting's staff page: `{% notices_panel meeting request %}`."""

from __future__ import annotations

from django import template
from django.db.models import Count, Q
from django.http import HttpRequest

from kansli.accounts.access import body_roles
from kansli.accounts.models import Role
from kansli.meetings.models import Meeting
from kansli.notices.models import MailStatus, Notice

register = template.Library()


@register.inclusion_tag("notices/_panel.html")
def notices_panel(meeting: Meeting, request: HttpRequest) -> dict:
    counts = meeting.mails.aggregate(
        **{status: Count("pk", filter=Q(status=status)) for status in MailStatus.values}
    )
    return {
        "meeting": meeting,
        "notice": Notice.objects.filter(meeting=meeting).first(),
        "counts": counts,
        "failures": meeting.mails.filter(status=MailStatus.FAILED),
        "is_secretary": Role.SECRETARY in body_roles(request.user, meeting.body),
    }
