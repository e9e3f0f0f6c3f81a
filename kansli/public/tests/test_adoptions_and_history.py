"""The committee's memory on the public site: the matrix of proposals by member organisation,
public once the proposal is, and who held a body's seats over time."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache

from conftest import CONFIDENTIAL_MARKER
from kansli.meetings.models import Adoption, AgendaItem, Matter
from kansli.registry.models import Membership, Person, Post, Tenure

D = datetime.date


@pytest.fixture
def proposal(committee) -> Matter:
    matter = Matter.objects.create(title="Utvecklingsprogram", slug="up", public=True,
                                   body=committee.body)
    AgendaItem.objects.filter(meeting=committee.published, position=1).update(matter=matter)
    statuses = [Adoption.Status.ADOPTED, Adoption.Status.SCHEDULED, Adoption.Status.PENDING]
    for organisation, status in zip(committee.body.member_organisations.order_by("name"),
                                    statuses, strict=True):
        Adoption.objects.create(matter=matter, organisation=organisation, status=status,
                                decision_date=D(2023, 2, 6) if status != "pending" else None)
    return matter


def test_the_matrix_shows_each_organisation_and_the_roll_up(reader, proposal):
    response = reader.get("/arenden/antaganden/")
    html = response.content.decode()
    assert "1 of 3 have adopted" in html
    assert [o.short_name for o in response.context["matrix"].organisations] == [
        "Alby", "Borg", "Cedt"]
    assert "On the agenda" in html and "Not yet handled" in html
    assert "/arenden/up/" in html
    assert "/arenden/antaganden/" in reader.get("/arenden/").content.decode()


@pytest.mark.parametrize("case", ["not marked public", "only in a draft", "only confidential"])
def test_a_proposal_is_in_the_matrix_only_once_it_is_public(reader, committee, proposal, case):
    if case == "not marked public":
        Matter.objects.filter(pk=proposal.pk).update(public=False)
    elif case == "only in a draft":
        AgendaItem.objects.filter(matter=proposal).update(matter=None)
        committee.draft.items.update(matter=proposal)
    else:
        AgendaItem.objects.filter(matter=proposal).update(confidential=True)
    cache.clear()
    html = reader.get("/arenden/antaganden/").content.decode()
    assert "Utvecklingsprogram" not in html
    assert "No published proposal has been sent" in html
    assert CONFIDENTIAL_MARKER not in html


def test_the_matrix_page_takes_a_fixed_number_of_queries(reader, committee, proposal):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert reader.get("/arenden/antaganden/").status_code == 200
        return len(captured)

    before = count()
    for index in range(5):
        matter = Matter.objects.create(title=f"Förslag {index}", slug=f"f{index}", public=True,
                                       body=committee.body)
        AgendaItem.objects.create(meeting=committee.published, title=f"Punkt {index}",
                                  matter=matter, position=10 + index)
        for organisation in committee.body.member_organisations.all():
            Adoption.objects.create(matter=matter, organisation=organisation)
    assert count() == before


def test_the_body_page_shows_who_held_each_seat_over_time(reader, committee):
    alby = committee.chair.organisation
    post = Post.objects.create(name="KSO Alby", organisation=alby)
    Membership.objects.create(body=committee.body, post=post, on_behalf_of=alby)
    Tenure.objects.create(post=post, person=committee.chair, start=D(2019, 1, 1),
                          end=D(2022, 10, 3))
    sara = Person.objects.create(name="Sara Ny", slug="sara-ny", organisation=alby)
    Tenure.objects.create(post=post, person=sara, start=D(2022, 10, 4))
    response = reader.get(committee.body.get_absolute_url())
    assert [seat.person.name for seat in response.context["seats"]] == ["Sara Ny"]
    assert [(seat.person.name, seat.end) for seat in response.context["history"]] == [
        ("Sara Ny", None), ("Åsa Ordförande", D(2022, 10, 3))]
    assert "Members over time" in response.content.decode()
