"""Template tags shared by the public pages."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import pgettext

from kansli.meetings.models import Meeting, MeetingStatus

register = template.Library()


@register.simple_tag
def site_name() -> str:
    return settings.KANSLI_SITE_NAME


def minutes_published_label(meeting: Meeting) -> str:
    # Swedish says "minnesanteckningar" or "protokoll" depending on the body; English says
    # "minutes" for both, so the context tells the translator which one is meant.
    if meeting.body.is_protocol:
        return pgettext("protocol", "Minutes published")
    return pgettext("notes", "Minutes published")


@register.simple_tag
def meeting_status(meeting: Meeting) -> SafeString:
    """A status badge. Needs a meeting from `access.public_meetings()`, which knows whether its
    minutes are published."""
    if meeting.status != MeetingStatus.CANCELLED and meeting.minutes_published:
        return format_html(
            '<span class="status status-published">{}</span>', minutes_published_label(meeting)
        )
    return format_html(
        '<span class="status status-{}">{}</span>', meeting.status, meeting.get_status_display()
    )
