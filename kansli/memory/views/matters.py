"""A body's matters (ärenden): each on one timeline page with the items and decisions that dealt
with it across meetings and bodies, its documents, actions and forward plans, and its adoption
by the member organisations; and the matrix of the body's proposals by organisation."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from kansli.meetings import adoption, followup
from kansli.meetings.models import AgendaItem, Attachment, Decision, Matter
from kansli.memory import access
from kansli.memory.forms import AdoptionForm, LinkItemForm, MatterForm, PlanForm


def matter_url(matter: Matter) -> str:
    return reverse("memory:matter", kwargs={"body": matter.body.slug, "slug": matter.slug})


@require_safe
def matters(request: HttpRequest, body: str) -> HttpResponse:
    found = access.staff_body(request, body, roles=access.READERS)
    rows = adoption.rollups(Matter.objects.filter(body=found).order_by("status", "title"))
    return render(request, "memory/matters.html", {
        "body": found, "rows": rows,
        "is_secretary": access.Role.SECRETARY in request.body_roles,
    })


@require_http_methods(["GET", "POST"])
def new_matter(request: HttpRequest, body: str) -> HttpResponse:
    found = access.staff_body(request, body)
    form = MatterForm(request.POST or None, body=found)
    if request.method == "POST" and form.is_valid():
        matter = form.save()
        messages.success(request, _("The matter is saved."))
        return redirect(matter_url(matter))
    return render(request, "memory/form.html", {
        "body": found, "form": form, "title": _("New matter"), "submit": _("Save the matter"),
        "cancel": reverse("memory:matters", kwargs={"body": found.slug}),
    }, status=400 if request.method == "POST" else 200)


@require_http_methods(["GET", "POST"])
def edit_matter(request: HttpRequest, body: str, slug: str) -> HttpResponse:
    matter = access.body_matter(request, body, slug)
    form = MatterForm(request.POST or None, instance=matter, body=matter.body)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The matter is saved."))
        return redirect(matter_url(matter))
    return render(request, "memory/form.html", {
        "body": matter.body, "matter": matter, "form": form, "title": _("Edit the matter"),
        "submit": _("Save the matter"), "cancel": matter_url(matter),
    }, status=400 if request.method == "POST" else 200)


def timeline(matter: Matter):
    """Every item that dealt with the matter, drafts and closed sessions included (this is
    the secretariat's page), with decisions and documents, oldest first."""
    return (
        AgendaItem.objects.filter(matter=matter)
        .select_related("meeting__body")
        .prefetch_related(
            Prefetch("decisions", queryset=Decision.objects.order_by("position", "pk")),
            Prefetch("attachments", queryset=Attachment.objects.order_by("uploaded_at", "pk")),
        )
        .order_by("meeting__date", "meeting__start_time", "sort_key")
    )


def _matter_page(request: HttpRequest, matter: Matter, status: int = 200,
                 **forms) -> HttpResponse:
    today = timezone.localdate()
    bodies = access.secretary_bodies(request)
    actions = matter.actions.select_related("owner", "owner_organisation",
                                            "raised_in__meeting", "closed_in__meeting")
    return render(request, "memory/matter.html", {
        "body": matter.body, "matter": matter, "today": today,
        "timeline": timeline(matter),
        "actions": [(action, followup.is_overdue(action, today)) for action in actions],
        "plans": matter.plans.select_related("meeting", "item__meeting").order_by("pk"),
        "rollup": adoption.rollup(matter),
        "is_secretary": access.Role.SECRETARY in request.body_roles,
        "link_form": forms.get("link_form") or LinkItemForm(bodies=bodies),
        "plan_form": forms.get("plan_form") or PlanForm(matter=matter, today=today),
        "adoption_form": forms.get("adoption_form") or AdoptionForm(matter=matter),
    }, status=status)


@require_safe
def matter(request: HttpRequest, body: str, slug: str) -> HttpResponse:
    return _matter_page(request, access.body_matter(request, body, slug, roles=access.READERS))


@require_POST
def link_item(request: HttpRequest, body: str, slug: str) -> HttpResponse:
    matter = access.body_matter(request, body, slug)
    form = LinkItemForm(request.POST, bodies=access.secretary_bodies(request))
    if not form.is_valid():
        return _matter_page(request, matter, 400, link_form=form)
    item = form.cleaned_data["item"]
    item.matter = matter
    item.save(update_fields=["matter"])
    messages.success(request, _("“%(item)s” now belongs to the matter.") % {"item": item})
    return redirect(matter_url(matter) + "#tidslinje")


@require_POST
def plan(request: HttpRequest, body: str, slug: str) -> HttpResponse:
    matter = access.body_matter(request, body, slug)
    today = timezone.localdate()
    form = PlanForm(request.POST, matter=matter, today=today)
    if not form.is_valid():
        return _matter_page(request, matter, 400, plan_form=form)
    with transaction.atomic():
        item = followup.schedule(form.save(), today)
    if item is not None:
        messages.success(request, _("The matter is on the agenda of %(meeting)s.")
                         % {"meeting": item.meeting})
    else:
        messages.success(request, _("The matter is planned; the meeting takes it up when it "
                                    "is created."))
    return redirect(matter_url(matter) + "#planerat")


@require_POST
def send(request: HttpRequest, body: str, slug: str) -> HttpResponse:
    matter = access.body_matter(request, body, slug)
    try:
        added = adoption.send_to_members(matter)
    except adoption.AdoptionError as error:
        messages.error(request, str(error))
        return redirect(matter_url(matter) + "#antaganden")
    messages.success(request, ngettext(
        "%(count)d member organisation is asked to adopt the proposal.",
        "%(count)d member organisations are asked to adopt the proposal.", added)
        % {"count": added})
    return redirect(matter_url(matter) + "#antaganden")


@require_POST
def record_adoption(request: HttpRequest, body: str, slug: str) -> HttpResponse:
    matter = access.body_matter(request, body, slug)
    form = AdoptionForm(request.POST, matter=matter)
    if not form.is_valid():
        return _matter_page(request, matter, 400, adoption_form=form)
    data = dict(form.cleaned_data)
    organisation = data.pop("organisation")
    adoption.record(matter, organisation, **data)
    messages.success(request, _("%(organisation)s: %(status)s.") % {
        "organisation": organisation, "status": adoption.Status(data["status"]).label})
    return redirect(matter_url(matter) + "#antaganden")


@require_safe
def adoptions(request: HttpRequest, body: str) -> HttpResponse:
    found = access.staff_body(request, body, roles=access.READERS)
    return render(request, "memory/adoptions.html", {
        "body": found,
        "matrix": adoption.matrix(Matter.objects.filter(body=found)),
    })

