"""Importing the real minutes: the Södertörn cooperation committee, 10 November 2022."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command

from kansli.imports.pipeline import import_file
from kansli.imports.tests.test_parse_seed import PARTICIPANTS
from kansli.meetings.models import (
    AttendanceRole,
    AttendanceStatus,
    Meeting,
    MeetingKind,
    MeetingStatus,
)
from kansli.minutes.models import MinutesStatus
from kansli.registry.models import BodyMode, Person

PRESENT = PARTICIPANTS  # as the parser reads them, so the two tests cannot disagree
ABSENT = [
    ("Leif Eriksson", "Botkyrka"), ("Magnus Gyllestad", "Haninge"), ("Frida Nilsson", "Nykvarn"),
]
TITLES = [
    "Välkommen",
    "Utestående ärenden och föregående möten",
    "Förändringar efter valen",
    "Förslag nytt utvecklingsprogram",
    "Övriga frågor",
    "Nästa möte",
    "Avslutning",
]


@pytest.fixture
def meeting(db, seed) -> Meeting:
    result = import_file(seed)
    assert result.status == "imported"
    return result.meeting


def _attendance(meeting: Meeting, status: str) -> list[tuple[str, str]]:
    rows = meeting.attendances.filter(status=status).select_related("organisation")
    return [(row.name_as_written, row.organisation.name) for row in rows.order_by("position")]


def test_meeting_body_and_time(meeting):
    assert meeting.body.name == "Södertörns kommunernas samarbetskommitté"
    assert meeting.body.organisation.name == "Södertörns kommunerna"
    assert meeting.body.mode == BodyMode.NOTES
    assert (meeting.date, meeting.slug) == (datetime.date(2022, 11, 10), "2022-11-10")
    assert (meeting.start_time, meeting.end_time) == (datetime.time(13), datetime.time(13, 30))
    assert (meeting.place, meeting.online) == ("Digitalt via Teams", True)
    assert meeting.kind == MeetingKind.PLANNING_CONFERENCE
    assert meeting.status == MeetingStatus.HELD


def test_fourteen_present_with_organisations_and_the_chair(meeting):
    assert _attendance(meeting, AttendanceStatus.PRESENT) == PRESENT
    chair = meeting.attendances.get(role=AttendanceRole.CHAIR)
    assert chair.person.name == "Harry Bouveng"
    assert chair.person.organisation.name == "Nynäshamn"


def test_three_absent(meeting):
    assert _attendance(meeting, AttendanceStatus.ABSENT) == ABSENT


def test_one_organisation_per_municipality(meeting):
    ebba = meeting.attendances.get(name_as_written="Ebba Östlin")
    leif = meeting.attendances.get(name_as_written="Leif Eriksson")
    assert ebba.organisation == leif.organisation
    helene = meeting.attendances.get(name_as_written="Helene Olofsson")
    assert helene.organisation == meeting.body.organisation


def test_seven_items_in_order(meeting):
    items = list(meeting.items.order_by("sort_key"))
    assert [item.title for item in items] == TITLES
    assert [item.number for item in items] == [str(n) for n in range(1, 8)]
    assert [item.number_as_written for item in items] == [str(n) for n in range(1, 8)]
    assert all(item.source_line for item in items)


def test_the_two_decisions(meeting):
    decided = {
        item.title: [decision.text for decision in item.decisions.all()]
        for item in meeting.items.all() if item.decisions.exists()
    }
    assert list(decided) == ["Förslag nytt utvecklingsprogram", "Nästa möte"]
    assert decided["Förslag nytt utvecklingsprogram"][0].startswith(
        "Samarbetskommittén under 2022 ställer sig bakom förslaget"
    )
    assert decided["Nästa möte"] == ["Beslut att ställa in nästa möte den 8 december."]


def test_note_taker_and_adjuster_on_draft_minutes(meeting):
    minutes = meeting.minutes
    assert minutes.status == MinutesStatus.DRAFT
    assert minutes.note_taker.person.name == "Helene Olofsson"
    assert minutes.note_taker.role == ""
    assert [row.person.name for row in minutes.adjusters.all()] == ["Boel Godner"]


def test_parties_from_the_body_text(meeting):
    social_democrats = meeting.attendances.filter(party__abbreviation="S")
    names = {row.person.name for row in social_democrats}
    assert names == {"Ebba Östlin", "Boel Godner", "Anita Mattsson"}
    assert {Person.objects.get(name=name).party.abbreviation for name in names} == {"S"}


def test_misspelt_mattson_is_the_same_person(meeting):
    assert Person.objects.filter(name__in=["Anita Mattsson", "Anita Mattson"]).count() == 1


def test_previous_and_cancelled_next_meeting_are_on_the_calendar(meeting):
    others = {m.date: m.status for m in Meeting.objects.filter(body=meeting.body)}
    assert others[datetime.date(2022, 8, 25)] == MeetingStatus.HELD
    assert others[datetime.date(2022, 12, 8)] == MeetingStatus.CANCELLED
    assert len(others) == 3


def test_source_document_kept(meeting, seed):
    [source] = meeting.sources.all()
    assert source.file_name == seed.name
    assert source.size == seed.stat().st_size
    assert "Vid anteckningarna" in source.text
    assert len(source.sha256) == 64


@pytest.mark.django_db
def test_import_command_reports_and_publish_flag_publishes(seed):
    out = io.StringIO()
    call_command("import", str(seed), "--publish", stdout=out)
    assert out.getvalue().startswith(f"imported: {seed}")
    meeting = Meeting.objects.get(date=datetime.date(2022, 11, 10))
    assert meeting.minutes.status == MinutesStatus.PUBLISHED
