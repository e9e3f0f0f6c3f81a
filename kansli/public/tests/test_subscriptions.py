"""E-mail subscriptions: double opt-in, one-click unsubscribe, and a mail to each confirmed
subscriber when the body publishes minutes."""

from __future__ import annotations

import re

import pytest

from conftest import CONFIDENTIAL_MARKER, DRAFT_MARKER
from kansli.minutes import workflow
from kansli.minutes.models import Minutes, MinutesStatus
from kansli.notices.models import OutgoingMail
from kansli.notices.outbox import as_message
from kansli.public import subscriptions
from kansli.public.models import Subscription
from kansli.registry.models import Body

LINK = re.compile(r"https?://\S+/prenumerera/(bekrafta|avsluta)/([^/\s]+)/")


def links(mail: OutgoingMail) -> dict[str, str]:
    return {kind: f"/prenumerera/{kind}/{token}/" for kind, token in LINK.findall(mail.body)}


def subscribe(client, email: str = "lasare@example.org"):
    return client.post("/prenumerera/", {"email": email, "body": "samarbetskommitten"})


def test_subscribing_sends_a_confirmation_and_nothing_else(client, committee):
    response = subscribe(client)
    assert response.status_code == 302 and response["Location"] == "/prenumerera/?skickat=1"
    mail = OutgoingMail.objects.get()
    assert mail.to == ["lasare@example.org"]
    assert "bekrafta" in links(mail)
    assert not Subscription.objects.get().is_confirmed


def test_confirming_takes_a_press_of_the_button(client, committee):
    subscribe(client)
    confirm = links(OutgoingMail.objects.get())["bekrafta"]
    assert client.get(confirm).status_code == 200  # a mail scanner opening the link
    assert not Subscription.objects.get().is_confirmed
    assert client.post(confirm).status_code == 302
    assert Subscription.objects.get().is_confirmed


def test_the_form_cannot_flood_an_inbox(client, committee):
    for _ in range(3):
        subscribe(client)
    assert OutgoingMail.objects.count() == 1


def test_a_bad_address_is_named(client, committee):
    html = client.post("/prenumerera/", {"email": "inte en adress", "body": "samarbetskommitten"},
                       headers={"accept-language": "en"}).content.decode()
    assert "Your e-mail address" in html and 'role="alert"' in html
    assert not Subscription.objects.exists()


@pytest.mark.parametrize("token", ["nonsense", "1:forged:signature"])
def test_a_forged_link_is_not_found(client, committee, token):
    assert client.get(f"/prenumerera/bekrafta/{token}/").status_code == 404
    assert client.post(f"/prenumerera/avsluta/{token}/").status_code == 404


def test_a_confirmation_link_cannot_unsubscribe_and_the_other_way_round(client, committee):
    subscribe(client)
    confirm_token = links(OutgoingMail.objects.get())["bekrafta"].split("/")[3]
    assert client.post(f"/prenumerera/avsluta/{confirm_token}/").status_code == 404
    assert Subscription.objects.exists()


def confirmed(client) -> Subscription:
    subscribe(client)
    client.post(links(OutgoingMail.objects.get())["bekrafta"])
    return Subscription.objects.get()


def publish_another_meeting(django_capture_on_commit_callbacks) -> None:
    minutes = Minutes.objects.filter(status=MinutesStatus.DRAFT).get()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(minutes)


def test_publishing_mails_confirmed_subscribers_only(
    client, committee, django_capture_on_commit_callbacks
):
    subscription = confirmed(client)
    subscribe(client, "obekraftad@example.org")
    OutgoingMail.objects.all().delete()
    publish_another_meeting(django_capture_on_commit_callbacks)
    mail = OutgoingMail.objects.get()
    assert mail.to == [subscription.email]
    assert committee.draft.get_absolute_url() in mail.body
    assert "avsluta" in links(mail)


def test_the_notice_is_in_the_readers_language_and_shows_only_public_decisions(
    client, committee, django_capture_on_commit_callbacks
):
    subscription = confirmed(client)
    subscription.language = "en"
    subscription.save()
    OutgoingMail.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        subscriptions.notify_publication(committee.published.minutes)
    mail = OutgoingMail.objects.get()
    assert mail.subject.startswith("New minutes: Samarbetskommittén")
    assert "Förslag nytt utvecklingsprogram" in mail.body
    assert CONFIDENTIAL_MARKER not in mail.body and "Personalärende" not in mail.body


def test_one_click_unsubscribe_ends_the_subscription(
    client, committee, django_capture_on_commit_callbacks
):
    confirmed(client)
    OutgoingMail.objects.all().delete()
    publish_another_meeting(django_capture_on_commit_callbacks)
    mail = OutgoingMail.objects.get()
    unsubscribe = links(mail)["avsluta"]
    # The mail program's own button (RFC 2369, RFC 8058) points at the same link.
    message = as_message(mail).message()
    address = next(found.group(0) for found in LINK.finditer(mail.body)
                   if found.group(1) == "avsluta")
    assert message["List-Unsubscribe"] == f"<{address}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert client.get(unsubscribe).status_code == 200  # asks, changes nothing
    assert Subscription.objects.exists()
    # RFC 8058: the mail program posts this body, with no page and no CSRF token.
    response = client.post(unsubscribe, "List-Unsubscribe=One-Click",
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 302
    assert not Subscription.objects.exists()
    assert client.post(unsubscribe).status_code == 302  # a second click is no error


def test_subscribers_of_other_bodies_are_not_mailed(
    client, committee, django_capture_on_commit_callbacks
):
    confirmed(client)
    OutgoingMail.objects.all().delete()
    other = Body.objects.create(
        organisation=committee.body.organisation, name="Annan", slug="annan"
    )
    Subscription.objects.update(body=other)
    publish_another_meeting(django_capture_on_commit_callbacks)
    assert not OutgoingMail.objects.exists()


# Saved searches


def subscribe_to_search(client, query: str, email: str = "bevakare@example.org"):
    return client.post("/prenumerera/", {"email": email, "query": query})


def test_a_search_can_be_saved_from_its_results_and_is_confirmed_like_a_body(client, committee):
    results = client.get("/sok/?q=utvecklingsprogram").content.decode()
    assert "/prenumerera/?q=utvecklingsprogram" in results
    form = client.get("/prenumerera/?q=utvecklingsprogram").content.decode()
    assert 'value="utvecklingsprogram"' in form
    assert subscribe_to_search(client, "utvecklingsprogram").status_code == 302
    saved = Subscription.objects.get()
    assert (saved.body, saved.query, saved.confirmed_at) == (None, "utvecklingsprogram", None)
    mail = OutgoingMail.objects.get()
    assert "utvecklingsprogram" in mail.subject and "utvecklingsprogram" in mail.body
    confirm = links(mail)["bekrafta"]
    assert "utvecklingsprogram" in client.get(confirm).content.decode()
    client.post(confirm)
    assert Subscription.objects.get().is_confirmed


@pytest.mark.parametrize("fields, error", [
    ({"body": "samarbetskommitten", "query": "budget"}, "one of the two"),
    ({}, "one of the two"),
    ({"query": '"budget'}, "quotation mark is not closed"),
])
def test_the_form_wants_a_body_or_a_readable_search(client, committee, fields, error):
    response = client.post("/prenumerera/", {"email": "a@example.org", **fields},
                           headers={"accept-language": "en"})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Subscription.objects.exists() and not OutgoingMail.objects.exists()


def confirmed_search(client, query: str, email: str) -> Subscription:
    subscribe_to_search(client, query, email)
    client.post(links(OutgoingMail.objects.get(to=[email]))["bekrafta"])
    return Subscription.objects.get(email=email)


def test_publishing_mails_each_saved_search_that_finds_something_public(
    client, committee, django_capture_on_commit_callbacks
):
    finding = confirmed_search(client, "utkastpunkt", "hittar@example.org")
    confirmed_search(client, "cykelplan", "annat@example.org")
    confirmed_search(client, DRAFT_MARKER.lower(), "hemligt@example.org")
    subscribe_to_search(client, "utkastpunkt", "obekraftad@example.org")
    # The marker stands in the draft's text too; it is searched only once published. The
    # confidential item of the already published meeting is never found.
    confirmed_search(client, CONFIDENTIAL_MARKER.lower(), "sekretess@example.org")
    OutgoingMail.objects.all().delete()

    publish_another_meeting(django_capture_on_commit_callbacks)

    mails = {mail.to[0]: mail for mail in OutgoingMail.objects.all()}
    assert set(mails) == {finding.email, "hemligt@example.org"}
    mail = mails[finding.email]
    assert "utkastpunkt" in mail.subject
    assert committee.draft.items.get().get_absolute_url() in mail.body
    assert mail.headers["List-Unsubscribe"].startswith("<http")
