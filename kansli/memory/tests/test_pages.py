"""The secretariat's memory pages: the registry and the one form recording a change, a body's
seats, matters with their timeline, plans and adoptions, and actions. Forms name what is wrong
and save nothing on error; members read, secretaries change, others are refused."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.test import Client

from kansli.meetings.models import (
    ActionItem,
    Adoption,
    AgendaItem,
    ForwardPlan,
    Matter,
    Meeting,
)
from kansli.registry.models import (
    Membership,
    MembershipRole,
    Organisation,
    Person,
    Post,
    Tenure,
    Term,
)

D = datetime.date
BODY = "/hantera/samarbetskommitten/"


@pytest.fixture
def kso(committee) -> Post:
    alby = committee.chair.organisation
    post = Post.objects.create(name="KSO Alby", organisation=alby)
    Membership.objects.create(body=committee.body, post=post, on_behalf_of=alby)
    Tenure.objects.create(post=post, person=committee.chair, party=committee.chair.party,
                          start=D(2019, 1, 1))
    return post


@pytest.fixture
def matter(committee) -> Matter:
    found = Matter.objects.create(title="Utvecklingsprogram", slug="up", body=committee.body)
    committee.published.items.filter(position=1).update(matter=found)
    return found


# The registry and changes


def test_recording_a_change_with_a_new_person(secretary_client, committee, kso):
    response = secretary_client.post("/hantera/register/forandring/", {
        "post": kso.pk, "new_name": "Sara Ny", "start": "2022-10-04", "note": "Nytt styre",
    })
    assert response.status_code == 302
    assert response["Location"] == f"/hantera/register/poster/{kso.pk}/"
    sara = Person.objects.get(name="Sara Ny")
    assert (sara.organisation, sara.slug) == (kso.organisation, "sara-ny")
    assert list(kso.tenures.order_by("start").values_list("person__name", "end")) == [
        ("Åsa Ordförande", D(2022, 10, 3)), ("Sara Ny", None)]
    page = secretary_client.get(f"/hantera/register/poster/{kso.pk}/").content.decode()
    assert "Sara Ny" in page and "Nytt styre" in page


@pytest.mark.parametrize("data, field, message", [
    ({"new_name": "Sara Ny", "person": "me"}, "person", "not both"),
    ({}, "person", "not both"),
    ({"new_name": "Sara Ny", "start": "2018-01-01"}, "start", "already holds KSO Alby"),
    ({"new_name": "Sara Ny", "start": "den fjärde"}, "start", "Enter a valid date."),
])
def test_a_wrong_change_says_what_is_wrong_and_saves_nothing(
    secretary_client, committee, kso, data, field, message
):
    data = {"post": kso.pk, "start": "2022-10-04", **data}
    if data.get("person") == "me":
        data["person"] = committee.secretary.pk
    response = secretary_client.post("/hantera/register/forandring/", data)
    assert response.status_code == 400
    assert message in str(response.context["form"].errors[field])
    assert kso.tenures.get().end is None
    assert not Person.objects.filter(name="Sara Ny").exists()


def test_the_registry_lists_posts_with_today_s_holder(secretary_client, committee, kso):
    html = secretary_client.get("/hantera/register/").content.decode()
    assert "KSO Alby" in html and "Åsa Ordförande" in html


def test_posts_and_terms_are_created_with_checks(secretary_client, committee, kso):
    response = secretary_client.post("/hantera/register/poster/ny/",
                                     {"name": "KSO Alby", "organisation": kso.organisation_id})
    assert response.status_code == 400 and Post.objects.count() == 1
    response = secretary_client.post("/hantera/register/mandatperioder/",
                                     {"name": "2023–2026", "start": "2026-10-14",
                                      "end": "2022-10-15"})
    assert response.status_code == 400 and not Term.objects.exists()
    assert secretary_client.post("/hantera/register/mandatperioder/", {
        "name": "2023–2026", "start": "2022-10-15", "end": "2026-10-14"}).status_code == 302


# Seats


def test_the_roster_shows_who_sat_on_the_body_on_a_day(member_client, committee, kso):
    Tenure.objects.filter(post=kso).update(end=D(2022, 10, 3))
    sara = Person.objects.create(name="Sara Ny", slug="sara")
    Tenure.objects.create(post=kso, person=sara, start=D(2022, 10, 4))
    before = member_client.get(BODY + "ledamoter/?datum=2022-10-03").context
    after = member_client.get(BODY + "ledamoter/?datum=2022-10-04").context
    assert [seat.person.name for seat in before["seats"]] == ["Åsa Ordförande"]
    assert [seat.person.name for seat in after["seats"]] == ["Sara Ny"]
    assert len(after["history"]) == 2


def test_a_bad_day_falls_back_to_today_with_a_message(member_client, committee):
    response = member_client.get(BODY + "ledamoter/?datum=igår")
    assert response.status_code == 200
    assert "is not a date" in response.content.decode()


def test_a_seat_is_a_person_s_or_a_post_s(secretary_client, committee, kso):
    url = BODY + "ledamoter/ny/"
    response = secretary_client.post(url, {"role": "member", "voting": "on"})
    assert response.status_code == 400
    assert "choose exactly one" in response.content.decode()
    term = Term.objects.create(name="2023–2026", start=D(2022, 10, 15), end=D(2026, 10, 14))
    response = secretary_client.post(url, {
        "person": committee.secretary.pk, "role": MembershipRole.SUBSTITUTE,
        "substitute_for": Membership.objects.get(post=kso).pk, "term": term.pk,
    })
    assert response.status_code == 302
    seat = Membership.objects.get(person=committee.secretary)
    assert (seat.start, seat.end, seat.substitute_for.post) == (term.start, term.end, kso)


def test_ending_a_seat_mid_term(secretary_client, committee):
    seat = Membership.objects.create(body=committee.body, person=committee.adjuster,
                                     start=D(2022, 10, 15))
    url = f"{BODY}ledamoter/{seat.pk}/avsluta/"
    secretary_client.post(url, {"end": "2020-01-01"})
    seat.refresh_from_db()
    assert seat.end is None
    secretary_client.post(url, {"end": "2024-05-31"})
    seat.refresh_from_db()
    assert seat.end == D(2024, 5, 31)


def test_the_changes_page_writes_the_item(member_client, committee, kso):
    Tenure.objects.filter(post=kso).update(end=D(2022, 10, 3))
    sara = Person.objects.create(name="Sara Ny", slug="sara", party=committee.chair.party)
    Tenure.objects.create(post=kso, person=sara, start=D(2022, 10, 4), note="Nytt styre")
    html = member_client.get(BODY + "forandringar/?fran=2022-08-25&till=2022-11-10")
    assert ("Alby: Nytt styre. Sara Ny (S) är ny KSO från den 4 oktober och efterträder "
            "Åsa Ordförande (S).") in html.content.decode()


# Matters


def test_a_new_matter_gets_a_free_address(secretary_client, committee):
    for _ in range(2):
        response = secretary_client.post(BODY + "arenden/ny/", {
            "title": "Antaganden", "status": "open"})
        assert response.status_code == 302
    assert set(Matter.objects.values_list("slug", flat=True)) == {
        "antaganden-arende", "antaganden-arende-2"}


def test_the_matter_page_is_a_timeline_with_documents_and_actions(
    member_client, committee, matter
):
    ActionItem.objects.create(text="Skicka till kommunerna.", matter=matter,
                              raised_in=committee.published.items.get(position=1),
                              owner=committee.secretary, due=D(2022, 12, 1))
    html = member_client.get(f"{BODY}arenden/up/").content.decode()
    assert "Förslag nytt utvecklingsprogram" in html
    assert "Samarbetskommittén ställer sig bakom förslaget." in html
    assert "Skicka till kommunerna." in html and "Overdue" in html


def test_linking_an_item_of_another_meeting(secretary_client, committee, matter):
    item = committee.draft.items.get()
    response = secretary_client.post(f"{BODY}arenden/up/koppla/", {"item": item.pk})
    assert response.status_code == 302
    assert set(matter.items.values_list("meeting__slug", flat=True)) == {
        "2022-11-10", "2022-12-01"}


def test_planning_a_matter_onto_a_planned_meeting(secretary_client, committee, matter):
    response = secretary_client.post(f"{BODY}arenden/up/planera/", {
        "meeting": committee.planned.pk, "kind": "decision"})
    assert response.status_code == 302
    item = committee.planned.items.get()
    assert (item.title, item.matter, item.kind) == ("Utvecklingsprogram", matter, "decision")
    response = secretary_client.post(f"{BODY}arenden/up/planera/", {"kind": "information"})
    assert response.status_code == 400
    assert "Say when" in response.content.decode()
    assert ForwardPlan.objects.count() == 1


def test_adoptions_are_recorded_once_per_organisation(secretary_client, committee, matter):
    url = f"{BODY}arenden/up/"
    assert secretary_client.post(url + "skicka/").status_code == 302
    alby = Organisation.objects.get(short_name="Alby")
    data = {"organisation": alby.pk, "status": "adopted", "decision_date": "2023-02-06",
            "deciding_body": "Kommunstyrelsen", "reference": "KS § 12"}
    response = secretary_client.post(url + "antagande/", {**data, "decision_date": ""})
    assert response.status_code == 400 and "Give the date" in response.content.decode()
    for _ in range(2):
        assert secretary_client.post(url + "antagande/", data).status_code == 302
    assert Adoption.objects.filter(matter=matter).count() == 3
    html = secretary_client.get(BODY + "antaganden/").content.decode()
    assert "1 of 3 have adopted" in html


# Actions


def test_an_action_needs_an_owner_and_is_closed_at_a_later_meeting(secretary_client, committee):
    raised = committee.published.items.get(position=1)
    response = secretary_client.post(BODY + "atgarder/ny/", {
        "text": "Boka lokal.", "raised_in": raised.pk, "due": "2022-12-01"})
    assert response.status_code == 400 and "Say who owns the action" in response.content.decode()
    secretary_client.post(BODY + "atgarder/ny/", {
        "text": "Boka lokal.", "raised_in": raised.pk, "due": "2022-12-01",
        "owner": committee.secretary.pk})
    found = ActionItem.objects.get()
    url = f"{BODY}atgarder/{found.pk}/stang/"
    same = committee.published.items.get(position=0)
    assert secretary_client.post(url, {"item": same.pk, "status": "done"}).status_code == 400
    later = committee.draft.items.get()
    assert secretary_client.post(url, {"item": later.pk, "status": "done"}).status_code == 302
    found.refresh_from_db()
    assert (found.status, found.closed_in) == ("done", later)


# Who may do what


@pytest.fixture
def outsider_client(committee, django_user_model) -> Client:
    user = django_user_model.objects.create_user("utomstaende", "u@example.se", None)
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


READ = ["ledamoter/", "forandringar/", "arenden/", "arenden/up/", "atgarder/", "antaganden/"]
WRITE = ["ledamoter/ny/", "arenden/ny/", "arenden/up/skicka/", "atgarder/ny/"]


@pytest.mark.parametrize("path", READ)
def test_members_read_the_body_s_memory(member_client, committee, matter, path):
    assert member_client.get(BODY + path).status_code == 200


@pytest.mark.parametrize("path", WRITE)
def test_only_secretaries_change_it(member_client, outsider_client, committee, matter, path):
    assert member_client.post(BODY + path).status_code == 403
    assert outsider_client.post(BODY + path).status_code == 403
    assert Client().post(BODY + path).status_code == 302  # to the login page


@pytest.mark.parametrize("path", ["forandring/", "poster/ny/", "namn/", "mandatperioder/"])
def test_the_registry_is_kept_by_secretaries(member_client, path):
    assert member_client.get("/hantera/register/" + path).status_code == 403
    assert member_client.get("/hantera/register/").status_code == 200


def test_an_outsider_cannot_read_the_registry(outsider_client):
    assert outsider_client.get("/hantera/register/").status_code == 403


def test_a_meeting_cannot_take_a_memory_page_s_address(secretary_client, committee):
    response = secretary_client.post(BODY + "nytt-mote/", {
        "kind": "ordinary", "date": "2031-02-06", "online": "unknown", "slug": "arenden"})
    assert response.status_code == 400


# Fixed query counts


def grow(committee, kso, count: int = 10) -> None:
    for index in range(count):
        organisation = Organisation.objects.create(name=f"Kommun {index}", slug=f"k{index}")
        committee.body.member_organisations.add(organisation)
        post = Post.objects.create(name=f"KSO {index}", organisation=organisation)
        Membership.objects.create(body=committee.body, post=post, on_behalf_of=organisation)
        for year in (2020, 2021):
            person = Person.objects.create(name=f"P {index} {year}", slug=f"p-{index}-{year}")
            Tenure.objects.create(post=post, person=person, start=D(year, 1, 1),
                                  end=D(year, 12, 31))
        matter = Matter.objects.create(title=f"Ärende {index}", slug=f"a{index}",
                                       body=committee.body)
        Adoption.objects.create(matter=matter, organisation=organisation)
        item = AgendaItem.objects.create(meeting=committee.draft, title=f"Punkt {index}",
                                         matter=Matter.objects.get(slug="up"))
        ActionItem.objects.create(text=f"Åtgärd {index}", raised_in=item, owner=person,
                                  matter=Matter.objects.get(slug="up"))


@pytest.mark.parametrize("path", [
    BODY + "ledamoter/", BODY + "forandringar/", BODY + "arenden/", BODY + "arenden/up/",
    BODY + "atgarder/", BODY + "antaganden/", "/hantera/register/",
])
def test_the_memory_pages_take_a_fixed_number_of_queries(
    secretary_client, committee, kso, matter, path
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert secretary_client.get(path).status_code == 200
        return len(captured)

    before = count()
    grow(committee, kso)
    assert count() == before
    assert Meeting.objects.exists()
