"""The public notice board (anslagstavla): the current anslag of every protocol-mode body."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils import timezone

from kansli.minutes.models import Minutes, NoticeBoardEntry
from kansli.public.views import kept_for_readers


def current_entries() -> QuerySet[NoticeBoardEntry]:
    """Entries on the board today, only ever of published minutes."""
    return (
        NoticeBoardEntry.objects.current(timezone.localdate())
        .filter(minutes__in=Minutes.objects.published())
        .select_related("minutes__meeting__body__organisation")
        .order_by("-posted_on", "minutes__meeting__body__name")
    )


@kept_for_readers
def notice_board(request: HttpRequest) -> TemplateResponse:
    return TemplateResponse(request, "minutes/public_noticeboard.html", {
        "entries": current_entries(),
    })
