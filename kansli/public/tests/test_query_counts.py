"""The public pages read the database a fixed number of times, however much a meeting holds."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache

from kansli.meetings.models import AgendaItem, Attendance, Decision, Matter, Meeting
from kansli.meetings.numbering import number_meeting
from kansli.registry.models import Membership, Organisation, Person, Post, Tenure

# public_meeting 1, published_minutes 1, load_meeting 6 (the meeting with body and minutes,
# attendance, items, decisions, adjusters, the adjusters' people), previous 1, next 1, public
# attachments 1.
MEETING_PAGE = 11
# public_body 1, seats 1 + the posts' holders 1, meetings 1.
BODY_PAGE = 4
# bodies, upcoming meetings, recently published.
HOME_PAGE = 3
# public_person 1, tenures 1, seats 1, attended meetings 1.
PERSON_PAGE = 4


def grow_meeting(meeting: Meeting, count: int = 20) -> None:
    """`count` more items, each with a decision, and `count` more people present."""
    organisation = Organisation.objects.create(name="Dalby kommun", slug="dalby")
    start = meeting.items.count()
    for index in range(count):
        item = AgendaItem.objects.create(
            meeting=meeting, position=start + index, title=f"Punkt {index}"
        )
        Decision.objects.create(item=item, text=f"Beslut {index}")
        person = Person.objects.create(
            name=f"Ledamot {index}", slug=f"ledamot-{index}", organisation=organisation
        )
        Attendance.objects.create(
            meeting=meeting, position=10 + index, person=person, name_as_written=person.name,
            organisation=organisation,
        )
    number_meeting(meeting)


def grow_body(committee, count: int = 20) -> None:
    """`count` more meetings and `count` more seats, half of them ex officio."""
    for index in range(count):
        Meeting.objects.create(
            body=committee.body, date=datetime.date(2023, 1, 1) + datetime.timedelta(days=index),
            slug=f"2023-extra-{index}",
        )
        person = Person.objects.create(name=f"Ledamot {index}", slug=f"ledamot-{index}")
        if index % 2:
            Membership.objects.create(body=committee.body, person=person)
            continue
        post = Post.objects.create(name=f"Post {index}", organisation=committee.body.organisation)
        Tenure.objects.create(post=post, person=person)
        Membership.objects.create(body=committee.body, post=post)


def assert_fixed(client, django_assert_num_queries, url: str, expected: int, grow) -> None:
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200
    grow()
    cache.clear()  # otherwise the kept page would be served without any query at all
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


def test_meeting_page_queries_do_not_grow_with_items_and_attendees(
    client, committee, django_assert_num_queries
):
    url = committee.published.get_absolute_url()
    assert_fixed(client, django_assert_num_queries, url, MEETING_PAGE,
                 lambda: grow_meeting(committee.published))
    assert "Ledamot 19" in client.get(url).content.decode()


def test_body_page_queries_do_not_grow_with_meetings_and_members(
    client, committee, django_assert_num_queries
):
    Membership.objects.create(body=committee.body, person=committee.chair)
    post = Post.objects.create(name="KSO Borg", organisation=committee.adjuster.organisation)
    Tenure.objects.create(post=post, person=committee.adjuster)
    Membership.objects.create(body=committee.body, post=post)
    assert_fixed(client, django_assert_num_queries, committee.body.get_absolute_url(), BODY_PAGE,
                 lambda: grow_body(committee))


def test_home_page_queries_do_not_grow_with_meetings(client, committee, django_assert_num_queries):
    assert_fixed(client, django_assert_num_queries, "/", HOME_PAGE, lambda: grow_body(committee))


def test_person_page_queries_do_not_grow_with_meetings(
    client, committee, django_assert_num_queries
):
    def attend_more() -> None:
        for meeting in Meeting.objects.exclude(pk=committee.published.pk):
            Attendance.objects.create(meeting=meeting, person=committee.chair, name_as_written="Å")

    assert_fixed(client, django_assert_num_queries, committee.chair.get_absolute_url(),
                 PERSON_PAGE, attend_more)


@pytest.mark.parametrize("page", ["home", "body", "published", "draft", "person"])
def test_a_kept_page_is_served_without_queries(client, committee, django_assert_num_queries, page):
    url = {
        "home": "/",
        "body": committee.body.get_absolute_url(),
        "published": committee.published.get_absolute_url(),
        "draft": committee.draft.get_absolute_url(),
        "person": committee.chair.get_absolute_url(),
    }[page]
    first = client.get(url).content.decode()
    with django_assert_num_queries(0):
        again = client.get(url).content.decode()
    assert again.split("csrfmiddlewaretoken")[0] == first.split("csrfmiddlewaretoken")[0]



def count_queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()  # otherwise the kept page would be served without any query at all
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/beslut/", "/arenden/", "/moten/", "/moten/2022/"])
def test_open_data_pages_queries_do_not_grow(client, committee, url):
    Matter.objects.create(title="Ärende", slug="arende", public=True)
    AgendaItem.objects.filter(meeting=committee.published).update(
        matter=Matter.objects.get(slug="arende")
    )
    before = count_queries(client, url)
    grow_meeting(committee.published)
    assert count_queries(client, url) == before
    for person in Person.objects.filter(slug__startswith="ledamot-"):
        person.slug = f"narvarande-{person.slug}"  # grow_body makes people of the same slugs
        person.save()
    grow_body(committee)
    assert count_queries(client, url) == before
