"""The secretary's kallelse actions: buttons on the meeting's staff page, each answering with a
redirect back to it."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kansli.accounts import access
from kansli.meetings.models import Meeting
from kansli.notices import kallelse, outbox
from kansli.notices.forms import CancelForm, KallelseForm
from kansli.notices.models import MailStatus, OutgoingMail


def staff_page(meeting: Meeting) -> str:
    return reverse("staff:meeting", kwargs={"body": meeting.body.slug, "meeting": meeting.slug})


@require_POST
def send(request: HttpRequest, body: str, meeting: str) -> HttpResponse:
    found = access.staff_meeting(request, body, meeting)
    form = KallelseForm(request.POST)
    form.is_valid()  # one optional text field: always valid
    try:
        notice = kallelse.send_kallelse(
            found, user=request.user, extra_recipients=form.cleaned_data["extra_recipients"]
        )
    except kallelse.NoticeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The kallelse is on its way to %(count)s recipients.")
                         % {"count": len(notice.recipients)})
    return redirect(staff_page(found))


@require_POST
def cancel(request: HttpRequest, body: str, meeting: str) -> HttpResponse:
    found = access.staff_meeting(request, body, meeting)
    form = CancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"{form.fields['note'].label}: {' '.join(form.errors['note'])}")
        return redirect(staff_page(found))
    if found.is_cancelled:
        messages.error(request, _("The meeting is already cancelled."))
    else:
        kallelse.cancel_meeting(found, note=form.cleaned_data["note"])
        messages.success(request, _("The meeting is cancelled."))
    return redirect(staff_page(found))


@require_POST
def retry(request: HttpRequest, body: str, meeting: str, pk: int) -> HttpResponse:
    found = access.staff_meeting(request, body, meeting)
    mail = get_object_or_404(OutgoingMail, pk=pk, meeting=found, status=MailStatus.FAILED)
    outbox.retry(mail)
    messages.success(request, _("The e-mail to %(to)s is queued again.")
                     % {"to": ", ".join(mail.to)})
    return redirect(staff_page(found))
