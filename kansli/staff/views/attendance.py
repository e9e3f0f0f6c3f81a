"""The roll-call and the people the minutes name: who was there and how, who takes the minutes
and who adjusts them."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from kansli.meetings.rollcall import add_attendee, fill_from_seats
from kansli.staff.editing import draft_minutes, editable_meeting, minutes_token, save_minutes
from kansli.staff.forms import AddAttendanceForm, AttendanceFormSet, MinutesForm
from kansli.staff.views.pages import meeting_context


def rollcall_url(meeting) -> str:
    return reverse("staff:rollcall", kwargs={"body": meeting.body.slug, "meeting": meeting.slug})


def _page(request, meeting, *, formset=None, add_form=None, minutes_form=None, status=200,
          **extra):
    context = meeting_context(request, meeting)
    minutes = context["minutes"]
    return render(request, "staff/rollcall.html", {
        **context,
        "formset": formset or AttendanceFormSet(instance=meeting, prefix="attendance"),
        "add_form": add_form or AddAttendanceForm(prefix="add"),
        "minutes_form": minutes_form or (MinutesForm(instance=minutes) if minutes else None),
        "minutes_token": minutes_token(minutes) if minutes else "",
        **extra,
    }, status=status)


@require_http_methods(["GET", "POST"])
def rollcall(request: HttpRequest, body: str, meeting: str) -> HttpResponse:
    found = editable_meeting(request, body, meeting)
    if request.method == "GET":
        return _page(request, found)
    formset = AttendanceFormSet(request.POST, instance=found, prefix="attendance")
    if not formset.is_valid():
        return _page(request, found, formset=formset, status=400)
    with transaction.atomic():
        formset.save()
        draft_minutes(found)
    messages.success(request, _("The roll-call is saved."))
    return redirect(rollcall_url(found))


@require_POST
def fill(request: HttpRequest, body: str, meeting: str) -> HttpResponse:
    found = editable_meeting(request, body, meeting)
    with transaction.atomic():
        added = fill_from_seats(found)
        draft_minutes(found)
    messages.success(request, ngettext(
        "%(count)d member added to the roll-call.",
        "%(count)d members added to the roll-call.", added) % {"count": added})
    return redirect(rollcall_url(found))


@require_POST
def add(request: HttpRequest, body: str, meeting: str) -> HttpResponse:
    found = editable_meeting(request, body, meeting)
    form = AddAttendanceForm(request.POST, prefix="add")
    if not form.is_valid():
        return _page(request, found, add_form=form, status=400)
    data = form.cleaned_data
    with transaction.atomic():
        added = add_attendee(found, person=data["person"], name=data["name"],
                             organisation=data["organisation"], status=data["status"])
        draft_minutes(found)
    messages.success(request, _("%(name)s is added.") % {"name": added.display_name})
    return redirect(rollcall_url(found))


@require_POST
def appoint(request: HttpRequest, body: str, meeting: str) -> HttpResponse:
    """Note-taker, adjusters and the time and place of adjustment."""
    found = editable_meeting(request, body, meeting)
    minutes = draft_minutes(found)
    form = MinutesForm(request.POST, instance=minutes)
    if not form.is_valid():
        return _page(request, found, minutes_form=form, status=400)
    if not save_minutes(minutes, request.POST.get("minutes_token", ""), form.save):
        minutes.refresh_from_db()
        return _page(request, found, minutes_form=form, status=409,
                     minutes_conflict=MinutesForm(instance=minutes))
    messages.success(request, _("The note-taker and adjusters are saved."))
    return redirect(rollcall_url(found) + "#utses")
