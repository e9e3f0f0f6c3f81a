"""An API page reads the database a fixed number of times, however much it lists."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kansli.api.resources import RESOURCES
from kansli.meetings.models import Adoption, AgendaItem, Matter
from kansli.public.tests.test_query_counts import grow_body, grow_meeting
from kansli.registry.models import Membership, Post, Tenure

# What grows with more seats and meetings; the rest grows with more items and attendance.
SEATS_AND_MEETINGS = {"bodies", "organizations", "persons", "memberships", "meetings"}


def queries(client, url: str) -> int:
    cache.clear()  # a kept answer would cost no query at all
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.fixture
def seated(committee):
    """A seat of each kind, so every query a list makes is made from the start."""
    Membership.objects.create(body=committee.body, person=committee.chair)
    post = Post.objects.create(name="KSO Borg", organisation=committee.adjuster.organisation)
    Tenure.objects.create(post=post, person=committee.adjuster)
    Membership.objects.create(body=committee.body, post=post)
    matter = Matter.objects.create(title="Ärende", slug="arende", public=True)
    AgendaItem.objects.filter(meeting=committee.published).update(matter=matter)
    Adoption.objects.create(matter=matter, organisation=committee.chair.organisation)
    return committee


@pytest.mark.parametrize("path", sorted(RESOURCES))
def test_list_queries_do_not_grow_with_the_data(client, seated, path):
    committee = seated
    url = f"/api/v1/{path}"
    before = queries(client, url)
    if path in SEATS_AND_MEETINGS:
        grow_body(committee)
    else:
        grow_meeting(committee.published)
    assert queries(client, url) == before


def test_meeting_queries_do_not_grow_with_items(client, committee):
    url = f"/api/v1/meetings/{committee.published.pk}"
    before = queries(client, url)
    grow_meeting(committee.published)
    assert queries(client, url) == before
