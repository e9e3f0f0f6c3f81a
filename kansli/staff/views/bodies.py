"""The secretariat's start page, the meetings across their bodies, and one body's meetings and
standard agenda."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from kansli.accounts import access
from kansli.meetings.agenda import default_template, template_items
from kansli.meetings.models import Meeting
from kansli.staff.forms import TemplateItemFormSet


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    bodies = access.staff_bodies(request)
    return render(request, "staff/home.html", {"bodies": bodies, "nav": "bodies"})


@require_safe
def meetings(request: HttpRequest) -> HttpResponse:
    bodies = access.staff_bodies(request)
    today = timezone.localdate()
    listed = Meeting.objects.filter(body__in=bodies).select_related("body", "minutes")
    return render(request, "staff/meetings.html", {
        "upcoming": listed.filter(date__gte=today).order_by("date", "start_time"),
        "past": listed.filter(date__lt=today).order_by("-date", "-start_time")[:30],
        "nav": "meetings",
    })


@require_safe
def body(request: HttpRequest, body: str) -> HttpResponse:
    found = access.staff_body(request, body, roles=access.READERS)
    return render(request, "staff/body.html", {
        "body": found,
        "meetings": found.meetings.select_related("minutes").order_by("-date", "-start_time"),
        "is_secretary": access.Role.SECRETARY in request.body_roles,
    })


@require_http_methods(["GET", "POST"])
def agenda_template(request: HttpRequest, body: str) -> HttpResponse:
    found = access.staff_body(request, body)
    saved = found.agenda_template.order_by("position", "pk")
    if not saved.exists():
        return _standard_template(request, found)
    formset = TemplateItemFormSet(request.POST or None, queryset=saved, prefix="template")
    if request.method == "POST" and formset.is_valid():
        _save_template(formset, found)
        messages.success(request, _("The standard agenda is saved."))
        return redirect("staff:agenda_template", body=found.slug)
    status = 400 if request.method == "POST" else 200
    return render(request, "staff/agenda_template.html",
                  {"body": found, "formset": formset}, status=status)


def _standard_template(request: HttpRequest, body) -> HttpResponse:
    """A body without a list of its own uses the standard one; adapting it saves a copy."""
    if request.method == "POST":
        template_items(body)
        return redirect("staff:agenda_template", body=body.slug)
    return render(request, "staff/agenda_template.html",
                  {"body": body, "defaults": default_template(body)})


@transaction.atomic
def _save_template(formset, body) -> None:
    for item in formset.save(commit=False):
        item.body = body
        item.save()
    for item in formset.deleted_objects:
        item.delete()
