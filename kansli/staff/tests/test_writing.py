"""Writing the minutes item by item: notes and decisions, saved as the secretary types; a stale
save refused with both texts kept; nothing editable once the minutes leave the draft; and in
protocol mode proposals, votes, reservations and protocol notes."""

from __future__ import annotations

import pytest

from kansli.meetings.models import (
    AgendaItem,
    AttendanceStatus,
    Ballot,
    Decision,
    Proposal,
    ProtocolNote,
    Reservation,
    Vote,
)
from kansli.minutes import workflow
from kansli.minutes.models import Minutes, MinutesStatus
from kansli.registry.models import BodyMode

HTMX = {"HX-Request": "true"}


@pytest.fixture
def item(committee) -> AgendaItem:
    return committee.draft.items.get()


def url(item: AgendaItem, suffix: str = "") -> str:
    return f"/hantera/{item.meeting.body.slug}/{item.meeting.slug}/punkter/{item.pk}/{suffix}"


def form_data(item: AgendaItem, *, text: str, decisions: list[str] = (), new: str = "",
              revision: int | None = None, **extra) -> dict:
    """The item form as the page posts it: existing decisions, then one empty new one."""
    existing = list(item.decisions.order_by("position"))
    data = {
        "revision": item.revision if revision is None else revision,
        "title": item.title, "kind": item.kind, "case_number": "", "text": text,
        "decisions-TOTAL_FORMS": len(existing) + 1, "decisions-INITIAL_FORMS": len(existing),
    }
    for index, decision in enumerate(existing):
        data[f"decisions-{index}-id"] = decision.pk
        data[f"decisions-{index}-item"] = item.pk
        text = decisions[index] if index < len(decisions) else decision.text
        data[f"decisions-{index}-text"] = text
    data[f"decisions-{len(existing)}-item"] = item.pk
    data[f"decisions-{len(existing)}-text"] = new
    return {**data, **extra}


def test_the_secretary_writes_notes_and_a_decision(secretary_client, item):
    response = secretary_client.post(url(item), form_data(
        item, text="Kartläggningen redovisas.", new="Kommittén beslutar att anta planen."))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.text == "Kartläggningen redovisas."
    assert item.revision == 1
    assert list(item.decisions.values_list("text", flat=True)) == [
        "UTKASTMARKOR", "Kommittén beslutar att anta planen."]


def test_a_decision_is_removed_only_by_saving_the_whole_form(secretary_client, item):
    decision = item.decisions.get()
    data = form_data(item, text="x", **{"decisions-0-DELETE": "on"})
    secretary_client.post(url(item), {**data, "autosave": "1"}, headers=HTMX)
    assert Decision.objects.filter(pk=decision.pk).exists()
    item.refresh_from_db()
    secretary_client.post(url(item), form_data(item, text="x", **{"decisions-0-DELETE": "on"}))
    assert not Decision.objects.filter(pk=decision.pk).exists()


def test_typing_is_saved_as_you_go(secretary_client, item):
    data = form_data(item, text="Första meningen.", new="Ett nytt beslut", autosave="1")
    response = secretary_client.post(url(item), data, headers=HTMX)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Saved at" in page
    item.refresh_from_db()
    new = item.decisions.get(text="Ett nytt beslut")
    # The page learns the new revision and the new decision's id, so the next save updates it.
    assert f'id="id_revision" value="{item.revision}" hx-swap-oob="true"' in page
    assert f'id="id_decisions-1-id" value="{new.pk}"' in page
    assert 'id="id_decisions-INITIAL_FORMS" value="2"' in page
    data.update({"revision": item.revision, "decisions-1-id": new.pk,
                 "decisions-INITIAL_FORMS": 2, "decisions-1-text": "Ett nytt beslut, rättat"})
    assert secretary_client.post(url(item), data, headers=HTMX).status_code == 200
    assert list(item.decisions.values_list("text", flat=True)) == [
        "UTKASTMARKOR", "Ett nytt beslut, rättat"]


def test_a_stale_save_is_refused_and_both_texts_are_kept(secretary_client, admin_user, item):
    from django.test import Client

    other = Client(headers={"accept-language": "en"})
    other.force_login(admin_user)
    theirs = form_data(item, text="Deras text.")
    mine = form_data(item, text="Min text.")
    assert other.post(url(item), theirs).status_code == 302
    response = secretary_client.post(url(item), mine)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else saved this item while you were writing" in page
    assert "Min text." in page and "Deras text." in page
    item.refresh_from_db()
    assert item.text == "Deras text."
    # Choosing to keep one's own version replaces the saved one, knowingly.
    response = secretary_client.post(url(item), {**mine, "overwrite": item.revision})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.text == "Min text."


def test_a_stale_autosave_is_refused_too(secretary_client, item):
    secretary_client.post(url(item), form_data(item, text="Först."))
    response = secretary_client.post(
        url(item), form_data(item, text="Sen.", revision=0, autosave="1"), headers=HTMX)
    assert response.status_code == 409
    assert "Först." in response.content.decode()
    item.refresh_from_db()
    assert item.text == "Först."


def test_a_save_without_a_title_names_what_is_missing(secretary_client, item):
    response = secretary_client.post(url(item), form_data(item, text="x", title=""))
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    autosave = secretary_client.post(
        url(item), form_data(item, text="x", title="", autosave="1"), headers=HTMX)
    assert autosave.status_code == 422
    assert "Not saved" in autosave.content.decode()
    item.refresh_from_db()
    assert item.text != "x"


def locked_urls(meeting, item) -> list[tuple[str, str]]:
    base = f"/hantera/{meeting.body.slug}/{meeting.slug}/"
    return [
        ("get", base + "andra/"), ("post", base + "andra/"), ("get", base + "narvaro/"),
        ("post", base + "narvaro/"), ("post", base + "narvaro/hamta-ledamoter/"),
        ("post", base + "narvaro/lagg-till/"), ("post", base + "narvaro/utses/"),
        ("post", base + "punkter/ny/"), ("get", url(item)), ("post", url(item)),
        ("post", url(item, "flytta/")), ("post", url(item, "ta-bort/")),
        ("post", url(item, "bilagor/")),
    ]


@pytest.mark.parametrize("status", [MinutesStatus.FOR_ADJUSTMENT, MinutesStatus.PUBLISHED])
def test_nothing_is_edited_once_the_minutes_leave_the_draft(secretary_client, committee, status):
    meeting = committee.draft
    minutes = Minutes.objects.get(meeting=meeting)
    workflow.move(minutes, MinutesStatus.FOR_ADJUSTMENT)
    if status == MinutesStatus.PUBLISHED:
        workflow.publish(minutes)
    item = meeting.items.get()
    before = (item.title, item.text, item.position)
    for method, address in locked_urls(meeting, item):
        response = getattr(secretary_client, method)(address, {"title": "Ändrad", "text": "Ändrad"})
        assert response.status_code == 409, f"{method} {address}"
        assert "The minutes are locked" in response.content.decode()
    item.refresh_from_db()
    assert (item.title, item.text, item.position) == before


def test_a_locked_meeting_page_offers_no_editing(secretary_client, committee):
    page = secretary_client.get(
        f"/hantera/{committee.body.slug}/{committee.published.slug}/").content.decode()
    assert "the meeting's content is locked" in page
    assert "/flytta/" not in page and "/punkter/ny/" not in page


@pytest.fixture
def protocol_item(committee, item) -> AgendaItem:
    committee.body.mode = BodyMode.PROTOCOL
    committee.body.save()
    from kansli.meetings.rollcall import add_attendee

    for person in (committee.adjuster, committee.secretary):
        add_attendee(committee.draft, person=person, name="", organisation="",
                     status=AttendanceStatus.PRESENT)
    return item


def test_protocol_items_record_proposals_and_notes(secretary_client, committee, protocol_item):
    page = secretary_client.get(url(protocol_item)).content.decode()
    assert "Proposals" in page and "Votes" in page
    response = secretary_client.post(url(protocol_item, "yrkanden/"), {
        "proposal-mover": committee.adjuster.pk, "proposal-text": "Bifall till förslaget."})
    assert response.status_code == 302
    assert Proposal.objects.get(item=protocol_item).mover == committee.adjuster
    secretary_client.post(url(protocol_item, "anteckningar/"), {
        "note-person": committee.chair.pk, "note-text": "Ordföranden antecknar."})
    assert ProtocolNote.objects.get(item=protocol_item).person == committee.chair


def test_an_open_vote_counts_each_members_vote(secretary_client, committee, protocol_item):
    voters = {a.person_id: a for a in committee.draft.attendances.all()}
    chair, adjuster = voters[committee.chair.pk], voters[committee.adjuster.pk]
    response = secretary_client.post(url(protocol_item, "voteringar/"), {
        "vote-question": "Bifall mot avslag", "vote-yes": 0, "vote-no": 0, "vote-abstain": 0,
        "vote-outcome": "Bifall", f"vote-ballot_{chair.pk}": "yes",
        f"vote-ballot_{adjuster.pk}": "no",
    })
    assert response.status_code == 302
    vote = Vote.objects.get(item=protocol_item)
    assert (vote.yes, vote.no, vote.abstain) == (1, 1, 0)
    assert set(Ballot.objects.values_list("choice", flat=True)) == {"yes", "no"}


def test_a_reservation_names_the_decision_and_may_be_motivated(
    secretary_client, committee, protocol_item
):
    decision = protocol_item.decisions.get()
    response = secretary_client.post(url(protocol_item, "reservationer/"), {
        "reservation-decision": decision.pk, "reservation-person": committee.adjuster.pk,
        "reservation-motivation": "Skriftlig motivering.",
    })
    assert response.status_code == 302
    reservation = Reservation.objects.get(decision=decision)
    assert reservation.name_as_written == committee.adjuster.name
    assert reservation.motivation == "Skriftlig motivering."
    response = secretary_client.post(url(protocol_item, f"reservationer/{reservation.pk}/ta-bort/"))
    assert response.status_code == 302
    assert not Reservation.objects.exists()


def test_a_reservation_without_a_person_is_refused(secretary_client, protocol_item):
    decision = protocol_item.decisions.get()
    response = secretary_client.post(url(protocol_item, "reservationer/"),
                                     {"reservation-decision": decision.pk})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
