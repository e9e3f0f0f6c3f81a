"""The e-mail of justering: the request to sign, its return to the secretary, reminders.

Mail is written in the site's default language (Swedish), whoever's action sent it.
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kansli.meetings.calendar import absolute_url
from kansli.minutes.models import AdjustmentRequest
from kansli.notices.outbox import enqueue_mail
from kansli.registry.models import Person

# Translated when sent, in the site's language.
ASK_SUBJECT = gettext_noop("Minutes to adjust: %(meeting)s")
REMINDER_SUBJECT = gettext_noop("Reminder, minutes to adjust: %(meeting)s")
RETURNED_SUBJECT = gettext_noop("Minutes sent back: %(meeting)s")


def adjust_url(request: AdjustmentRequest) -> str:
    meeting = request.minutes.meeting
    return absolute_url(reverse(
        "minutes:adjust", kwargs={"body": meeting.body.slug, "meeting": meeting.slug}
    ))


def _send(request: AdjustmentRequest, to: list[str], template: str, subject: str, **extra):
    if not to:
        return
    meeting = request.minutes.meeting
    with translation.override(settings.LANGUAGE_CODE):
        context = {"request": request, "meeting": meeting, "url": adjust_url(request),
                   "site_name": settings.KANSLI_SITE_NAME, **extra}
        body = render_to_string(f"minutes/mail/{template}.txt", context)
        subject = _(subject) % {"meeting": meeting}
    for address in to:
        enqueue_mail([address], subject, body, meeting=meeting)


def ask_to_sign(request: AdjustmentRequest, signers: list[tuple[Person, str]]) -> None:
    to = [person.email for person, _role in signers if person.email]
    _send(request, to, "adjust", ASK_SUBJECT)


def remind(request: AdjustmentRequest, people: list[Person]) -> None:
    to = [person.email for person in people if person.email]
    _send(request, to, "reminder", REMINDER_SUBJECT)


def returned(request: AdjustmentRequest, person: Person) -> None:
    sender = request.sent_by
    to = [sender.email] if sender is not None and sender.email else []
    _send(request, to, "returned", RETURNED_SUBJECT, signer=person)


