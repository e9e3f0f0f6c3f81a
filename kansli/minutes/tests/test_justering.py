import datetime

import pytest
from django.core import mail
from django.utils import timezone

from kansli.meetings.models import AttendanceRole
from kansli.minutes import workflow
from kansli.minutes.models import AdjusterComment, MinutesStatus, Signature
from kansli.registry.models import BodyMode

pytestmark = pytest.mark.usefixtures("in_english")


def sent(draft, **kwargs):
    return workflow.send_for_adjustment(draft, **kwargs)


def test_sending_freezes_a_version_and_asks_the_adjuster_to_sign(draft, committee):
    committee.adjuster.email = "bjorn@borg.example"
    committee.adjuster.save()
    request = sent(draft)
    draft.refresh_from_db()
    assert draft.status == MinutesStatus.FOR_ADJUSTMENT
    assert request.version.number == 1
    assert request.deadline == timezone.localdate() + datetime.timedelta(days=14)
    assert mail.outbox[0].to == ["bjorn@borg.example"]
    assert "/justering/" in mail.outbox[0].body


def test_minutes_without_an_adjuster_cannot_be_sent(committee):
    with pytest.raises(workflow.WorkflowError, match="Appoint an adjuster"):
        workflow.send_for_adjustment(committee.draft.minutes)
    assert committee.draft.minutes.status == MinutesStatus.DRAFT


def test_a_deadline_in_the_past_is_refused(draft):
    with pytest.raises(workflow.WorkflowError, match="already passed"):
        sent(draft, deadline=datetime.date(2020, 1, 1))


def test_protocol_mode_asks_the_chair_too_with_fourteen_days_from_the_meeting(draft, committee):
    committee.body.mode = BodyMode.PROTOCOL
    committee.body.save()
    signers = workflow.signers(draft)
    assert {(person.name, role) for person, role in signers} == {
        ("Åsa Ordförande", Signature.Role.CHAIR), ("Björn Justerare", Signature.Role.ADJUSTER)
    }
    assert workflow.default_deadline(draft, datetime.date(2022, 12, 2)) == datetime.date(
        2022, 12, 15
    )
    late = datetime.date(2023, 1, 9)
    assert workflow.default_deadline(draft, late) == late


def test_the_last_signature_locks_the_minutes(draft, committee):
    request = sent(draft)
    signature = workflow.sign(draft, person=committee.adjuster, sha256=request.version.sha256)
    draft.refresh_from_db()
    assert draft.status == MinutesStatus.ADJUSTED
    assert draft.adjusted_at is not None
    assert signature.sha256 == request.version.sha256
    assert signature.role == Signature.Role.ADJUSTER
    with pytest.raises(workflow.WorkflowError, match="locked"):
        workflow.ensure_editable(draft)


def test_in_protocol_mode_one_signature_of_two_does_not_lock(draft, committee):
    committee.body.mode = BodyMode.PROTOCOL
    committee.body.save()
    request = sent(draft)
    workflow.sign(draft, person=committee.adjuster, sha256=request.version.sha256)
    draft.refresh_from_db()
    assert draft.status == MinutesStatus.FOR_ADJUSTMENT
    workflow.sign(draft, person=committee.chair, sha256=request.version.sha256)
    draft.refresh_from_db()
    assert draft.status == MinutesStatus.ADJUSTED
    assert committee.draft.attendances.filter(role=AttendanceRole.CHAIR).exists()


def test_signing_twice_is_refused(draft, committee):
    committee.body.mode = BodyMode.PROTOCOL
    committee.body.save()
    request = sent(draft)
    workflow.sign(draft, person=committee.adjuster, sha256=request.version.sha256)
    with pytest.raises(workflow.WorkflowError, match="already signed"):
        workflow.sign(draft, person=committee.adjuster, sha256=request.version.sha256)
    assert Signature.objects.filter(signer=committee.adjuster).count() == 1


def test_someone_not_appointed_cannot_sign(draft, committee):
    request = sent(draft)
    with pytest.raises(workflow.WorkflowError, match="not one of those"):
        workflow.sign(draft, person=committee.secretary, sha256=request.version.sha256)


def test_a_signature_on_content_the_signer_did_not_see_is_refused(draft, committee):
    sent(draft)
    with pytest.raises(workflow.WorkflowError, match="changed after you opened"):
        workflow.sign(draft, person=committee.adjuster, sha256="0" * 64)


def test_a_draft_cannot_be_signed(draft, committee):
    with pytest.raises(workflow.WorkflowError, match="not out for adjustment"):
        workflow.sign(draft, person=committee.adjuster, sha256="0" * 64)


def test_sending_back_records_comments_per_item_and_reopens_the_draft(draft, committee):
    request = sent(draft)
    anchor = request.version.content["items"][0]["anchor"]
    workflow.return_for_changes(
        draft, person=committee.adjuster, comments={anchor: "Stavfel i rubriken.", "": " "}
    )
    draft.refresh_from_db()
    assert draft.status == MinutesStatus.DRAFT
    comment = AdjusterComment.objects.get()
    assert (comment.item_anchor, comment.item_number, comment.text) == (
        anchor, "1", "Stavfel i rubriken."
    )
    assert comment.author == committee.adjuster


def test_sending_back_without_a_comment_is_refused(draft, committee):
    sent(draft)
    with pytest.raises(workflow.WorkflowError, match="at least one comment"):
        workflow.return_for_changes(draft, person=committee.adjuster, comments={"1": "  "})
    draft.refresh_from_db()
    assert draft.status == MinutesStatus.FOR_ADJUSTMENT


def test_a_comment_on_an_unknown_item_is_refused(draft, committee):
    sent(draft)
    with pytest.raises(workflow.WorkflowError, match="No item “99”"):
        workflow.return_for_changes(draft, person=committee.adjuster, comments={"99": "Hm"})


def test_a_correction_makes_a_new_version_with_its_reason(draft, committee):
    request = sent(draft)
    workflow.sign(draft, person=committee.adjuster, sha256=request.version.sha256)
    with pytest.raises(workflow.WorkflowError, match="reason"):
        workflow.correct(draft, reason=" ")
    workflow.correct(draft, reason="Fel datum i punkt 1.")
    item = committee.draft.items.get()
    item.title = "Rättad rubrik"
    item.save()
    second = sent(draft)
    assert second.version.number == 2
    assert second.version.reason == "Fel datum i punkt 1."
    first = draft.versions.get(number=1)
    assert first.signatures.count() == 1, "the earlier version keeps its signature"


def test_a_draft_is_not_corrected_but_edited(draft):
    with pytest.raises(workflow.WorkflowError, match="edit the draft"):
        workflow.correct(draft, reason="Varför")


def test_reopened_minutes_sent_unchanged_are_adjusted_by_the_signatures_they_have(draft,
                                                                                  committee):
    request = sent(draft)
    workflow.sign(draft, person=committee.adjuster, sha256=request.version.sha256)
    workflow.correct(draft, reason="Kontroll")
    again = sent(draft)
    draft.refresh_from_db()
    assert again.version == request.version
    assert draft.status == MinutesStatus.ADJUSTED
