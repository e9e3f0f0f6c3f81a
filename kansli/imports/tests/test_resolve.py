"""Names as written resolve to the registry's organisations, bodies, parties and people."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kansli.imports.resolve import (
    Mention,
    Resolver,
    close_name,
    fold,
    organisation_keys,
    unique_slugs,
)
from kansli.registry.models import Body, BodyMode, Organisation, OrganisationKind, Party, Person


def test_fold_ignores_case_accents_and_spacing():
    assert fold("  SÖDERTÄLJE  kommun ") == "sodertalje kommun"
    assert fold("Søren Ærø") == "soren aero"
    assert fold("Anita Mattsson,") == "anita mattsson"


def test_organisation_keys_include_the_forms_minutes_use():
    assert organisation_keys("Tierps kommun") == ["tierps kommun", "tierps", "tierp"]
    assert organisation_keys("Botkyrka kommun") == ["botkyrka kommun", "botkyrka"]
    assert organisation_keys("Södertörns kommunerna") == ["sodertorns kommunerna"]


def test_close_name_accepts_one_letter_and_nothing_more():
    assert close_name("anita mattson", ["anita mattsson", "anita persson"]) == "anita mattsson"
    assert close_name("eva lind", ["eva lund"]) is None
    assert close_name("anna bergsten", ["anna bergström"]) is None


@pytest.mark.django_db
class TestOrganisations:
    def test_written_short_name_finds_the_municipality(self):
        botkyrka = Organisation.objects.create(name="Botkyrka kommun", slug="botkyrka")
        resolver = Resolver()
        assert resolver.organisation("Botkyrka") == botkyrka
        assert resolver.organisation("BOTKYRKA KOMMUN") == botkyrka

    def test_genitive_and_accents_do_not_matter(self):
        tierp = Organisation.objects.create(name="Tierps kommun", slug="tierp")
        sodertalje = Organisation.objects.create(name="Södertälje", slug="sodertalje")
        resolver = Resolver()
        assert resolver.organisation("Tierp") == tierp
        assert resolver.organisation("Sodertalje kommun") == sodertalje

    def test_aliases_are_matched(self):
        coop = Organisation.objects.create(
            name="Södertörns kommuner", slug="sodertorn", aliases=["Södertörns kommunerna"]
        )
        assert Resolver().organisation("södertörns kommunerna") == coop

    def test_unknown_name_is_created_once_with_a_free_slug(self):
        Organisation.objects.create(name="Nykvarn IF", slug="nykvarn")
        resolver = Resolver()
        created = resolver.organisation("Nykvarn")
        assert created.name == "Nykvarn"
        assert created.slug == "nykvarn-2"
        assert resolver.organisation("nykvarn") == created
        assert Organisation.objects.filter(name="Nykvarn").count() == 1

    def test_new_organisation_kind_comes_from_the_name_before_the_hint(self):
        def kind(name: str) -> str:
            return Resolver().organisation(name, kind=OrganisationKind.ASSOCIATION).kind

        assert kind("Tierps kommun") == OrganisationKind.MUNICIPALITY
        assert kind("Region Kronoberg") == OrganisationKind.REGION
        assert kind("IK Granen") == OrganisationKind.ASSOCIATION

    def test_no_name_is_no_organisation(self):
        assert Resolver().organisation(None) is None
        assert Resolver().organisation("  ") is None


@pytest.mark.django_db
class TestBodiesAndParties:
    def test_body_found_by_short_name_or_alias(self):
        tierp = Organisation.objects.create(name="Tierps kommun", slug="tierp")
        ks = Body.objects.create(
            organisation=tierp, name="Kommunstyrelsen", short_name="KS", slug="ks-tierp",
            aliases=["Kommunstyrelsen i Tierp"],
        )
        resolver = Resolver()
        assert resolver.body("ks", tierp, mode=BodyMode.NOTES) == ks
        assert resolver.body("Kommunstyrelsen i Tierp", tierp, mode=BodyMode.NOTES) == ks

    def test_same_body_name_in_another_organisation_is_another_body(self):
        tierp = Organisation.objects.create(name="Tierps kommun", short_name="Tierp", slug="t")
        hoganas = Organisation.objects.create(name="Höganäs kommun", slug="h")
        resolver = Resolver()
        first = resolver.body("Kommunstyrelsen", tierp, mode=BodyMode.PROTOCOL)
        second = resolver.body("Kommunstyrelsen", hoganas, mode=BodyMode.PROTOCOL)
        assert first != second
        assert (first.slug, second.slug) == ("kommunstyrelsen", "kommunstyrelsen-hoganas-kommun")
        assert second.mode == BodyMode.PROTOCOL

    def test_party_by_abbreviation_created_once(self):
        s = Party.objects.create(abbreviation="S", name="Socialdemokraterna")
        resolver = Resolver()
        assert resolver.party("(S)") == s
        kd = resolver.party("KD")
        assert resolver.party("kd") == kd
        assert resolver.party(None) is None
        assert Party.objects.count() == 2


@pytest.mark.django_db
class TestPeople:
    @pytest.fixture
    def tyreso(self):
        return Organisation.objects.create(name="Tyresö kommun", short_name="Tyresö", slug="t")

    def test_exact_name_after_folding(self, tyreso):
        anita = Person.objects.create(name="Anita Mattsson", slug="anita", organisation=tyreso)
        assert Resolver().people([Mention("ANITA MATTSSON", tyreso)]) == [anita]

    def test_one_letter_typo_within_the_organisation(self, tyreso):
        anita = Person.objects.create(name="Anita Mattsson", slug="anita", organisation=tyreso)
        assert Resolver().people([Mention("Anita Mattson", tyreso)]) == [anita]

    def test_typo_in_another_organisation_is_someone_else(self, tyreso):
        Person.objects.create(name="Anita Mattsson", slug="anita", organisation=tyreso)
        salem = Organisation.objects.create(name="Salem", slug="salem")
        [other] = Resolver().people([Mention("Anita Mattson", salem)])
        assert other.organisation == salem
        assert Person.objects.count() == 2

    def test_namesakes_in_two_known_organisations_stay_apart(self, tyreso):
        Person.objects.create(name="Anna Berg", slug="anna-berg", organisation=tyreso)
        salem = Organisation.objects.create(name="Salem", slug="salem")
        [new] = Resolver().people([Mention("Anna Berg", salem)])
        assert new.slug == "anna-berg-2"

    def test_unplaced_name_means_someone_in_the_same_document(self, tyreso):
        salem = Organisation.objects.create(name="Salem", slug="salem")
        Person.objects.create(name="Boel Godner", slug="b1", organisation=salem)
        listed = Person.objects.create(name="Boel Godner", slug="b2", organisation=tyreso)
        resolver = Resolver()
        resolver.people([Mention("Boel Godner", tyreso)])
        assert resolver.people([Mention("Boel Godnér")]) == [listed]
        assert resolver.people([Mention("Boel Godne")]) == [listed]

    def test_new_people_are_created_once_with_organisation_and_party(self, tyreso):
        s = Party.objects.create(abbreviation="S")
        first, again = Resolver().people([Mention("Cynthia Runefjärd", tyreso, s)] * 2)
        assert first is again
        stored = Person.objects.get()
        assert (stored.organisation, stored.party, stored.slug) == (tyreso, s, "cynthia-runefjard")

    def test_known_people_creates_nobody(self, tyreso):
        anita = Person.objects.create(name="Anita Mattsson", slug="anita", organisation=tyreso)
        assert Resolver().known_people(["Anita Mattsson", "Clerk"]) == [anita, None]
        assert Person.objects.count() == 1

    def test_query_count_does_not_grow_with_the_number_of_names(self, tyreso):
        def queries_for(count: int) -> int:
            mentions = [Mention(f"Person {count} {n}", tyreso) for n in range(count)]
            with CaptureQueriesContext(connection) as captured:
                Resolver().people(mentions)
            return len(captured)

        assert queries_for(2) == queries_for(20)


@pytest.mark.django_db
def test_unique_slugs_numbers_clashes_in_one_query():
    Person.objects.create(name="Anna Berg", slug="anna-berg")
    with CaptureQueriesContext(connection) as captured:
        slugs = unique_slugs(Person.objects.all(), ["Anna Berg", "Anna Berg", "!!"], 120, "person")
    assert slugs == ["anna-berg-2", "anna-berg-3", "person"]
    assert len(captured) == 1
