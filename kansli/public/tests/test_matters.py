"""Matters (/arenden/): public only once marked public and dealt with in published minutes, each
with its timeline and, for a cooperation proposal, how many member organisations adopted it."""

from __future__ import annotations

import pytest

from conftest import CONFIDENTIAL_MARKER
from kansli.meetings.models import Adoption, AgendaItem, Matter


def link(committee, title: str, *, public: bool = True, meeting=None) -> Matter:
    matter = Matter.objects.create(
        title=title, slug=title.lower(), public=public, body=committee.body
    )
    meeting = meeting or committee.published
    AgendaItem.objects.filter(meeting=meeting, position=1).update(matter=matter)
    return matter


@pytest.fixture
def proposal(committee) -> Matter:
    matter = link(committee, "Utvecklingsprogram")
    orgs = list(committee.body.member_organisations.order_by("name"))
    statuses = [Adoption.Status.ADOPTED, Adoption.Status.ADOPTED_WITH_CHANGES,
                Adoption.Status.PENDING]
    for org, status in zip(orgs, statuses, strict=True):
        Adoption.objects.create(matter=matter, organisation=org, status=status,
                                reference=f"KS § {org.pk}")
    return matter


def test_a_public_matter_shows_its_timeline_and_decisions(reader, proposal, committee):
    html = reader.get("/arenden/utvecklingsprogram/").content.decode()
    assert "Förslag nytt utvecklingsprogram" in html
    assert "Samarbetskommittén ställer sig bakom förslaget." in html
    assert committee.published.get_absolute_url() in html
    assert "utvecklingsprogram" in reader.get("/arenden/").content.decode()


def test_adoptions_are_counted_among_the_member_organisations(reader, proposal):
    html = reader.get("/arenden/utvecklingsprogram/").content.decode()
    assert "2 of 3 have adopted" in html
    assert "KS §" in html


def test_swedish_counts_adoptions_as_secretariats_write_it(client, proposal):
    html = client.get("/arenden/utvecklingsprogram/").content.decode()
    assert "2 av 3 har antagit" in html


@pytest.mark.parametrize("case", ["not marked public", "only in a draft", "only confidential"])
def test_a_matter_stays_unknown_until_public_minutes_deal_with_it(reader, committee, case):
    if case == "not marked public":
        link(committee, "Dolt", public=False)
    elif case == "only in a draft":
        link(committee, "Dolt", meeting=committee.draft)
        AgendaItem.objects.filter(meeting=committee.draft).update(
            matter=Matter.objects.get(slug="dolt")
        )
    else:
        matter = Matter.objects.create(title="Dolt", slug="dolt", public=True)
        AgendaItem.objects.filter(title="Personalärende").update(matter=matter)
    assert reader.get("/arenden/dolt/").status_code == 404
    assert "Dolt" not in reader.get("/arenden/").content.decode()


def test_the_timeline_leaves_out_confidential_items(reader, proposal, committee):
    AgendaItem.objects.filter(title="Personalärende").update(matter=proposal)
    html = reader.get("/arenden/utvecklingsprogram/").content.decode()
    assert CONFIDENTIAL_MARKER not in html and "Personalärende" not in html
