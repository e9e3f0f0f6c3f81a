"""Follow-up: actions raised at one meeting and closed at a later one, overdue ones flagged,
matters planned for later meetings, and a new meeting prepared from all of it."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from kansli.meetings import followup
from kansli.meetings.agenda import start_agenda
from kansli.meetings.models import (
    ActionItem,
    Adoption,
    AgendaItem,
    AttendanceStatus,
    ForwardPlan,
    ItemKind,
    Matter,
    Meeting,
    MeetingStatus,
)
from kansli.registry.changes import record_change
from kansli.registry.models import Membership, MembershipRole, Person, Post, Tenure

D = datetime.date


@pytest.fixture(autouse=True)
def _in_english():
    # The messages are checked as written (msgids); the Swedish default is the catalogue's.
    with translation.override("en"):
        yield


def action(committee, text="Ta fram underlag.", due=None, **extra) -> ActionItem:
    raised = committee.published.items.order_by("sort_key")[1]
    extra.setdefault("owner", committee.secretary)
    return ActionItem.objects.create(text=text, raised_in=raised, due=due, **extra)


def test_an_action_is_closed_at_a_later_meeting(committee):
    found = action(committee)
    later = committee.draft.items.get()
    followup.close_action(found, later)
    found.refresh_from_db()
    assert (found.status, found.closed_in) == (ActionItem.Status.DONE, later)
    assert found not in followup.open_actions(committee.body)


@pytest.mark.parametrize("where", ["same meeting", "earlier meeting"])
def test_an_action_is_not_closed_at_its_own_or_an_earlier_meeting(committee, where):
    found = action(committee)
    if where == "same meeting":
        item = committee.published.items.order_by("sort_key")[0]
    else:
        earlier = Meeting.objects.create(body=committee.body, date=D(2022, 9, 1), slug="tidigt")
        item = AgendaItem.objects.create(meeting=earlier, title="Punkt")
    with pytest.raises(followup.FollowupError, match="later meeting"):
        followup.close_action(found, item)
    found.refresh_from_db()
    assert found.status == ActionItem.Status.OPEN and found.closed_in is None


def test_closing_needs_an_outcome(committee):
    with pytest.raises(followup.FollowupError):
        followup.close_action(action(committee), committee.draft.items.get(),
                              status=ActionItem.Status.OPEN)


def test_overdue_actions_are_flagged(committee):
    late = action(committee, "Sent", due=D(2022, 12, 1))
    on_time = action(committee, "I tid", due=D(2023, 3, 1))
    undated = action(committee, "Utan datum")
    found = followup.outstanding(committee.body, D(2023, 1, 15))
    assert found.actions == [late, on_time, undated]
    assert found.overdue == [late]
    text = followup.outstanding_text(found)
    assert "– Sent. Ansvarig: Dag Sekreterare. Senast 1 december 2022. Försenad." in text
    assert "– I tid. Ansvarig: Dag Sekreterare. Senast 1 mars." in text


def test_an_organisation_can_own_an_action(committee):
    found = action(committee, owner=None, owner_organisation=committee.adjuster.organisation)
    assert followup.owner_name(found) == "Borg"


def test_nothing_outstanding_is_said_plainly(committee):
    assert followup.outstanding_text(followup.outstanding(committee.body, D(2023, 1, 1))) == (
        "Inga utestående ärenden.")


@pytest.fixture
def memory(committee):
    """The committee's memory before its next meeting: seats, an election change, an open
    action, a proposal half adopted, and a matter planned for the new year."""
    body = committee.body
    alby = committee.chair.organisation
    kso = Post.objects.create(name="KSO Alby", organisation=alby)
    Membership.objects.create(body=body, post=kso, on_behalf_of=alby)
    Tenure.objects.create(post=kso, person=committee.chair, party=committee.chair.party,
                          start=D(2019, 1, 1))
    Membership.objects.create(body=body, person=committee.secretary,
                              role=MembershipRole.SECRETARY, voting=False)
    sara = Person.objects.create(name="Sara Ny", slug="sara", organisation=alby,
                                 party=committee.chair.party)
    record_change(kso, sara, D(2022, 12, 5), note="Nytt styre")
    action(committee, "Boka lokal.", due=D(2022, 12, 1))
    proposal = Matter.objects.create(title="Utvecklingsprogram", slug="up", body=body)
    for index, organisation in enumerate(body.member_organisations.order_by("name")):
        Adoption.objects.create(matter=proposal, organisation=organisation,
                                status=Adoption.Status.ADOPTED if index else
                                Adoption.Status.PENDING)
    trygghet = Matter.objects.create(title="Trygghetsarbete", slug="trygghet", body=body)
    ForwardPlan.objects.create(matter=trygghet, body=body, not_before=D(2023, 1, 1),
                               when_as_written="i början på nästa år",
                               kind=ItemKind.DECISION)
    return committee


def new_meeting(committee, day: D) -> Meeting:
    meeting = Meeting.objects.create(body=committee.body, date=day, slug=day.isoformat())
    start_agenda(meeting)
    followup.prepare_meeting(meeting)
    return meeting


def test_a_new_meeting_starts_from_the_memory(memory):
    meeting = new_meeting(memory, D(2023, 1, 26))
    attending = {a.person.name: a for a in meeting.attendances.select_related("person")}
    assert set(attending) == {"Sara Ny", "Dag Sekreterare"}
    assert attending["Sara Ny"].status == AttendanceStatus.PRESENT
    items = list(meeting.items.order_by("sort_key"))
    titles = [(item.number, item.title) for item in items]
    assert titles[3:5] == [("4", "Föregående minnesanteckningar och utestående ärenden"),
                           ("5", "Förändringar sedan förra mötet")]
    assert ("6", "Trygghetsarbete") in titles
    previous, changes = items[3].text, items[4].text
    assert previous.startswith("Föregående möte hölls den 1 december 2022.")
    assert "– Boka lokal. Ansvarig: Dag Sekreterare. Senast 1 december 2022. Försenad." in previous
    assert "– Utvecklingsprogram: 2 av 3 har antagit." in previous
    assert changes.startswith(
        "Alby: Nytt styre. Sara Ny (S) är ny KSO från den 5 december 2022 och efterträder "
        "Åsa Ordförande (S).")
    plan = ForwardPlan.objects.get()
    assert plan.item.meeting == meeting and plan.item.matter.slug == "trygghet"


def test_a_plan_waits_for_the_first_meeting_from_its_day(memory):
    december = new_meeting(memory, D(2022, 12, 15))
    assert not december.items.filter(matter__slug="trygghet").exists()
    assert "– Trygghetsarbete: i början på nästa år." in december.items.get(
        kind=ItemKind.PREVIOUS).text
    assert ForwardPlan.objects.get().item is None


def test_a_plan_goes_on_a_meeting_already_planned(memory):
    planned = memory.planned
    plan = ForwardPlan.objects.create(matter=Matter.objects.get(slug="up"), body=memory.body,
                                      meeting=planned, title="Uppföljning")
    item = followup.schedule(plan, D(2023, 1, 1))
    item.refresh_from_db()
    assert item.meeting == planned and item.title == "Uppföljning" and item.number == "1"


def test_a_plan_for_a_cancelled_or_locked_meeting_waits(memory):
    plan = ForwardPlan.objects.create(matter=Matter.objects.get(slug="up"), body=memory.body,
                                      meeting=memory.cancelled)
    assert followup.schedule(plan, D(2022, 12, 1)) is None
    plan.meeting = memory.published
    assert followup.schedule(plan, D(2022, 1, 1)) is None


def test_without_changes_no_changes_item_is_added(committee):
    meeting = new_meeting(committee, D(2023, 1, 26))
    assert not meeting.items.filter(kind=ItemKind.CHANGES).exists()


def test_a_written_item_keeps_its_text(memory):
    meeting = Meeting.objects.create(body=memory.body, date=D(2023, 1, 26), slug="m")
    start_agenda(meeting)
    meeting.items.filter(kind=ItemKind.PREVIOUS).update(text="Skrivet för hand.")
    followup.prepare_meeting(meeting)
    assert meeting.items.get(kind=ItemKind.PREVIOUS).text == "Skrivet för hand."


def test_the_previous_meeting_skips_cancelled_ones(committee):
    meeting = Meeting(body=committee.body, date=D(2022, 12, 20))
    assert followup.previous_meeting(meeting) == committee.draft
    committee.draft.status = MeetingStatus.CANCELLED
    committee.draft.save()
    assert followup.previous_meeting(meeting) == committee.published


def test_outstanding_takes_three_queries(memory, django_assert_num_queries):
    for index in range(10):
        action(memory, f"Åtgärd {index}", due=D(2023, 1, index + 1))
    with django_assert_num_queries(3):
        found = followup.outstanding(memory.body, D(2023, 1, 5))
        followup.outstanding_text(found)
    assert len(found.overdue) == 5
