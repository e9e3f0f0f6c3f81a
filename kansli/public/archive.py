"""The meetings archive: upcoming meetings and the years of earlier ones (/moten/), and every
meeting of one year (/moten/2024/)."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.generic.dates import YearArchiveView

from kansli.public import access
from kansli.public.views import kept_for_readers


@kept_for_readers
def meeting_index(request: HttpRequest) -> TemplateResponse:
    return TemplateResponse(request, "public/meetings.html", {
        "upcoming": access.upcoming_meetings(timezone.localdate(), limit=50),
        "years": access.meeting_years(),
    })


class MeetingYear(YearArchiveView):
    """Every meeting of a year, planned ones included: dates are public from the start."""

    date_field = "date"
    allow_future = True
    make_object_list = True
    template_name = "public/meeting_year.html"

    def get_queryset(self):
        return access.public_meetings().order_by("date", "start_time", "body__name")


meeting_year = kept_for_readers(MeetingYear.as_view())
