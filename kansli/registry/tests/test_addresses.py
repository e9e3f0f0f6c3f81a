"""A body's slug never takes the address of one of the site's own pages."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from kansli.imports.resolve import Resolver
from kansli.registry.addresses import (
    reserved_matter_slugs,
    reserved_meeting_slugs,
    reserved_slugs,
)
from kansli.registry.models import Body, BodyMode, Organisation


def test_the_site_s_fixed_addresses_are_reserved():
    reserved = reserved_slugs()
    # Public pages, staff pages below /hantera/, the API and the static files.
    assert {"sok", "beslut", "moten", "arenden", "personer", "api", "hantera", "import",
            "register", "static", "logga-in"} <= reserved
    assert "samarbetskommitten" not in reserved


@pytest.mark.django_db
def test_a_body_given_a_reserved_slug_is_refused_naming_the_slug():
    alby = Organisation.objects.create(name="Alby kommun", slug="alby")
    body = Body(organisation=alby, name="Sök", slug="sok")
    with pytest.raises(ValidationError) as refused:
        body.full_clean()
    assert "sok" in str(refused.value.message_dict["slug"])


@pytest.mark.django_db
def test_an_imported_body_named_like_a_page_gets_an_address_of_its_own():
    alby = Organisation.objects.create(name="Alby kommun", slug="alby", short_name="Alby")
    body = Resolver().body("Beslut", alby, mode=BodyMode.NOTES)
    assert body.slug == "beslut-alby"
    # The decisions page is still the decisions page, and the body has its own.
    assert "Beslut" in Client().get("/beslut/").content.decode()
    assert Client().get(f"/{body.slug}/").status_code == 200


def test_pages_beside_meetings_and_matters_are_reserved_for_them():
    # /hantera/<body>/nytt-mote/ and the body's memory pages; /arenden/antaganden/ and
    # /hantera/<body>/arenden/ny/.
    assert {"nytt-mote", "dagordningsmall", "ledamoter", "arenden", "atgarder"} <= (
        reserved_meeting_slugs()
    )
    assert reserved_matter_slugs() == {"antaganden", "ny"}
