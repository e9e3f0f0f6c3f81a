"""The justering pages and buttons: who may do what, and what bad input gets."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from kansli.minutes import workflow
from kansli.minutes.models import AdjusterComment, MinutesStatus, PublishedFile, Signature
from kansli.registry.models import BodyMode

pytestmark = pytest.mark.usefixtures("in_english")

KW = {"body": "samarbetskommitten", "meeting": "2022-12-01"}


def url(name: str, **extra) -> str:
    return reverse(f"minutes:{name}", kwargs={**KW, **extra})


def staff_page() -> str:
    return reverse("staff:meeting", kwargs=KW)


def client_for(user) -> Client:
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


@pytest.fixture
def adjuster_client(adjuster_user):
    return client_for(adjuster_user)


@pytest.fixture
def outsider_client(committee):
    return client_for(get_user_model().objects.create_user("utomstaende", password="x"))


@pytest.fixture
def sent(secretary_client, adjuster_user, committee):
    """The draft sent for adjustment by the secretary, through the button."""
    response = secretary_client.post(url("send"))
    assert response.status_code == 302
    minutes = committee.draft.minutes
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.FOR_ADJUSTMENT
    return minutes


def messages_on(client) -> str:
    return client.get(staff_page()).content.decode()


# --- sending for adjustment ----------------------------------------------------------------


def test_the_staff_page_offers_the_secretary_to_send_for_adjustment(secretary_client,
                                                                    adjuster_user):
    page = secretary_client.get(staff_page()).content.decode()
    assert url("send") in page
    assert "Björn Justerare (Adjuster): not signed" in page


def test_a_member_may_not_send_for_adjustment(member_client, adjuster_user, committee):
    assert member_client.post(url("send")).status_code == 403
    assert committee.draft.minutes.status == MinutesStatus.DRAFT


def test_anonymous_visitors_are_sent_to_log_in(client, committee):
    response = client.post(url("send"))
    assert response.status_code == 302 and "logga-in" in response["Location"]
    response = client.get(url("adjust"))
    assert response.status_code == 302 and "logga-in" in response["Location"]


def test_a_bad_deadline_is_named(secretary_client, adjuster_user, committee):
    response = secretary_client.post(url("send"), {"deadline": "2022-13-45"}, follow=True)
    assert "Adjust by: Enter a valid date." in response.content.decode()
    assert committee.draft.minutes.status == MinutesStatus.DRAFT


def test_a_deadline_in_the_past_is_refused_with_its_date(secretary_client, adjuster_user):
    response = secretary_client.post(url("send"), {"deadline": "2020-01-01"}, follow=True)
    assert "The deadline 2020-01-01 has already passed." in response.content.decode()


def test_sending_only_by_post(secretary_client, adjuster_user):
    assert secretary_client.get(url("send")).status_code == 405


# --- the adjuster's page -------------------------------------------------------------------


def test_the_adjuster_sees_the_frozen_version_and_signs_it(sent, adjuster_client):
    page = adjuster_client.get(url("adjust")).content.decode()
    version = sent.versions.get()
    assert version.sha256 in page
    assert "UTKASTMARKOR" in page, "the adjuster reads the full draft"
    response = adjuster_client.post(url("sign"), {"sha256": version.sha256})
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.status == MinutesStatus.ADJUSTED
    assert Signature.objects.get().signer.name == "Björn Justerare"


def test_signing_twice_is_refused(sent, adjuster_client, committee):
    committee.body.mode = BodyMode.PROTOCOL  # the chair must sign too, so it stays open
    committee.body.save()
    sha256 = sent.versions.get().sha256
    adjuster_client.post(url("sign"), {"sha256": sha256})
    response = adjuster_client.post(url("sign"), {"sha256": sha256})
    assert response.status_code == 400
    assert "You have already signed this version." in response.content.decode()
    assert Signature.objects.count() == 1


def test_signing_after_the_last_signature_is_refused(sent, adjuster_client):
    sha256 = sent.versions.get().sha256
    adjuster_client.post(url("sign"), {"sha256": sha256})
    response = adjuster_client.post(url("sign"), {"sha256": sha256})
    assert response.status_code == 400
    assert "not out for adjustment" in response.content.decode()


def test_a_member_who_is_not_an_adjuster_reads_but_cannot_sign(sent, member_client):
    page = member_client.get(url("adjust")).content.decode()
    assert url("sign") not in page
    response = member_client.post(url("sign"), {"sha256": sent.versions.get().sha256})
    assert response.status_code == 400
    assert "You are not one of those who adjust these minutes." in response.content.decode()
    assert not Signature.objects.exists()


def test_someone_outside_the_body_is_refused(sent, outsider_client):
    assert outsider_client.get(url("adjust")).status_code == 403
    assert outsider_client.post(url("sign"), {"sha256": "x"}).status_code == 403


def test_a_signature_of_a_stale_page_is_refused(sent, adjuster_client):
    response = adjuster_client.post(url("sign"), {"sha256": "0" * 64})
    assert response.status_code == 400
    assert "changed after you opened them" in response.content.decode()


def test_sending_back_shows_the_comments_per_item_to_the_secretary(sent, adjuster_client,
                                                                   secretary_client):
    anchor = sent.versions.get().content["items"][0]["anchor"]
    response = adjuster_client.post(url("send_back"), {f"comment-{anchor}": "Fel namn."})
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.status == MinutesStatus.DRAFT
    page = secretary_client.get(staff_page()).content.decode()
    assert "Fel namn." in page and "Björn Justerare" in page
    assert AdjusterComment.objects.get().item_number == "1"


def test_sending_back_without_comments_keeps_what_was_typed_elsewhere(sent, adjuster_client):
    response = adjuster_client.post(url("send_back"), {"comment-": "   "})
    assert response.status_code == 400
    assert "Write at least one comment" in response.content.decode()
    sent.refresh_from_db()
    assert sent.status == MinutesStatus.FOR_ADJUSTMENT


# --- locked minutes, corrections, publishing ------------------------------------------------


def test_locked_minutes_cannot_be_edited(sent, secretary_client):
    response = secretary_client.post(reverse("staff:edit_meeting", kwargs=KW), {"place": "X"})
    assert response.status_code == 409


def test_a_correction_needs_a_reason(sent, adjuster_client, secretary_client):
    adjuster_client.post(url("sign"), {"sha256": sent.versions.get().sha256})
    response = secretary_client.post(url("correct"), {"reason": ""}, follow=True)
    assert "Reason for the correction: This field is required." in response.content.decode()
    sent.refresh_from_db()
    assert sent.status == MinutesStatus.ADJUSTED
    secretary_client.post(url("correct"), {"reason": "Fel datum."})
    sent.refresh_from_db()
    assert sent.status == MinutesStatus.DRAFT


def test_earlier_versions_stay_readable_to_staff(sent, secretary_client, member_client,
                                                 outsider_client):
    assert secretary_client.get(url("version", number=1)).status_code == 200
    assert member_client.get(url("version", number=1)).status_code == 200
    assert outsider_client.get(url("version", number=1)).status_code == 403
    assert secretary_client.get(url("version", number=9)).status_code == 404


def test_the_secretary_publishes_adjusted_minutes(sent, adjuster_client, secretary_client,
                                                  signing_certificate, client):
    adjuster_client.post(url("sign"), {"sha256": sent.versions.get().sha256})
    assert secretary_client.post(url("publish")).status_code == 302
    sent.refresh_from_db()
    assert sent.status == MinutesStatus.PUBLISHED
    assert PublishedFile.objects.count() == 4
    assert client.get("/samarbetskommitten/2022-12-01/").status_code == 200


def test_publishing_a_draft_is_refused_with_a_message(secretary_client, adjuster_user,
                                                      signing_certificate):
    response = secretary_client.post(url("publish"), follow=True)
    assert "Only adjusted minutes can be published" in response.content.decode()


def test_a_member_may_not_publish(sent, adjuster_client, member_client, signing_certificate):
    adjuster_client.post(url("sign"), {"sha256": sent.versions.get().sha256})
    assert member_client.post(url("publish")).status_code == 403
    sent.refresh_from_db()
    assert sent.status == MinutesStatus.ADJUSTED


def test_a_paragraph_adjusted_at_the_meeting(secretary_client, committee, adjuster_user):
    committee.body.mode = BodyMode.PROTOCOL
    committee.body.save()
    item = committee.draft.items.get()
    response = secretary_client.post(url("immediate"), {
        "item": item.pk, "signers": [committee.chair.pk, committee.adjuster.pk],
    }, follow=True)
    assert "The paragraph is adjusted" in response.content.decode()
    adjustment = committee.draft.minutes.immediate_adjustments.get()
    assert adjustment.signers.count() == 2
    assert item.decisions.get().adjusted_immediately
    again = secretary_client.post(url("immediate"), {
        "item": item.pk, "signers": [committee.chair.pk],
    }, follow=True)
    assert "already adjusted" in again.content.decode()


def test_notes_mode_has_no_immediate_adjustment(secretary_client, committee, adjuster_user):
    item = committee.draft.items.get()
    response = secretary_client.post(url("immediate"), {
        "item": item.pk, "signers": [committee.chair.pk],
    }, follow=True)
    assert "Only a protocol adjusts single paragraphs" in response.content.decode()
    assert not workflow.Minutes.objects.get(meeting=committee.draft).immediate_adjustments.exists()


def test_a_paragraph_adjusted_at_the_meeting_is_public_before_the_protocol(
    secretary_client, committee, adjuster_user, client
):
    committee.body.mode = BodyMode.PROTOCOL
    committee.body.save()
    item = committee.draft.items.get()
    item.text = "Offentlig text."
    item.save()
    before = client.get("/samarbetskommitten/2022-12-01/").content.decode()
    assert "Offentlig text." not in before
    secretary_client.post(url("immediate"), {"item": item.pk, "signers": [committee.chair.pk]})
    cache.clear()  # the kept page is dropped on commit, which a test's transaction never reaches
    page = client.get("/samarbetskommitten/2022-12-01/").content.decode()
    assert "Offentlig text." in page


def test_a_confidential_paragraph_adjusted_at_the_meeting_stays_out(
    secretary_client, committee, adjuster_user, client
):
    committee.body.mode = BodyMode.PROTOCOL
    committee.body.save()
    item = committee.draft.items.get()
    item.confidential = True
    item.save()
    secretary_client.post(url("immediate"), {"item": item.pk, "signers": [committee.chair.pk]})
    assert committee.draft.minutes.immediate_adjustments.exists()
    page = client.get("/samarbetskommitten/2022-12-01/").content.decode()
    assert "UTKASTMARKOR" not in page
