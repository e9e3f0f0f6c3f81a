"""Changes between meetings: recorded with one call (the predecessor stops the day before), and
written back as the minutes write them: organisation, person, party, what happened, the date."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from kansli.registry.changes import (
    JOINED,
    LEFT_POST,
    NEW_HOLDER,
    RE_ELECTED,
    ChangeError,
    changes_between,
    changes_text,
    post_role,
    record_change,
)
from kansli.registry.models import (
    Membership,
    MembershipRole,
    Organisation,
    Party,
    Person,
    Post,
    Tenure,
    Term,
)

D = datetime.date


@pytest.fixture(autouse=True)
def _in_english():
    # The messages are checked as written (msgids); the Swedish default is the catalogue's.
    with translation.override("en"):
        yield


@pytest.fixture
def seats(committee):
    """KSO posts of Alby and Borg with seats, held since 2019 by Åsa (S) and Björn (S)."""
    posts = {}
    for person in (committee.chair, committee.adjuster):
        organisation = person.organisation
        post = Post.objects.create(name=f"KSO {organisation.short_name}",
                                   organisation=organisation)
        Membership.objects.create(body=committee.body, post=post, on_behalf_of=organisation)
        Tenure.objects.create(post=post, person=person, party=person.party, start=D(2019, 1, 1))
        posts[organisation.short_name] = post
    return posts


def test_recording_a_change_ends_the_predecessor_the_day_before(committee, seats):
    m = Party.objects.create(abbreviation="M")
    sara = Person.objects.create(name="Sara Ny", slug="sara", party=m)
    tenure = record_change(seats["Alby"], sara, D(2022, 10, 4), note="Nytt styre")
    before = Tenure.objects.get(post=seats["Alby"], person=committee.chair)
    assert before.end == D(2022, 10, 3)
    assert (tenure.start, tenure.end, tenure.party, tenure.note) == (
        D(2022, 10, 4), None, m, "Nytt styre")
    assert seats["Alby"].holder_on(D(2022, 10, 3)) == committee.chair
    assert seats["Alby"].holder_on(D(2022, 10, 4)) == sara


def test_a_change_within_a_term_ends_with_the_term(committee, seats):
    term = Term.objects.create(name="2023–2026", start=D(2022, 10, 15), end=D(2026, 10, 14))
    tenure = record_change(seats["Borg"], committee.adjuster, D(2022, 10, 15), term=term)
    assert (tenure.end, tenure.term) == (D(2026, 10, 14), term)


def test_changes_are_recorded_in_date_order(committee, seats):
    record_change(seats["Alby"], committee.secretary, D(2022, 10, 4))
    with pytest.raises(ChangeError, match="already holds KSO Alby from 2022-10-04"):
        record_change(seats["Alby"], committee.adjuster, D(2022, 9, 1))
    assert Tenure.objects.filter(post=seats["Alby"]).count() == 2


def test_a_failed_change_leaves_the_predecessor_untouched(committee, seats, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Tenure.objects, "create", broken)
    with pytest.raises(RuntimeError):
        record_change(seats["Alby"], committee.secretary, D(2022, 10, 4))
    assert Tenure.objects.get(post=seats["Alby"]).end is None


def test_changes_between_meetings_say_who_what_and_when(committee, seats):
    s = Party.objects.get(abbreviation="S")
    sara = Person.objects.create(name="Sara Ny", slug="sara", party=s)
    record_change(seats["Alby"], sara, D(2022, 10, 4), note="Nytt styre")
    record_change(seats["Borg"], committee.adjuster, D(2022, 10, 17))
    found = changes_between(committee.body, D(2022, 8, 25), D(2022, 11, 10))
    assert [(c.kind, c.person.name, c.day) for c in found] == [
        (NEW_HOLDER, "Sara Ny", D(2022, 10, 4)),
        (RE_ELECTED, "Björn Justerare", D(2022, 10, 17)),
    ]
    assert found[0].predecessor == committee.chair
    text = changes_text(committee.body, found, D(2022, 11, 10),
                        list(committee.body.member_organisations.order_by("name")))
    assert text == (
        "Alby: Nytt styre. Sara Ny (S) är ny KSO från den 4 oktober och efterträder "
        "Åsa Ordförande (S).\n\n"
        "Borg: Björn Justerare (S) är omvald KSO den 17 oktober.\n\n"
        "Inga förändringar: Cedt."
    )


def test_the_window_is_after_one_meeting_up_to_the_next(committee, seats):
    record_change(seats["Alby"], committee.secretary, D(2022, 10, 4))
    assert changes_between(committee.body, D(2022, 10, 4), D(2022, 11, 10)) == []
    assert len(changes_between(committee.body, D(2022, 10, 3), D(2022, 10, 4))) == 1


def test_a_post_left_without_successor_and_a_personal_seat(committee, seats):
    Tenure.objects.filter(post=seats["Borg"]).update(end=D(2022, 9, 30))
    Membership.objects.create(body=committee.body, person=committee.secretary,
                              role=MembershipRole.SUBSTITUTE, start=D(2022, 10, 1))
    found = changes_between(committee.body, D(2022, 8, 25), D(2022, 11, 10))
    assert {(c.kind, c.person.name) for c in found} == {
        (LEFT_POST, "Björn Justerare"), (JOINED, "Dag Sekreterare")}
    text = changes_text(committee.body, found, D(2022, 11, 10))
    assert "Björn Justerare (S) lämnade uppdraget som KSO den 30 september" in text
    assert "Dag Sekreterare är ny ersättare i Samarbetskommittén från den 1 oktober." in text


def test_no_changes_is_said_plainly(committee, seats):
    assert changes_text(committee.body, [], D(2022, 11, 10)) == (
        "Inga förändringar sedan förra mötet.")


def test_the_year_is_written_only_when_it_differs(committee, seats):
    record_change(seats["Alby"], committee.secretary, D(2022, 12, 20))
    found = changes_between(committee.body, D(2022, 12, 1), D(2023, 1, 26))
    assert "från den 20 december 2022" in changes_text(committee.body, found, D(2023, 1, 26))


def test_post_role_leaves_out_the_organisation():
    huddinge = Organisation(name="Huddinge kommun", short_name="Huddinge")
    assert post_role(Post(name="KSO Huddinge", organisation=huddinge)) == "KSO"
    assert post_role(Post(name="Kommunstyrelsens ordförande i Huddinge kommun",
                          organisation=huddinge)) == "kommunstyrelsens ordförande"
    coop = Organisation(name="Södertörns kommuner")
    assert post_role(Post(name="Ordförande i samarbetskommittén", organisation=coop)) == (
        "ordförande i samarbetskommittén")


def test_changes_take_two_queries_however_many_posts(committee, seats, django_assert_num_queries):
    for index in range(10):
        organisation = Organisation.objects.create(name=f"Kommun {index}", slug=f"k{index}")
        post = Post.objects.create(name=f"KSO {index}", organisation=organisation)
        Membership.objects.create(body=committee.body, post=post, on_behalf_of=organisation)
        person = Person.objects.create(name=f"P {index}", slug=f"p{index}")
        Tenure.objects.create(post=post, person=person, start=D(2022, 10, 1))
    with django_assert_num_queries(2):
        found = changes_between(committee.body, D(2022, 9, 1), D(2022, 11, 1))
    assert len(found) == 10
