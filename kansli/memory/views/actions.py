"""A body's actions: who does what by when, raised under one item and closed under an item of a
later meeting; the overdue ones flagged."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from kansli.meetings import followup
from kansli.meetings.models import ActionItem
from kansli.memory import access
from kansli.memory.forms import ActionForm, CloseActionForm

RECENTLY_CLOSED = 20


@require_safe
def actions(request: HttpRequest, body: str) -> HttpResponse:
    found = access.staff_body(request, body, roles=access.READERS)
    today = timezone.localdate()
    closed = (
        ActionItem.objects.filter(closed_in__meeting__body=found)
        .exclude(status=ActionItem.Status.OPEN)
        .select_related("owner", "owner_organisation", "closed_in__meeting", "matter")
        .order_by(F("closed_in__meeting__date").desc(), "-pk")[:RECENTLY_CLOSED]
    )
    return render(request, "memory/actions.html", {
        "body": found, "today": today,
        "open": [(a, followup.is_overdue(a, today)) for a in followup.open_actions(found)],
        "closed": closed,
        "is_secretary": access.Role.SECRETARY in request.body_roles,
    })


@require_http_methods(["GET", "POST"])
def new_action(request: HttpRequest, body: str) -> HttpResponse:
    found = access.staff_body(request, body)
    form = ActionForm(request.POST or None, body=found,
                      initial={"matter": request.GET.get("arende")})
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The action is saved."))
        return redirect("memory:actions", body=found.slug)
    return render(request, "memory/form.html", {
        "body": found, "form": form, "title": _("New action"), "submit": _("Save the action"),
        "cancel": reverse("memory:actions", kwargs={"body": found.slug}),
    }, status=400 if request.method == "POST" else 200)


@require_http_methods(["GET", "POST"])
def close_action(request: HttpRequest, body: str, pk: int) -> HttpResponse:
    found, action = access.body_action(request, body, pk)
    form = CloseActionForm(request.POST or None, action=action, body=found)
    if request.method == "POST" and form.is_valid():
        followup.close_action(action, form.cleaned_data["item"],
                              status=form.cleaned_data["status"])
        messages.success(request, _("The action is closed."))
        return redirect("memory:actions", body=found.slug)
    return render(request, "memory/form.html", {
        "body": found, "form": form, "title": _("Close the action"), "submit": _("Close"),
        "lead": action.text, "cancel": reverse("memory:actions", kwargs={"body": found.slug}),
    }, status=400 if request.method == "POST" else 200)
