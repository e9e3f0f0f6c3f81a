"""What a protokoll records under an item beyond notes and decisions: proposals (yrkanden),
votes with each member's vote, reservations and protocol notes. Each is added or removed on its
own; none of them can overwrite another's writing, so they need no revision check."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kansli.meetings.models import AgendaItem, Proposal, ProtocolNote, Reservation, Vote
from kansli.staff.editing import editable_item
from kansli.staff.forms import (
    DecisionFormSet,
    ItemForm,
    ProposalForm,
    ProtocolNoteForm,
    ReservationForm,
    VoteForm,
)
from kansli.staff.views.items import _voters, item_page, item_url

# The address word of each part, the form that adds one, and where to find one to remove.
PARTS = {
    "yrkanden": (
        lambda item, data: ProposalForm(data, instance=Proposal(item=item),
                                        meeting=item.meeting, prefix="proposal"),
        lambda item: Proposal.objects.filter(item=item),
    ),
    "voteringar": (
        lambda item, data: VoteForm(data, instance=Vote(item=item), voters=_voters(item),
                                    prefix="vote"),
        lambda item: Vote.objects.filter(item=item),
    ),
    "reservationer": (
        lambda item, data: ReservationForm(data, item=item, prefix="reservation"),
        lambda item: Reservation.objects.filter(decision__item=item),
    ),
    "anteckningar": (
        lambda item, data: ProtocolNoteForm(data, instance=ProtocolNote(item=item),
                                            meeting=item.meeting, prefix="note"),
        lambda item: ProtocolNote.objects.filter(item=item),
    ),
}
FORM_NAMES = {"yrkanden": "proposal_form", "voteringar": "vote_form",
              "reservationer": "reservation_form", "anteckningar": "note_form"}


def protocol_item(request: HttpRequest, body: str, meeting: str, pk: int, part: str) -> AgendaItem:
    item = editable_item(request, body, meeting, pk)
    if part not in PARTS or not item.meeting.body.is_protocol:
        raise Http404("No such part of a protocol item.")
    return item


@require_POST
def add_part(request: HttpRequest, body: str, meeting: str, pk: int, part: str) -> HttpResponse:
    item = protocol_item(request, body, meeting, pk, part)
    form = PARTS[part][0](item, request.POST)
    if not form.is_valid():
        return item_page(request, item, ItemForm(instance=item),
                         DecisionFormSet(instance=item, prefix="decisions"), status=400,
                         **{FORM_NAMES[part]: form})
    with transaction.atomic():
        form.save()
    messages.success(request, _("Added to the item."))
    return redirect(f"{item_url(item)}#{part}")


@require_POST
def delete_part(request: HttpRequest, body: str, meeting: str, pk: int, part: str,
                part_pk: int) -> HttpResponse:
    item = protocol_item(request, body, meeting, pk, part)
    get_object_or_404(PARTS[part][1](item), pk=part_pk).delete()
    messages.success(request, _("Removed from the item."))
    return redirect(f"{item_url(item)}#{part}")
