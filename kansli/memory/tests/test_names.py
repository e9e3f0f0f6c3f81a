"""Names in imported minutes: tolerant of accents, typos and short forms; a name that cannot be
resolved is kept as written (or given an unconfirmed person) and listed for the secretary, and the
secretary's resolution is remembered for the next import."""

from __future__ import annotations

import hashlib

import pytest
from django.utils import translation

from kansli.imports.parse import parse_text
from kansli.imports.pipeline import import_parsed
from kansli.imports.resolve import Mention, Resolver, short_form_of
from kansli.meetings.models import ActionItem, Attendance
from kansli.memory import names
from kansli.registry.models import NameResolution, Organisation, Person

MINUTES = """Minnesanteckningar från möte med Testkommunernas samverkan

Tid	Torsdagen den 10 november 2022 kl 13.00-14.00
Plats	Stadshuset
Deltagare	Daniel Dronjak	Huddinge
Anita Mattsson	Tyresö
Helene Olofsson	Testkommunernas samverkan

1. Välkommen

Daniel hälsar alla välkomna.

2. Nästa möte

Beslut att ses igen i december.

Vid anteckningarna

Helene Olofsson

Justeras

A. Mattsson
"""


def import_text(text: str, name: str = "mote.txt"):
    parsed = parse_text(text, source=name)
    digest = hashlib.sha256(text.encode()).hexdigest()
    return import_parsed(parsed, text, name, digest, force=True)


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def huddinge(db) -> Organisation:
    return Organisation.objects.create(name="Huddinge kommun", short_name="Huddinge",
                                       slug="huddinge")


def test_short_forms_are_first_names_surnames_and_initials():
    assert short_form_of("daniel", "daniel dronjak")
    assert short_form_of("dronjak", "daniel dronjak")
    assert short_form_of("d. dronjak", "daniel dronjak")
    assert not short_form_of("e. dronjak", "daniel dronjak")
    assert not short_form_of("daniel", "daniel")


def test_an_unplaced_short_form_means_the_one_person_of_the_document(db, huddinge):
    resolver = Resolver()
    [daniel] = resolver.people([Mention("Daniel Dronjak", huddinge)])
    assert resolver.known_people(["Daniel", "D. Dronjak", "Anna"]) == [daniel, daniel, None]


def test_the_signer_s_short_form_is_the_person_listed(db, huddinge):
    result = import_text(MINUTES)
    adjuster = result.meeting.minutes.adjusters.get()
    assert adjuster.person.name == "Anita Mattsson"
    assert Person.objects.filter(name__icontains="Mattsson").count() == 1


def test_names_an_import_could_not_place_are_listed(db, huddinge):
    import_text(MINUTES)
    listed = {entry.name: entry for entry in names.unresolved_names()}
    assert set(listed) == {"Daniel Dronjak", "Anita Mattsson", "Helene Olofsson"}
    assert all(entry.created is not None for entry in listed.values())
    assert [meeting.slug for meeting in listed["Daniel Dronjak"].meetings] == ["2022-11-10"]


def test_a_resolution_is_remembered_for_the_next_import(db, huddinge):
    dan = Person.objects.create(name="Dan Dronjak", slug="dan", organisation=huddinge)
    import_text(MINUTES)
    created = Person.objects.get(name="Daniel Dronjak")
    entry = next(e for e in names.unresolved_names() if e.created == created)
    assert dan in entry.suggestions  # the same surname

    names.resolve(entry.key, names.LINK, dan)

    assert not Person.objects.filter(pk=created.pk).exists()
    assert Attendance.objects.get(name_as_written="Daniel Dronjak").person == dan
    assert NameResolution.objects.get(folded_name="daniel dronjak").person == dan
    result = import_text(MINUTES.replace("13.00-14.00", "13.00-14.30"))
    assert result.meeting.attendances.get(name_as_written="Daniel Dronjak").person == dan
    assert not Person.objects.filter(name="Daniel Dronjak").exists()
    assert "Daniel Dronjak" not in {entry.name for entry in names.unresolved_names()}


def test_confirming_a_new_person_clears_the_name(db, huddinge):
    import_text(MINUTES)
    entry = next(e for e in names.unresolved_names() if e.name == "Anita Mattsson")
    person = names.resolve(entry.key, names.NEW)
    assert person.name == "Anita Mattsson" and not person.unconfirmed
    assert "Anita Mattsson" not in {e.name for e in names.unresolved_names()}
    with pytest.raises(names.ResolveError, match="already been resolved"):
        names.resolve(entry.key, names.NEW)


def test_a_created_person_cannot_be_kept_as_a_bare_name(db, huddinge):
    import_text(MINUTES)
    entry = next(e for e in names.unresolved_names() if e.name == "Anita Mattsson")
    with pytest.raises(names.ResolveError, match="Attendance needs a person"):
        names.resolve(entry.key, names.KEEP)


@pytest.fixture
def unlinked_owner(committee) -> ActionItem:
    return ActionItem.objects.create(text="Ta fram underlag.", owner_as_written="Ledningsgruppen",
                                     raised_in=committee.published.items.first())


def test_a_name_kept_as_written_is_listed_and_can_be_linked(committee, unlinked_owner):
    [entry] = names.unresolved_names()
    assert entry.name == "Ledningsgruppen" and entry.count == 1
    person = names.resolve(entry.key, names.LINK, committee.secretary)
    unlinked_owner.refresh_from_db()
    assert unlinked_owner.owner == person == committee.secretary
    assert names.unresolved_names() == []
    assert Resolver().known_people(["Ledningsgruppen"]) == [committee.secretary]


def test_a_name_kept_as_written_stays_so_for_the_next_import(committee, unlinked_owner):
    [entry] = names.unresolved_names()
    assert names.resolve(entry.key, names.KEEP) is None
    assert names.unresolved_names() == []
    unlinked_owner.refresh_from_db()
    assert unlinked_owner.owner is None
    assert Resolver().known_people(["Ledningsgruppen"]) == [None]


def test_a_new_person_for_a_written_name(committee, unlinked_owner):
    [entry] = names.unresolved_names()
    person = names.resolve(entry.key, names.NEW)
    unlinked_owner.refresh_from_db()
    assert unlinked_owner.owner == person and person.name == "Ledningsgruppen"


def test_linking_needs_a_person(committee, unlinked_owner):
    [entry] = names.unresolved_names()
    with pytest.raises(names.ResolveError, match="Choose the person"):
        names.resolve(entry.key, names.LINK, None)


def test_the_names_page_resolves_and_reports(secretary_client, committee, unlinked_owner):
    page = secretary_client.get("/hantera/register/namn/")
    assert "Ledningsgruppen" in page.content.decode()
    [entry] = names.unresolved_names()
    response = secretary_client.post("/hantera/register/namn/los/", {
        "key": entry.key, "choice": names.LINK})
    assert response.status_code == 400
    assert "Choose the person the name stands for." in response.content.decode()
    response = secretary_client.post("/hantera/register/namn/los/", {
        "key": entry.key, "choice": names.LINK, "person": committee.secretary.pk})
    assert response.status_code == 302
    assert "Every name is resolved." in secretary_client.get(
        "/hantera/register/namn/").content.decode()


def test_the_names_page_takes_a_fixed_number_of_queries(secretary_client, committee):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert secretary_client.get("/hantera/register/namn/").status_code == 200
        return len(captured)

    ActionItem.objects.create(text="Första", owner_as_written="Någon",
                              raised_in=committee.published.items.first())
    Person.objects.create(name="Ny", slug="ny", unconfirmed=True)
    before = count()
    for index in range(10):
        ActionItem.objects.create(text=f"Åtgärd {index}", owner_as_written=f"Namn {index}",
                                  raised_in=committee.published.items.first())
        Person.objects.create(name=f"Ny {index}", slug=f"ny-{index}", unconfirmed=True)
    assert count() == before



def test_a_secretary_sees_and_resolves_only_names_of_their_own_bodies(
    committee, unlinked_owner, django_user_model
):
    from django.test import Client

    from kansli.accounts.models import BodyRole, Role
    from kansli.registry.models import Body

    other = Body.objects.create(organisation=committee.body.organisation, name="Annan",
                                slug="annan")
    user = django_user_model.objects.create_user("annan", "a@example.se", None)
    BodyRole.objects.create(user=user, body=other, role=Role.SECRETARY)
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    assert "Ledningsgruppen" not in client.get("/hantera/register/namn/").content.decode()
    [entry] = names.unresolved_names()
    response = client.post("/hantera/register/namn/los/", {
        "key": entry.key, "choice": names.KEEP}, follow=True)
    assert "not in your list" in response.content.decode()
    assert not NameResolution.objects.exists()
