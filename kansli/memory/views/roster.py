"""A body's seats: who sat on it on a chosen day, who held each seat over time, the seats
themselves (a person's own or ex officio through a post, substitutes), and the changes between
two days as the minutes write them."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from kansli.meetings.followup import previous_meeting
from kansli.meetings.models import Meeting
from kansli.memory import access
from kansli.memory.forms import EndMembershipForm, MembershipForm
from kansli.registry.changes import changes_between, changes_text
from kansli.registry.roster import Roster


def day_from(request: HttpRequest, name: str, default: datetime.date) -> datetime.date:
    """A day from the query string, or `default` (with a message) when it is not a date."""
    written = request.GET.get(name, "").strip()
    if not written:
        return default
    try:
        return datetime.date.fromisoformat(written)
    except ValueError:
        messages.error(request, _("“%(value)s” is not a date (YYYY-MM-DD); showing %(day)s.")
                       % {"value": written, "day": default.isoformat()})
        return default


@require_safe
def roster(request: HttpRequest, body: str) -> HttpResponse:
    found = access.staff_body(request, body, roles=access.READERS)
    day = day_from(request, "datum", timezone.localdate())
    seats = Roster.of(found)
    return render(request, "memory/roster.html", {
        "body": found, "day": day, "seats": seats.people_on(day),
        "vacant": [seat for seat in seats.on(day) if seat.person is None],
        "history": seats.history(),
        "memberships": seats.memberships,
        "is_secretary": access.Role.SECRETARY in request.body_roles,
    })


@require_http_methods(["GET", "POST"])
def new_membership(request: HttpRequest, body: str) -> HttpResponse:
    found = access.staff_body(request, body)
    form = MembershipForm(request.POST or None, body=found)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The seat is saved."))
        return redirect("memory:roster", body=found.slug)
    return render(request, "memory/form.html", {
        "body": found, "form": form, "title": _("New seat"), "submit": _("Save the seat"),
        "lead": _("A seat of a person's own, or ex officio: whoever holds the post sits on "
                  "the body."),
    }, status=400 if request.method == "POST" else 200)


@require_POST
def end_membership(request: HttpRequest, body: str, pk: int) -> HttpResponse:
    found = access.staff_body(request, body)
    membership = get_object_or_404(found.memberships, pk=pk)
    form = EndMembershipForm(request.POST, membership=membership)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["end"]))
        return redirect("memory:roster", body=found.slug)
    membership.end = form.cleaned_data["end"]
    membership.save(update_fields=["end"])
    messages.success(request, _("The seat ends on %(date)s.") % {"date": membership.end})
    return redirect("memory:roster", body=found.slug)


@require_safe
def changes(request: HttpRequest, body: str) -> HttpResponse:
    found = access.staff_body(request, body, roles=access.READERS)
    today = timezone.localdate()
    last = previous_meeting(Meeting(body=found, date=today + datetime.timedelta(days=1)))
    since = day_from(request, "fran", last.date if last else today - datetime.timedelta(days=90))
    until = day_from(request, "till", today)
    found_changes = changes_between(found, since, until)
    members = list(found.member_organisations.all())
    return render(request, "memory/changes.html", {
        "body": found, "since": since, "until": until, "changes": found_changes,
        "text": changes_text(found, found_changes, until, members),
    })
