"""Who sat on a body on a day comes from dated seats and post tenures, in a fixed number of
queries: an ex officio seat passes to the new holder the day they take over, a person with two
seats is listed once, a seat may end mid-term, and substitutes know whom they stand in for."""

from __future__ import annotations

import datetime

import pytest

from kansli.registry.models import (
    Membership,
    MembershipRole,
    Organisation,
    Person,
    Post,
    Tenure,
    Term,
)
from kansli.registry.roster import Roster, overlap, sitting_on

D = datetime.date


@pytest.fixture
def kso(committee) -> Post:
    """KSO Alby holds a seat: Åsa until 3 October 2022, Erik from the 4th."""
    alby = committee.chair.organisation
    post = Post.objects.create(name="KSO Alby", organisation=alby)
    Membership.objects.create(body=committee.body, post=post, on_behalf_of=alby)
    Tenure.objects.create(post=post, person=committee.chair, start=D(2019, 1, 1),
                          end=D(2022, 10, 3))
    erik = Person.objects.create(name="Erik Efterträdare", slug="erik", organisation=alby)
    Tenure.objects.create(post=post, person=erik, start=D(2022, 10, 4))
    return post


def names(seats) -> list[str]:
    return [seat.person.name if seat.person else "–" for seat in seats]


def test_a_tenure_ending_the_day_before_its_successor_starts(committee, kso):
    roster = Roster.of(committee.body)
    assert names(roster.people_on(D(2022, 10, 3))) == ["Åsa Ordförande"]
    assert names(roster.people_on(D(2022, 10, 4))) == ["Erik Efterträdare"]
    history = roster.history()
    assert [(seat.person.name, seat.start, seat.end) for seat in history] == [
        ("Erik Efterträdare", D(2022, 10, 4), None),
        ("Åsa Ordförande", D(2019, 1, 1), D(2022, 10, 3)),
    ]


def test_a_person_holding_two_posts_is_listed_once_in_the_leading_role(committee, kso):
    chair = Post.objects.create(name="Ordförande i kommittén",
                                organisation=committee.body.organisation)
    Membership.objects.create(body=committee.body, post=chair, role=MembershipRole.CHAIR)
    Tenure.objects.create(post=chair, person=committee.chair, start=D(2022, 1, 1),
                          end=D(2022, 12, 31))
    day = D(2022, 6, 1)
    roster = Roster.of(committee.body)
    assert len([seat for seat in roster.on(day) if seat.person == committee.chair]) == 2
    [seat] = roster.people_on(day)
    assert (seat.role, seat.organisation) == (MembershipRole.CHAIR, committee.chair.organisation)
    # From January the chair's post passes on and she holds no post at all: a vacant chair.
    later = roster.on(D(2023, 1, 10))
    assert [seat.role for seat in later if seat.person is None] == [MembershipRole.CHAIR]


def test_a_membership_that_ends_mid_term(committee):
    term = Term.objects.create(name="2023–2026", start=D(2022, 10, 15), end=D(2026, 10, 14))
    Membership.objects.create(body=committee.body, person=committee.adjuster, term=term,
                              start=term.start, end=D(2024, 5, 31))
    roster = Roster.of(committee.body)
    assert names(roster.people_on(D(2024, 5, 31))) == ["Björn Justerare"]
    assert roster.people_on(D(2024, 6, 1)) == []
    assert [(seat.start, seat.end) for seat in roster.history()] == [
        (D(2022, 10, 15), D(2024, 5, 31))]


def test_a_substitute_knows_whom_they_stand_in_for(committee, kso):
    seat = Membership.objects.get(post=kso)
    Membership.objects.create(body=committee.body, person=committee.secretary,
                              role=MembershipRole.SUBSTITUTE, substitute_for=seat, voting=False)
    on_day = {s.person.name: s for s in sitting_on(committee.body, D(2023, 1, 1))}
    substitute = on_day["Dag Sekreterare"]
    assert substitute.is_substitute and not substitute.voting
    assert substitute.stands_in_for.person.name == "Erik Efterträdare"


def test_a_party_is_the_one_the_post_was_held_for(committee, kso):
    from kansli.registry.models import Party

    m = Party.objects.create(abbreviation="M")
    Tenure.objects.filter(post=kso, person=committee.chair).update(party=m)
    [seat] = sitting_on(committee.body, D(2021, 1, 1))
    assert seat.party == m and committee.chair.party.abbreviation == "S"


def test_overlap_of_open_and_closed_periods():
    assert overlap((None, None), (D(2020, 1, 1), None)) == (D(2020, 1, 1), None)
    assert overlap((D(2020, 1, 1), D(2020, 12, 31)), (D(2021, 1, 1), None)) is None


def test_the_roster_reads_two_queries_however_long_the_history(
    committee, kso, django_assert_num_queries
):
    def grow() -> None:
        for index in range(10):
            organisation = Organisation.objects.create(name=f"Kommun {index}", slug=f"k{index}")
            post = Post.objects.create(name=f"KSO {index}", organisation=organisation)
            Membership.objects.create(body=committee.body, post=post, on_behalf_of=organisation)
            for year in range(2015, 2025):
                person = Person.objects.create(name=f"P {index} {year}", slug=f"p-{index}-{year}")
                Tenure.objects.create(post=post, person=person, start=D(year, 1, 1),
                                      end=D(year, 12, 31))

    def read() -> None:
        with django_assert_num_queries(2):
            roster = Roster.of(committee.body)
            roster.people_on(D(2020, 6, 1))
            roster.on(D(2020, 6, 1))
            roster.history()

    read()
    grow()
    read()
    assert len(sitting_on(committee.body, D(2020, 6, 1))) == 11
