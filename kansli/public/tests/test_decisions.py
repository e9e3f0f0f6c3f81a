"""The decisions list (/beslut/): filters, pages, and the permanent addresses of decisions and
items."""

from __future__ import annotations

import datetime
import re

import pytest

from conftest import CONFIDENTIAL_MARKER, DRAFT_MARKER
from kansli.meetings.models import AgendaItem, Decision, Matter, Meeting
from kansli.meetings.numbering import number_meeting
from kansli.minutes import workflow
from kansli.minutes.models import Minutes
from kansli.public import decisions as decisions_module
from kansli.registry.models import Body, Organisation

PUBLIC_DECISION = "Samarbetskommittén ställer sig bakom förslaget."


def page(reader, url: str) -> str:
    response = reader.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def without_token(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def publish_meeting(body: Body, day: datetime.date, decisions: list[str]) -> Meeting:
    meeting = Meeting.objects.create(body=body, date=day, slug=day.isoformat(), status="held")
    for position, text in enumerate(decisions):
        item = AgendaItem.objects.create(meeting=meeting, position=position, title=f"Punkt {text}")
        Decision.objects.create(item=item, text=text)
    number_meeting(meeting)
    workflow.publish(Minutes.objects.create(meeting=meeting))
    return meeting


@pytest.fixture
def second_body(committee) -> Body:
    owner = Organisation.objects.create(name="Dalby kommun", slug="dalby")
    body = Body.objects.create(organisation=owner, name="Kommunstyrelsen", slug="ks")
    publish_meeting(body, datetime.date(2023, 5, 4), ["Styrelsen beslutar om budget."])
    return body


def test_lists_public_decisions_and_nothing_else(reader, committee):
    html = page(reader, "/beslut/")
    assert PUBLIC_DECISION in html
    assert "Beslut att ställa in nästa möte." in html
    assert CONFIDENTIAL_MARKER not in html and DRAFT_MARKER not in html
    assert "2 decisions" in html


def test_filters_by_body_year_matter_and_organisation(reader, committee, second_body):
    matter = Matter.objects.create(title="Utvecklingsprogram", slug="program", public=True)
    AgendaItem.objects.filter(decisions__text=PUBLIC_DECISION).update(matter=matter)
    budget = "Styrelsen beslutar om budget."
    assert budget in page(reader, "/beslut/") and PUBLIC_DECISION in page(reader, "/beslut/")
    by_body = page(reader, "/beslut/?body=ks")
    assert budget in by_body and PUBLIC_DECISION not in by_body
    by_year = page(reader, "/beslut/?year=2022")
    assert PUBLIC_DECISION in by_year and budget not in by_year
    by_matter = page(reader, "/beslut/?matter=program")
    assert PUBLIC_DECISION in by_matter and "ställa in" not in by_matter
    # Alby is a member of the committee, Dalby owns the board.
    by_member = page(reader, "/beslut/?organisation=alby")
    assert PUBLIC_DECISION in by_member and budget not in by_member
    by_owner = page(reader, "/beslut/?organisation=dalby")
    assert budget in by_owner and PUBLIC_DECISION not in by_owner


def test_an_unknown_filter_value_is_named_in_the_error(reader, committee):
    html = page(reader, "/beslut/?body=finns-inte&year=1066")
    assert 'role="alert"' in html
    assert "Committee or board:" in html and "Year:" in html
    assert PUBLIC_DECISION not in html


def test_a_matter_that_is_not_public_cannot_be_chosen(reader, committee):
    Matter.objects.create(title="Hemligt ärende", slug="hemligt", public=True)
    html = page(reader, "/beslut/")
    assert "hemligt" not in html
    assert 'role="alert"' in page(reader, "/beslut/?matter=hemligt")


def test_long_lists_come_in_pages_that_keep_the_filters(reader, committee, monkeypatch):
    monkeypatch.setattr(decisions_module, "PER_PAGE", 1)
    first = page(reader, "/beslut/?body=samarbetskommitten")
    assert 'href="?body=samarbetskommitten&amp;page=2"' in first
    second = page(reader, "/beslut/?body=samarbetskommitten&page=2")
    assert '<span aria-current="page">2</span>' in second
    beyond = page(reader, "/beslut/?body=samarbetskommitten&page=99")
    assert without_token(beyond) == without_token(second)


def test_each_decision_has_an_anchor_and_a_permanent_address(reader, committee):
    decision = Decision.objects.get(text=PUBLIC_DECISION)
    assert f'id="beslut-{decision.pk}"' in page(reader, "/beslut/")
    own = page(reader, f"/beslut/{decision.pk}/")
    assert PUBLIC_DECISION in own
    assert decision.item.get_absolute_url() in own


@pytest.mark.parametrize("which", ["confidential", "draft"])
def test_a_decision_that_is_not_public_has_no_address(reader, committee, which):
    marker = CONFIDENTIAL_MARKER if which == "confidential" else DRAFT_MARKER
    decision = Decision.objects.get(text__contains=marker)
    assert reader.get(f"/beslut/{decision.pk}/").status_code == 404
    assert reader.get(f"/punkter/{decision.item_id}/").status_code == 404


def test_an_item_address_leads_to_the_item_on_the_meeting_page(reader, committee):
    item = AgendaItem.objects.get(decisions__text=PUBLIC_DECISION)
    response = reader.get(f"/punkter/{item.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"{committee.published.get_absolute_url()}#punkt-2"
