"""E-mail subscriptions to a body's newly published minutes, or to a saved search that finds
something in them, with double opt-in and one-click unsubscribe.

Nothing is sent to an address until its owner confirms it through a signed link, and every
notice carries a link (and RFC 8058's headers, where the outbox can set them) that ends the
subscription in one step. The links carry a signed subscription id, so no login is needed and a
link cannot be forged for someone else's subscription.
"""

from __future__ import annotations

import datetime

from django import forms
from django.core import signing
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from kansli.meetings.calendar import absolute_url
from kansli.minutes.models import Minutes, MinutesStatus
from kansli.minutes.signals import status_changed
from kansli.notices.outbox import enqueue_mail
from kansli.public import access
from kansli.public.models import Subscription
from kansli.search.engines import Filters
from kansli.search.indexing import follow_meeting
from kansli.search.models import Entry
from kansli.search.query import LONGEST_QUERY, QueryError, parse
from kansli.search.results import Hit, found_among

CONFIRM = "confirm"
UNSUBSCRIBE = "unsubscribe"
# A confirmation link is good for a week; an unsubscribe link in any mail ever sent, for ever.
CONFIRM_FOR = datetime.timedelta(days=7)
# One confirmation mail per address and body in this time, however often the form is sent:
# the form must not become a way to flood someone else's inbox.
RESEND_AFTER = datetime.timedelta(hours=1)
NOTICE_DECISIONS = 20


class SubscriptionForm(forms.Form):
    """An address, and either a body or the words of a search."""

    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    body = forms.ModelChoiceField(
        label=_("Committee or board"), queryset=None, to_field_name="slug", required=False,
        empty_label=_("– a saved search instead –"),
    )
    query = forms.CharField(
        label=_("Or a saved search"), max_length=LONGEST_QUERY, required=False,
        help_text=_("Words to look for in newly published minutes, as in the search."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = access.public_bodies().order_by("name")

    def clean_query(self) -> str:
        text = self.cleaned_data.get("query", "").strip()
        if text:
            try:
                parse(text)
            except QueryError as error:
                raise forms.ValidationError(error.message) from None
        return text

    def clean(self) -> dict:
        data = super().clean()
        if "query" in data and bool(data.get("body")) == bool(data["query"]):
            self.add_error("query", _("Choose a committee or board, or write a search: one of "
                                      "the two."))
        return data


def token_for(subscription: Subscription, purpose: str) -> str:
    return signing.dumps(subscription.pk, salt=f"kansli.subscription.{purpose}")


def subscription_id(token: str, purpose: str) -> int:
    """The id a link was signed for, or Http404 for a forged, mangled or expired link."""
    max_age = CONFIRM_FOR if purpose == CONFIRM else None
    try:
        return int(signing.loads(token, salt=f"kansli.subscription.{purpose}", max_age=max_age))
    except (signing.BadSignature, TypeError, ValueError):
        raise Http404("This link is not valid, or it has expired.") from None


def link(purpose: str, subscription: Subscription) -> str:
    name = "public:subscription_confirm" if purpose == CONFIRM else "public:unsubscribe"
    return absolute_url(reverse(name, kwargs={"token": token_for(subscription, purpose)}))


def _send(subscription: Subscription, template: str, context: dict) -> None:
    # The reader's own language, whichever language the request that sends it is in.
    unsubscribe = link(UNSUBSCRIBE, subscription)
    with translation.override(subscription.language):
        subject = render_to_string(f"public/mail/{template}_subject.txt", context).strip()
        text = render_to_string(f"public/mail/{template}.txt", {
            **context, "unsubscribe": unsubscribe,
        })
    # RFC 2369 and 8058: mail programs offer their own unsubscribe button, which posts to the
    # same link without showing any page.
    enqueue_mail([subscription.email], subject, text, headers={
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    })


@transaction.atomic
def subscribe(email: str, body, language: str, query: str = "") -> Subscription:
    """Record the wish (a body's minutes, or else the saved search `query`) and ask the
    address's owner to confirm it, at most once per hour."""
    _forget_unconfirmed()
    subscription, _created = Subscription.objects.select_for_update().get_or_create(
        email=email.strip().lower(), body=body, query="" if body else query.strip(),
        defaults={"language": language},
    )
    now = timezone.now()
    recently = subscription.confirmation_sent_at and subscription.confirmation_sent_at > (
        now - RESEND_AFTER
    )
    if subscription.is_confirmed or recently:
        return subscription
    subscription.confirmation_sent_at = now
    subscription.save(update_fields=["confirmation_sent_at"])
    _send(subscription, "confirm", {
        "body": body, "query": subscription.query, "confirm": link(CONFIRM, subscription),
    })
    return subscription


def _forget_unconfirmed() -> None:
    """Addresses never confirmed are not kept past the life of their confirmation link."""
    Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=timezone.now() - CONFIRM_FOR
    ).delete()


def confirm(subscription: Subscription) -> Subscription:
    if not subscription.is_confirmed:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def notify_publication(minutes: Minutes) -> int:
    """Mail each confirmed subscriber of the body that its minutes are out; returns how many."""
    meeting = access.public_meetings().get(pk=minutes.meeting_id)
    decisions = list(
        access.public_decisions().filter(item__meeting=meeting)[:NOTICE_DECISIONS]
    )
    subscribers = Subscription.objects.filter(body=meeting.body, confirmed_at__isnull=False)
    for subscription in subscribers:
        _send(subscription, "published", {
            "meeting": meeting,
            "meeting_url": absolute_url(meeting.get_absolute_url()),
            "decisions": [
                (d, absolute_url(reverse("public:decision", kwargs={"pk": d.pk})))
                for d in decisions
            ],
        })
    return len(subscribers)


def notify_searches(meeting_id: int) -> int:
    """Mail each confirmed saved search that finds items of the meeting whose minutes were just
    published; returns how many were mailed."""
    # Whichever commit callback runs first, the index holds the meeting before it is searched.
    follow_meeting(meeting_id)
    meeting = access.public_meetings().get(pk=meeting_id)
    narrowed = Filters(body_id=meeting.body_id, year=meeting.date.year)
    entries = set(Entry.objects.filter(meeting=meeting).values_list("pk", flat=True))
    sent = 0
    searches = Subscription.objects.filter(body=None, confirmed_at__isnull=False)
    for subscription in searches:
        found = _found(subscription.query, entries, narrowed)
        if found:
            _send(subscription, "search", {
                "meeting": meeting, "query": subscription.query,
                "hits": [(hit.entry, absolute_url(hit.entry.url)) for hit in found],
            })
            sent += 1
    return sent


def _found(text: str, entries: set[int], filters: Filters) -> list[Hit]:
    try:
        query = parse(text)
    except QueryError:
        return []  # saved under rules that have changed since; it finds nothing now
    return found_among(query, entries, filters)


def _status_changed(sender, minutes: Minutes, from_status: str, to_status: str, **_kw) -> None:
    if to_status == MinutesStatus.PUBLISHED and from_status != MinutesStatus.PUBLISHED:
        notify_publication(minutes)
        meeting_id = minutes.meeting_id
        transaction.on_commit(lambda: notify_searches(meeting_id))


def connect_signals() -> None:
    status_changed.connect(_status_changed, dispatch_uid="kansli-public-subscriptions")


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe_view(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = SubscriptionForm(request.POST)
        if form.is_valid():
            subscribe(form.cleaned_data["email"], form.cleaned_data["body"], get_language(),
                      form.cleaned_data["query"])
            # The same answer whether or not the address was known: the page must not tell
            # who subscribes to what.
            return HttpResponseRedirect(reverse("public:subscribe") + "?skickat=1")
    else:
        form = SubscriptionForm(initial={
            "body": request.GET.get("body", ""), "query": request.GET.get("q", ""),
        })
    return render(request, "public/subscribe.html", {
        "form": form, "sent": "skickat" in request.GET,
    })


@require_http_methods(["GET", "HEAD", "POST"])
def confirm_view(request: HttpRequest, token: str) -> HttpResponse:
    """Confirming takes a press of a button, not just opening the link: mail scanners open
    links, and must not be able to subscribe anyone."""
    found = Subscription.objects.filter(pk=subscription_id(token, CONFIRM)).first()
    if found is None:
        raise Http404("This subscription no longer exists.")
    if request.method == "POST":
        confirm(found)
        return HttpResponseRedirect(request.path)
    return render(request, "public/subscription_confirm.html", {"subscription": found})


@csrf_exempt  # RFC 8058: mail programs post the one-click unsubscribe without any page
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe_view(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks to confirm (link scanners must not unsubscribe anyone); POST ends the
    subscription at once, whether from the page's button or from a mail program's one-click
    request. Ending one that is already gone is not an error."""
    pk = subscription_id(token, UNSUBSCRIBE)
    if request.method == "POST":
        Subscription.objects.filter(pk=pk).delete()
        return HttpResponseRedirect(request.path)
    return render(request, "public/unsubscribe.html", {
        "subscription": Subscription.objects.filter(pk=pk).select_related("body").first(),
    })
