"""Fixtures for search: a small archive of published minutes, indexed as in production, and the
browser fixtures of the public site's tests.

The index follows publishing after the writing transaction commits. Tests run inside a
transaction that never commits, so the fixtures run the on-commit work as it is queued.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest

from conftest import Committee, build_committee
from kansli.meetings.models import AgendaItem, Decision, Meeting, MeetingKind
from kansli.meetings.numbering import number_meeting
from kansli.minutes import workflow
from kansli.minutes.models import Minutes
from kansli.public.tests.conftest import (  # noqa: F401
    assert_accessible,
    browser_page,
    chromium,
    reader,
)
from kansli.registry.models import Body, BodyMode, Organisation, OrganisationKind
from kansli.search.engines import Filters
from kansli.search.query import parse
from kansli.search.results import Results, find


@dataclass
class Archive:
    committee: Body
    board: Body
    meetings: dict[str, Meeting]


def meeting(body: Body, day: datetime.date, kind: str = MeetingKind.ORDINARY) -> Meeting:
    return Meeting.objects.create(body=body, date=day, slug=day.isoformat(), kind=kind)


def items(meeting: Meeting, *rows: tuple[str, str, list[str]], confidential: set[str] = frozenset(),
          publish: bool = True) -> list[AgendaItem]:
    """Items (title, narrative, decisions) numbered and, by default, published."""
    made = []
    for position, (title, text, decisions) in enumerate(rows):
        item = AgendaItem.objects.create(
            meeting=meeting, position=position, title=title, text=text,
            confidential=title in confidential,
        )
        for index, decision in enumerate(decisions):
            Decision.objects.create(item=item, position=index, text=decision)
        made.append(item)
    number_meeting(meeting)
    minutes = Minutes.objects.create(meeting=meeting)
    if publish:
        workflow.publish(minutes)
    return made


def build_archive() -> Archive:
    """Two bodies, four published meetings over two years, written to test Swedish search."""
    organisation = Organisation.objects.create(
        name="Sökstads kommun", short_name="Sökstad", slug="sokstad",
        kind=OrganisationKind.MUNICIPALITY,
    )
    committee = Body.objects.create(organisation=organisation, name="Utvecklingskommittén",
                                    slug="utvecklingskommitten")
    board = Body.objects.create(organisation=organisation, name="Kommunstyrelsen",
                                slug="kommunstyrelsen", mode=BodyMode.PROTOCOL)
    spring = meeting(committee, datetime.date(2023, 3, 9))
    items(spring,
          ("Förslag till nytt utvecklingsprogram",
           "Utvecklingsprogrammet för näringslivet presenteras av förvaltningen.",
           ["Kommittén godkänner utvecklingsprogrammet."]),
          ("Regional cykelplan", "Den regionala planen för cykelvägar redovisas.", []))
    conference = meeting(committee, datetime.date(2024, 1, 18), MeetingKind.PLANNING_CONFERENCE)
    items(conference,
          ("Bostadsförsörjning",
           "Behovet av nya bostäder i kommunerna diskuteras. Varje bostad med hyresrätt räknas.",
           ["Kommittén ger förvaltningen i uppdrag att kartlägga bostäderna."]),
          ("Gemensam strategi för kompetensförsörjning",
           "Strategin bygger på kommunernas arbetsmarknadsanalyser.", []))
    board_meeting = meeting(board, datetime.date(2024, 5, 16))
    items(board_meeting,
          ("Uppföljning av utvecklingsprogrammen",
           "De regionala utvecklingsprogrammen följs upp varje år.", []),
          ("Budget för 2025",
           "Förslaget till budget godkänns. Strategi för gemensam upphandling tas fram under "
           "våren, och cykelplanen räknas in i investeringarna.", ["Budgeten fastställs."]),
          ("Cykelplan", "Planen för cykelvägar i centrum antas.", ["Cykelplanen antas."]))
    autumn = meeting(committee, datetime.date(2024, 9, 12))
    items(autumn, ("Ledamöter i arbetsgruppen", "Två nya ledamöter utses.", []))
    return Archive(committee, board, {
        "spring": spring, "conference": conference, "board": board_meeting, "autumn": autumn,
    })


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Call it with a function: runs it and then the work it queued for after the commit."""

    def run(work):
        with django_capture_on_commit_callbacks(execute=True):
            return work()

    return run


@pytest.fixture
def archive(db, run_on_commit) -> Archive:
    return run_on_commit(build_archive)


@pytest.fixture
def indexed_committee(db, run_on_commit) -> Committee:
    """The shared committee (with its confidential and draft markers), indexed."""
    return run_on_commit(build_committee)


@pytest.fixture
def search():
    """Search as the search page does: `search("text", year=2024)` -> Results."""

    def run(text: str, page: int = 1, **filters) -> Results:
        return find(parse(text), Filters(**filters), page)

    return run


@pytest.fixture
def found(search):
    """The titles on the first page of results: `found("cykelplan")` -> ["Cykelplan", …]."""

    def run(text: str, **filters) -> list[str]:
        return [hit.entry.title for hit in search(text, **filters).page]

    return run

