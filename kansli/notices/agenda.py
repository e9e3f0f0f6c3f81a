"""The agenda (föredragningslista) of a meeting as a tagged PDF, sent with the kallelse.

The agenda goes to members, who may see confidential items' titles; it is never public output.
"""

from __future__ import annotations

from django.template.loader import render_to_string

from kansli.lib.swedish_dates import format_meeting_time
from kansli.meetings.models import Meeting


def agenda_html(meeting: Meeting) -> str:
    items = meeting.items.order_by("sort_key").select_related("parent")
    return render_to_string("notices/agenda.html", {
        "meeting": meeting,
        "when": format_meeting_time(meeting.date, meeting.start_time, meeting.end_time),
        "items": items,
    })


def render_agenda_pdf(meeting: Meeting) -> bytes:
    # Imported here for the same reason as in minutes.render.pdf: WeasyPrint is slow to import.
    from weasyprint import HTML

    return HTML(string=agenda_html(meeting)).write_pdf(pdf_tags=True)
