"""Planning a meeting from the body's standard agenda, and shaping the agenda: adding, moving,
nesting and removing items, with numbers computed, never typed."""

from __future__ import annotations

import datetime

import pytest

from kansli.meetings.agenda import STANDARD_ITEMS, MoveRefused, move_item
from kansli.meetings.models import AgendaItem, AgendaTemplateItem, ItemKind, Meeting
from kansli.minutes.models import Minutes
from kansli.registry.models import BodyMode


def plan(client, committee, day: str = "2031-02-06", **extra):
    data = {"kind": "ordinary", "date": day, "start_time": "13:00", "end_time": "15:00",
            "place": "Stadshuset", "online": "unknown", **extra}
    return client.post(f"/hantera/{committee.body.slug}/nytt-mote/", data)


def numbered(meeting: Meeting) -> list[tuple[str, str]]:
    return [(item.number, item.title) for item in meeting.items.order_by("sort_key")]


def test_a_new_meeting_starts_with_the_standard_agenda(secretary_client, committee):
    response = plan(secretary_client, committee)
    meeting = Meeting.objects.get(body=committee.body, slug="2031-02-06")
    assert response["Location"] == f"/hantera/{committee.body.slug}/2031-02-06/"
    assert numbered(meeting) == [
        (str(index), notes_title) for index, (_k, notes_title, _p) in enumerate(STANDARD_ITEMS, 1)
    ]
    assert Minutes.objects.get(meeting=meeting).status == "draft"
    assert meeting.start_time == datetime.time(13)


def test_a_protocol_body_numbers_paragraphs_through_the_year(secretary_client, committee):
    committee.body.mode = BodyMode.PROTOCOL
    committee.body.save()
    plan(secretary_client, committee, "2031-02-06")
    plan(secretary_client, committee, "2031-03-06")
    first, second = Meeting.objects.filter(date__year=2031).order_by("date")
    assert numbered(first)[0] == ("§ 1", "Mötets öppnande")
    assert numbered(second)[0][0] == f"§ {len(STANDARD_ITEMS) + 1}"


def test_the_body_s_own_standard_agenda_is_used(secretary_client, committee):
    base = f"/hantera/{committee.body.slug}/dagordningsmall/"
    secretary_client.post(base)  # adapt the standard list
    saved = list(AgendaTemplateItem.objects.filter(body=committee.body).order_by("position"))
    data = {"template-TOTAL_FORMS": len(saved) + 1, "template-INITIAL_FORMS": len(saved)}
    for index, item in enumerate(saved):
        data.update({f"template-{index}-id": item.pk, f"template-{index}-position": item.position,
                     f"template-{index}-kind": item.kind, f"template-{index}-title": item.title})
    data["template-2-DELETE"] = "on"
    data.update({f"template-{len(saved)}-position": 2, f"template-{len(saved)}-kind": "information",
                 f"template-{len(saved)}-title": "Rapporter från kommunerna"})
    assert secretary_client.post(base, data).status_code == 302
    plan(secretary_client, committee)
    titles = [title for _n, title in numbered(Meeting.objects.get(slug="2031-02-06"))]
    assert "Godkännande av dagordning" not in titles
    assert titles[2] == "Rapporter från kommunerna"


def test_meeting_facts_are_checked_and_nothing_is_saved_on_error(secretary_client, committee):
    response = plan(secretary_client, committee, start_time="15:00", end_time="14:00")
    assert response.status_code == 400
    assert "The meeting must end after it starts." in response.content.decode()
    response = plan(secretary_client, committee, date="inte ett datum")
    assert response.status_code == 400
    assert not Meeting.objects.filter(date__year=2031).exists()


def test_two_meetings_on_one_day_get_their_own_addresses(secretary_client, committee):
    plan(secretary_client, committee)
    plan(secretary_client, committee)
    assert set(Meeting.objects.filter(date__year=2031).values_list("slug", flat=True)) == {
        "2031-02-06", "2031-02-06-2"}


def test_a_reserved_address_is_refused(secretary_client, committee):
    response = plan(secretary_client, committee, slug="nytt-mote")
    assert response.status_code == 400
    assert "reserved" in response.content.decode()


def test_cancelling_a_meeting_needs_a_reason(secretary_client, committee):
    url = f"/hantera/{committee.body.slug}/{committee.planned.slug}/andra/"
    data = {"kind": "ordinary", "date": "2099-03-01", "status": "cancelled", "online": "unknown",
            "slug": committee.planned.slug}
    response = secretary_client.post(url, data)
    assert response.status_code == 400
    assert "Say why the meeting is cancelled." in response.content.decode()
    response = secretary_client.post(url, {**data, "cancellation_note": "Inga ärenden."})
    assert response.status_code == 302
    committee.planned.refresh_from_db()
    assert committee.planned.is_cancelled


@pytest.fixture
def planned(secretary_client, committee) -> Meeting:
    plan(secretary_client, committee)
    return Meeting.objects.get(slug="2031-02-06")


def add(client, meeting: Meeting, title: str, **extra):
    return client.post(f"/hantera/{meeting.body.slug}/{meeting.slug}/punkter/ny/",
                       {"title": title, "kind": ItemKind.DECISION, **extra})


def move(client, item: AgendaItem, direction: str):
    url = f"/hantera/{item.meeting.body.slug}/{item.meeting.slug}/punkter/{item.pk}/flytta/"
    return client.post(url, {"direction": direction})


def test_a_new_item_goes_before_other_questions(secretary_client, planned):
    response = add(secretary_client, planned, "Regional cykelplan")
    item = AgendaItem.objects.get(title="Regional cykelplan")
    assert response["Location"].endswith(f"/punkter/{item.pk}/")
    assert numbered(planned)[4:6] == [("5", "Regional cykelplan"), ("6", "Övriga frågor")]


def test_a_sub_item_is_numbered_after_its_parent(secretary_client, planned):
    add(secretary_client, planned, "Ekonomi")
    parent = AgendaItem.objects.get(title="Ekonomi")
    add(secretary_client, planned, "Budget", parent=parent.pk)
    add(secretary_client, planned, "Prognos", parent=parent.pk)
    assert ("5a", "Budget") in numbered(planned)
    assert ("5b", "Prognos") in numbered(planned)
    assert ("6", "Övriga frågor") in numbered(planned)


def test_items_move_up_and_down_and_in_and_out(secretary_client, planned):
    add(secretary_client, planned, "Ekonomi")
    add(secretary_client, planned, "Budget")
    budget = AgendaItem.objects.get(title="Budget")
    assert move(secretary_client, budget, "up").status_code == 302
    assert numbered(planned)[4:6] == [("5", "Budget"), ("6", "Ekonomi")]
    move(secretary_client, budget, "down")
    move(secretary_client, budget, "in")
    assert numbered(planned)[4:7] == [("5", "Ekonomi"), ("5a", "Budget"), ("6", "Övriga frågor")]
    move(secretary_client, budget, "out")
    assert numbered(planned)[4:7] == [("5", "Ekonomi"), ("6", "Budget"), ("7", "Övriga frågor")]


def test_a_move_the_agenda_cannot_take_is_refused_with_a_message(secretary_client, planned):
    first = planned.items.order_by("sort_key").first()
    response = move(secretary_client, first, "up")
    assert response.status_code == 302
    page = secretary_client.get(response["Location"]).content.decode()
    assert "cannot be moved that way" in page
    with pytest.raises(MoveRefused):
        move_item(first, "in")
    assert numbered(planned)[0] == ("1", "Mötet öppnas")


def test_removing_an_item_renumbers_the_rest(secretary_client, planned):
    opening = planned.items.order_by("sort_key").first()
    url = f"/hantera/{planned.body.slug}/{planned.slug}/punkter/{opening.pk}/ta-bort/"
    assert secretary_client.get(url).status_code == 200  # asks first
    secretary_client.post(url)
    assert numbered(planned)[0] == ("1", "Val av justerare samt tid och plats för justering")


def test_an_item_can_be_marked_confidential_and_stays_out_of_public_view(
    secretary_client, client, committee
):
    add(secretary_client, committee.published, "Hemlig punkt HEMLIGMARKOR", confidential="on")
    # The published meeting's minutes are locked: nothing is added.
    assert not AgendaItem.objects.filter(title__contains="HEMLIGMARKOR", confidential=False)
    add(secretary_client, committee.draft, "Sekretesspunkt", confidential="on")
    assert AgendaItem.objects.get(title="Sekretesspunkt").confidential


def test_the_agenda_reorders_with_htmx_without_losing_the_page(secretary_client, planned):
    add(secretary_client, planned, "Ekonomi")
    item = AgendaItem.objects.get(title="Ekonomi")
    url = f"/hantera/{planned.body.slug}/{planned.slug}/punkter/{item.pk}/flytta/"
    response = secretary_client.post(url, {"direction": "up"}, headers={"HX-Request": "true"},
                                     follow=True)
    assert response.status_code == 200
    assert 'id="agenda"' in response.content.decode()
    assert numbered(planned)[3] == ("4", "Ekonomi")
