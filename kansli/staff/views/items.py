"""Agenda items: adding, moving, nesting and removing them, and writing what happened under
each. Writing is saved as the secretary types (htmx) and refused when someone else saved the
item in the meantime."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from kansli.meetings.agenda import MoveRefused, add_item, move_item
from kansli.meetings.models import AgendaItem, AttendanceStatus
from kansli.meetings.numbering import number_meeting
from kansli.staff.editing import StaleEdit, editable_item, editable_meeting, save_item
from kansli.staff.forms import (
    AttachmentForm,
    DecisionFormSet,
    ItemForm,
    NewItemForm,
    ProposalForm,
    ProtocolNoteForm,
    ReservationForm,
    VoteForm,
)
from kansli.staff.views.meetings import meeting_url
from kansli.staff.views.pages import meeting_context

MOVE_MESSAGES = {
    "up": gettext_lazy("“%(title)s” is moved up."),
    "down": gettext_lazy("“%(title)s” is moved down."),
    "in": gettext_lazy("“%(title)s” is now a sub-item."),
    "out": gettext_lazy("“%(title)s” is now a main item."),
}


def item_url(item: AgendaItem) -> str:
    return reverse("staff:item", kwargs={
        "body": item.meeting.body.slug, "meeting": item.meeting.slug, "pk": item.pk,
    })


def agenda_anchor(item: AgendaItem) -> str:
    return f"{meeting_url(item.meeting)}#punkt-{item.pk}"


@require_POST
def new_item(request: HttpRequest, body: str, meeting: str) -> HttpResponse:
    found = editable_meeting(request, body, meeting)
    form = NewItemForm(request.POST, meeting=found)
    if not form.is_valid():
        return render(request, "staff/item_new.html",
                      {**meeting_context(request, found), "form": form}, status=400)
    item = add_item(found, form.save(commit=False))
    messages.success(request, _("Item %(number)s is added.") % {"number": item_label(item)})
    return redirect(item_url(item))


def item_label(item: AgendaItem) -> str:
    item.refresh_from_db(fields=["number"])
    return item.number


@require_POST
def move(request: HttpRequest, body: str, meeting: str, pk: int) -> HttpResponse:
    item = editable_item(request, body, meeting, pk)
    direction = request.POST.get("direction", "")
    try:
        move_item(item, direction)
    except MoveRefused:
        messages.error(request, _("“%(title)s” cannot be moved that way.") % {"title": item.title})
    else:
        messages.success(request, MOVE_MESSAGES[direction] % {"title": item.title})
    return redirect(agenda_anchor(item))


@require_http_methods(["GET", "POST"])
def delete_item(request: HttpRequest, body: str, meeting: str, pk: int) -> HttpResponse:
    item = editable_item(request, body, meeting, pk)
    if request.method == "POST":
        item.delete()
        number_meeting(item.meeting)
        messages.success(request, _("“%(title)s” is removed from the agenda.") % {
            "title": item.title})
        return redirect(meeting_url(item.meeting))
    return render(request, "staff/item_delete.html",
                  {**meeting_context(request, item.meeting), "item": item})


def _voters(item: AgendaItem):
    voting = (AttendanceStatus.PRESENT, AttendanceStatus.SERVING_SUBSTITUTE)
    return list(item.meeting.attendances.filter(status__in=voting).select_related("person"))


def protocol_forms(item: AgendaItem) -> dict:
    """Empty forms for what a protokoll records beyond notes and decisions."""
    if not item.meeting.body.is_protocol:
        return {}
    return {
        "proposal_form": ProposalForm(meeting=item.meeting, prefix="proposal"),
        "vote_form": VoteForm(voters=_voters(item), prefix="vote"),
        "reservation_form": ReservationForm(item=item, prefix="reservation"),
        "note_form": ProtocolNoteForm(meeting=item.meeting, prefix="note"),
    }


def item_page(request: HttpRequest, item: AgendaItem, form: ItemForm, decisions,
              status: int = 200, **extra) -> HttpResponse:
    siblings = list(item.meeting.items.order_by("sort_key").only("pk", "number", "title"))
    index = next(i for i, other in enumerate(siblings) if other.pk == item.pk)
    return render(request, "staff/item.html", {
        **meeting_context(request, item.meeting),
        "item": item,
        "revision": item.revision,
        "form": form,
        "decisions": decisions,
        "previous": siblings[index - 1] if index > 0 else None,
        "following": siblings[index + 1] if index + 1 < len(siblings) else None,
        "attachments": item.attachments.all(),
        "attachment_form": AttachmentForm(item=item),
        "attachment_limit": settings.KANSLI_ATTACHMENT_MAX_MB,
        "proposals": item.proposals.select_related("mover"),
        "votes": item.votes.prefetch_related("ballots__attendance__person"),
        "reservations": [r for d in item.decisions.all() for r in d.reservations.all()],
        "protocol_notes": item.protocol_notes.select_related("person"),
        **protocol_forms(item),
        **extra,
    }, status=status)


@require_http_methods(["GET", "POST"])
def write_item(request: HttpRequest, body: str, meeting: str, pk: int) -> HttpResponse:
    item = editable_item(request, body, meeting, pk)
    if request.method == "POST":
        return _save(request, item)
    return item_page(request, item, ItemForm(instance=item),
                     DecisionFormSet(instance=item, prefix="decisions"))


def _posted_revision(request: HttpRequest) -> int | None:
    raw = request.POST.get("overwrite") or request.POST.get("revision", "")
    return int(raw) if raw.isdigit() else None


def _save(request: HttpRequest, item: AgendaItem) -> HttpResponse:
    autosave = bool(request.htmx) and request.POST.get("autosave") == "1"
    form = ItemForm(request.POST, instance=item)
    decisions = DecisionFormSet(request.POST, instance=item, prefix="decisions")
    revision = _posted_revision(request)
    if revision is None or not (form.is_valid() and decisions.is_valid()):
        if autosave:
            return render(request, "staff/_save_status.html",
                          {"problem": True, "form": form, "decisions": decisions}, status=422)
        return item_page(request, item, form, decisions, status=400, revision=revision)
    try:
        save_item(item, revision, lambda: _write(form, decisions, delete=not autosave))
    except StaleEdit as stale:
        return _conflict(request, item, form, decisions, stale.current, autosave, revision)
    if autosave:
        saved = sum(1 for decision in decisions.forms if decision.instance.pk)
        return render(request, "staff/_save_status.html", {
            "item": item, "decisions": decisions, "saved": True, "saved_decisions": saved,
        })
    messages.success(request, _("The item is saved."))
    return redirect(item_url(item))


def _write(form: ItemForm, decisions, *, delete: bool) -> None:
    """Save the item and its decisions. While typing (autosave) nothing is deleted: a decision
    is removed only by saving the whole form."""
    form.save()
    last = form.instance.decisions.aggregate(last=Max("position"))["last"]
    position = (last if last is not None else -1) + 1
    for decision in decisions.save(commit=False):
        if decision.pk is None:
            decision.position, position = position, position + 1
        decision.save()
    if delete:
        for decision in decisions.deleted_objects:
            decision.delete()


def _conflict(request, item, form, decisions, current: AgendaItem, autosave: bool,
              revision: int):
    """Refuse the save and show both texts: the writer's stays in the form, the stored one is
    shown beside it with a way to keep either."""
    context = {"conflict": current, "conflict_decisions": list(current.decisions.all())}
    if autosave:
        return render(request, "staff/_save_status.html", {**context, "item": item}, status=409)
    return item_page(request, item, form, decisions, status=409, revision=revision, **context)
