"""The secretariat's and the adjusters' pages for justering, corrections and publishing.

Every view opens with one access helper. The secretary's actions are buttons on the meeting's
staff page (`minutes/staff_panel.html`) and answer with a redirect back to it; the adjuster's
page shows the frozen version with the forms to sign it or send it back.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from kansli.accounts import access
from kansli.accounts.models import Role
from kansli.meetings.models import Meeting
from kansli.minutes import publication, workflow
from kansli.minutes.forms import CorrectionForm, ImmediateAdjustmentForm, SendForAdjustmentForm
from kansli.minutes.models import Minutes, MinutesStatus, MinutesVersion
from kansli.minutes.signing import SigningError
from kansli.registry.models import Person


@dataclass
class Adjusting:
    """What the adjustment page needs to know about who is looking."""

    meeting: Meeting
    minutes: Minutes
    person: Person | None
    is_signer: bool
    is_secretary: bool


def adjustment_access(request: HttpRequest, body: str, meeting: str) -> Adjusting:
    """The meeting's minutes, for their signers and for the body's secretaries and members."""
    access.require_login(request)
    found = get_object_or_404(
        Meeting.objects.select_related("body", "body__organisation"), body__slug=body, slug=meeting
    )
    minutes = Minutes.objects.filter(meeting=found).first()
    if minutes is None:
        raise Http404("The meeting has no minutes.")
    roles = access.body_roles(request.user, found.body)
    is_signer = access.can_adjust(request.user, minutes)
    if not is_signer and not roles:
        raise PermissionDenied("Neither a signer of these minutes nor staff of the body.")
    return Adjusting(found, minutes, getattr(request.user, "person", None), is_signer,
                     Role.SECRETARY in roles)


def staff_page(meeting: Meeting) -> str:
    return reverse("staff:meeting", kwargs={"body": meeting.body.slug, "meeting": meeting.slug})


def adjust_page(meeting: Meeting) -> str:
    return reverse("minutes:adjust", kwargs={"body": meeting.body.slug, "meeting": meeting.slug})


def _page(request: HttpRequest, found: Adjusting, *, status: int = 200, error: str = "",
          typed: dict[str, str] | None = None) -> HttpResponse:
    current = workflow.current_request(found.minutes)
    version = current.version if current else None
    doc = publication.version_document(version, for_public=False) if version else None
    signatures = list(version.signatures.select_related("signer")) if version else []
    typed = typed or {}
    return render(request, "minutes/adjust.html", {
        "meeting": found.meeting, "minutes": found.minutes, "adjusting": found,
        "request_": current, "version": version, "doc": doc, "signatures": signatures,
        "signed": any(s.signer_id == getattr(found.person, "pk", None) for s in signatures),
        "open": found.minutes.status == MinutesStatus.FOR_ADJUSTMENT,
        "comment_fields": [
            (item.anchor, item.number, item.title, typed.get(item.anchor, ""))
            for item in (doc.items if doc else [])
        ],
        "general_comment": typed.get("", ""), "error": error,
    }, status=status)


@require_safe
def adjust(request: HttpRequest, body: str, meeting: str) -> HttpResponse:
    return _page(request, adjustment_access(request, body, meeting))


@require_POST
def sign(request: HttpRequest, body: str, meeting: str) -> HttpResponse:
    found = adjustment_access(request, body, meeting)
    try:
        workflow.sign(found.minutes, person=found.person, sha256=request.POST.get("sha256", ""),
                      user=request.user)
    except workflow.WorkflowError as error:
        return _page(request, found, status=400, error=str(error))
    messages.success(request, _("Your signature is recorded."))
    return redirect(adjust_page(found.meeting))


def _typed_comments(request: HttpRequest) -> dict[str, str]:
    prefix = "comment-"
    return {key[len(prefix):]: value for key, value in request.POST.items()
            if key.startswith(prefix)}


@require_POST
def send_back(request: HttpRequest, body: str, meeting: str) -> HttpResponse:
    found = adjustment_access(request, body, meeting)
    typed = _typed_comments(request)
    try:
        workflow.return_for_changes(found.minutes, person=found.person, comments=typed,
                                    user=request.user)
    except workflow.WorkflowError as error:
        return _page(request, found, status=400, error=str(error), typed=typed)
    messages.success(request, _("The minutes are sent back to the secretary with your comments."))
    return redirect(adjust_page(found.meeting))


def _secretary_action(request: HttpRequest, meeting: Meeting, action, done: str) -> HttpResponse:
    """Run a workflow step for the secretary and go back to the meeting's staff page, with the
    step's refusal (naming what is wrong) as the message when it is refused."""
    try:
        action()
    except (workflow.WorkflowError, SigningError) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect(staff_page(meeting))


def _form_error(request: HttpRequest, meeting: Meeting, form) -> HttpResponse:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
    return redirect(staff_page(meeting))


@require_POST
def send_for_adjustment(request: HttpRequest, body: str, meeting: str) -> HttpResponse:
    found = access.staff_meeting(request, body, meeting)
    minutes = get_object_or_404(Minutes, meeting=found)
    form = SendForAdjustmentForm(request.POST)
    if not form.is_valid():
        return _form_error(request, found, form)
    return _secretary_action(request, found, lambda: workflow.send_for_adjustment(
        minutes, user=request.user, deadline=form.cleaned_data["deadline"]
    ), _("The minutes are sent for adjustment."))


@require_POST
def publish(request: HttpRequest, body: str, meeting: str) -> HttpResponse:
    found = access.staff_meeting(request, body, meeting)
    minutes = get_object_or_404(Minutes, meeting=found)
    return _secretary_action(
        request, found, lambda: workflow.publish_adjusted(minutes, user=request.user),
        _("The minutes are published."),
    )


@require_POST
def correct(request: HttpRequest, body: str, meeting: str) -> HttpResponse:
    found = access.staff_meeting(request, body, meeting)
    minutes = get_object_or_404(Minutes, meeting=found)
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        return _form_error(request, found, form)
    return _secretary_action(request, found, lambda: workflow.correct(
        minutes, reason=form.cleaned_data["reason"], user=request.user
    ), _("The minutes are open for correction; send them for adjustment again when done."))


@require_POST
def adjust_immediately(request: HttpRequest, body: str, meeting: str) -> HttpResponse:
    found = access.staff_meeting(request, body, meeting)
    minutes = get_object_or_404(Minutes, meeting=found)
    form = ImmediateAdjustmentForm(request.POST, meeting=found)
    if not form.is_valid():
        return _form_error(request, found, form)
    return _secretary_action(request, found, lambda: workflow.adjust_item_immediately(
        minutes, form.cleaned_data["item"], signers_present=list(form.cleaned_data["signers"]),
        user=request.user,
    ), _("The paragraph is adjusted and public."))


@require_safe
def version(request: HttpRequest, body: str, meeting: str, number: int) -> HttpResponse:
    found = access.staff_meeting(request, body, meeting, roles=access.READERS)
    frozen = get_object_or_404(
        MinutesVersion.objects.select_related("created_by"), minutes__meeting=found,
        number=number,
    )
    return render(request, "minutes/version.html", {
        "meeting": found, "version": frozen,
        "doc": publication.version_document(frozen, for_public=False),
        "signatures": frozen.signatures.select_related("signer"),
    })
