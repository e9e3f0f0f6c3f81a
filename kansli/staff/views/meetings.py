"""A body's meetings: planning a new one from the standard agenda, its facts, its page, and its
audit trail."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from kansli.accounts import access
from kansli.accounts.audit import meeting_history, readable_changes
from kansli.meetings.agenda import start_agenda
from kansli.meetings.followup import prepare_meeting
from kansli.meetings.models import Meeting
from kansli.meetings.numbering import number_meeting
from kansli.staff.editing import draft_minutes, editable_meeting
from kansli.staff.forms import MeetingForm, NewItemForm
from kansli.staff.views.pages import meeting_context


def meeting_url(meeting: Meeting) -> str:
    return reverse("staff:meeting", kwargs={"body": meeting.body.slug, "meeting": meeting.slug})


@require_http_methods(["GET", "POST"])
def new_meeting(request: HttpRequest, body: str) -> HttpResponse:
    found = access.staff_body(request, body)
    form = MeetingForm(request.POST or None, body=found)
    if request.method == "POST" and form.is_valid():
        meeting = _create(form)
        messages.success(request, _("The meeting is planned, with the standard agenda."))
        return redirect(meeting_url(meeting))
    status = 400 if request.method == "POST" else 200
    return render(request, "staff/meeting_form.html", {"body": found, "form": form},
                  status=status)


@transaction.atomic
def _create(form: MeetingForm) -> Meeting:
    meeting = form.save()
    start_agenda(meeting)
    # Roll-call, outstanding matters, changes since the last meeting, planned matters.
    prepare_meeting(meeting)
    draft_minutes(meeting)
    return meeting


@require_http_methods(["GET", "POST"])
def edit_meeting(request: HttpRequest, body: str, meeting: str) -> HttpResponse:
    found = editable_meeting(request, body, meeting)
    old_date = found.date
    form = MeetingForm(request.POST or None, instance=found, body=found.body)
    if request.method == "POST" and form.is_valid():
        _save_facts(form, old_date)
        messages.success(request, _("The meeting is saved."))
        return redirect(meeting_url(found))
    status = 400 if request.method == "POST" else 200
    return render(request, "staff/meeting_form.html",
                  {**meeting_context(request, found), "form": form}, status=status)


@transaction.atomic
def _save_facts(form: MeetingForm, old_date) -> None:
    meeting = form.save()
    if meeting.date != old_date or "status" in form.changed_data:
        # In protocol mode a new date or a cancellation moves the year's § numbers.
        number_meeting(meeting)


@require_safe
def meeting(request: HttpRequest, body: str, meeting: str) -> HttpResponse:
    found = access.staff_meeting(request, body, meeting, roles=access.READERS)
    items = list(found.items.prefetch_related("attachments", "decisions").order_by("sort_key"))
    attendances = found.attendances.select_related("person", "organisation", "party")
    return render(request, "staff/meeting.html", {
        **meeting_context(request, found),
        "items": items,
        "attendances": attendances,
        "new_item_form": NewItemForm(meeting=found),
    })


@require_safe
def history(request: HttpRequest, body: str, meeting: str) -> HttpResponse:
    found = access.staff_meeting(request, body, meeting)
    return render(request, "staff/history.html", {
        **meeting_context(request, found),
        "entries": [(entry, readable_changes(entry)) for entry in meeting_history(found)[:500]],
        "sources": found.sources.select_related("reviewed_by").order_by("-imported_at", "-pk"),
    })
