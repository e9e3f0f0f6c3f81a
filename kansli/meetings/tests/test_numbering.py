import datetime

import pytest

from kansli.meetings.models import AgendaItem, Meeting, MeetingStatus
from kansli.meetings.numbering import number_meeting, number_new_items, sub_label
from kansli.registry.models import Body, BodyMode, Organisation


def test_sub_labels_run_a_to_z_then_aa():
    assert [sub_label(i) for i in (0, 1, 25, 26, 27)] == ["a", "b", "z", "aa", "ab"]


@pytest.fixture
def org(db):
    return Organisation.objects.create(name="Alby kommun", slug="alby")


def meeting(body, day, status=MeetingStatus.HELD):
    return Meeting.objects.create(body=body, date=day, slug=day.isoformat(), status=status)


def items(meeting, titles, parent=None):
    return [
        AgendaItem.objects.create(meeting=meeting, title=t, position=i, parent=parent)
        for i, t in enumerate(titles)
    ]


def numbers(meeting):
    return [item.number for item in meeting.items.order_by("sort_key")]


def test_notes_mode_numbers_items_and_letters_sub_items(org):
    body = Body.objects.create(organisation=org, name="Gruppen", slug="gruppen")
    held = meeting(body, datetime.date(2024, 3, 1))
    one, two, three = items(held, ["Ett", "Två", "Tre"])
    items(held, ["a", "b"], parent=two)
    number_meeting(held)
    assert numbers(held) == ["1", "2", "2a", "2b", "3"]


def test_reordering_renumbers(org):
    body = Body.objects.create(organisation=org, name="Gruppen", slug="gruppen")
    held = meeting(body, datetime.date(2024, 3, 1))
    first, second = items(held, ["Ett", "Två"])
    number_meeting(held)
    first.position, second.position = 1, 0
    first.save()
    second.save()
    number_meeting(held)
    assert [i.title for i in held.items.order_by("sort_key")] == ["Två", "Ett"]
    assert numbers(held) == ["1", "2"]


def test_protocol_mode_runs_paragraphs_through_the_year_and_restarts_next_year(org):
    board = Body.objects.create(organisation=org, name="Nämnden", slug="namnden",
                                mode=BodyMode.PROTOCOL)
    january = meeting(board, datetime.date(2024, 1, 20))
    cancelled = meeting(board, datetime.date(2024, 2, 1), MeetingStatus.CANCELLED)
    march = meeting(board, datetime.date(2024, 3, 20))
    next_year = meeting(board, datetime.date(2025, 1, 20))
    items(january, ["A", "B", "C"])
    items(cancelled, ["Planerad"])
    items(march, ["D", "E"])
    items(next_year, ["F"])
    for each in (january, march, next_year):
        number_meeting(each)
    assert numbers(january) == ["§ 1", "§ 2", "§ 3"]
    assert numbers(march) == ["§ 4", "§ 5"]
    assert numbers(next_year) == ["§ 1"]
    # adding an item in January moves March's paragraphs on
    AgendaItem.objects.create(meeting=january, title="Extra", position=9)
    number_meeting(january)
    assert numbers(march) == ["§ 5", "§ 6"]


def test_an_imported_protocol_keeps_its_first_paragraph(org):
    board = Body.objects.create(organisation=org, name="Nämnden", slug="namnden",
                                mode=BodyMode.PROTOCOL)
    held = Meeting.objects.create(body=board, date=datetime.date(2024, 5, 2), slug="x",
                                  first_paragraph=101)
    items(held, ["A", "B"])
    number_meeting(held)
    assert numbers(held) == ["§ 101", "§ 102"]


def test_new_items_continue_the_year_and_move_later_meetings_on(org):
    board = Body.objects.create(organisation=org, name="Nämnden", slug="namnden",
                                mode=BodyMode.PROTOCOL)
    february = meeting(board, datetime.date(2024, 2, 1))
    items(february, ["Ett", "Två", "Tre"])
    december = meeting(board, datetime.date(2024, 12, 1))
    items(december, ["Fyra", "Fem"])
    number_meeting(february)
    june = meeting(board, datetime.date(2024, 6, 1))
    top = AgendaItem(meeting=june, title="Budget", position=0)
    kid = AgendaItem(meeting=june, title="Del", position=0, parent=top)
    last = AgendaItem(meeting=june, title="Taxa", position=1)

    number_new_items(june, [top, kid, last])

    assert [top.number, kid.number, last.number] == ["§ 4", "§ 4a", "§ 5"]
    assert numbers(december) == ["§ 6", "§ 7"]
    assert numbers(february) == ["§ 1", "§ 2", "§ 3"]
    # Stored as numbered, they are what renumbering the whole year would make them.
    top.save()
    kid.parent = top
    kid.save()
    last.save()
    number_meeting(february)
    assert numbers(june) == ["§ 4", "§ 4a", "§ 5"] and numbers(december) == ["§ 6", "§ 7"]


def test_new_items_of_a_notes_meeting_start_at_one(org):
    body = Body.objects.create(organisation=org, name="Gruppen", slug="gruppen")
    held = meeting(body, datetime.date(2024, 3, 1))
    first, second = AgendaItem(meeting=held, position=1), AgendaItem(meeting=held, position=0)
    number_new_items(held, [first, second])
    assert (second.number, first.number) == ("1", "2")
