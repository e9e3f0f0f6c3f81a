"""Plain-text minutes: the real minutes' layout, exactly, and a round trip through the parser."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from conftest import CONFIDENTIAL_MARKER
from kansli.imports.parse import parse_text
from kansli.imports.pipeline import import_file
from kansli.meetings.models import AttendanceRole, AttendanceStatus
from kansli.minutes.render.document import (
    Item,
    MinutesDocument,
    Participant,
    build_document,
    load_meeting,
)
from kansli.minutes.render.text import render_text
from kansli.registry.models import BodyMode

# The real minutes of the Södertörn cooperation committee, 10 November 2022, as converted from
# Word to text: what notes mode must reproduce. The conversion left two empty lines before the
# title and no newline after the last line; Kansli writes neither.
SEED_TEXT = """Minnesanteckningar från planeringskonferens med Södertörns kommunernas samarbetskommitté

Tid\tTorsdagen den 10 november 2022 kl 13.00-13.30\t
Plats\tDigitalt via Teams\t
Deltagare\tEbba Östlin Meeri Wasberg Daniel Dronjak Camilla Broo Harry Bouveng Petra Kålbäck Gunilla Lindstedt Rickard Livén Mats Bergström Boel Godner Stefan Hollmark Anita Mattsson Cynthia Runefjärd Helene Olofsson\tBotkyrka Haninge Huddinge Huddinge Nynäshamn, ordförande Nynäshamn Nykvarn Salem Salem Södertälje Södertälje Tyresö Tyresö Södertörns kommunerna
Ej närvarande\tLeif Eriksson Magnus Gyllestad Frida Nilsson\tBotkyrka Haninge Nykvarn

1. Välkommen

Harry Bouveng hälsar alla välkomna.

Boel Godner utses som justerare av minnesanteckningarna.

2. Utestående ärenden och föregående möten

Föregående möte var den 25 augusti. Inga synpunkter på minnesanteckningarna eller utestående ärenden.

3. Förändringar efter valen

Botkyrka: Ebba Östlin (S) omvald KSO.

Haninge: Ännu inget klart

Huddinge: Nytt styre. Ny KSO Sara Heelge Vikmång (S) valdes till ny KSO den 4 oktober.

Nykvarn: Nytt styre. Beslut om ny KSO sker den 10 november. Gunilla Lindstedt är KSO året ut.

Nynäshamn: Harry Bouveng går i pension och efterträds av Marcus Svinhufvud (M) som valdes till ny KSO den 28 oktober.

Salem: Samma alliansstyre. Rickard Livén omvald KSO i december.

Södertälje: Boel Godner (S) är omvald KSO den 17 oktober.

Tyresö: Anita Mattson(S) är omvald KSO den 27 oktober.

4. Förslag nytt utvecklingsprogram

Helene Olofsson inleder med att redogöra för processen med och utgångspunkterna för framtagandet av förslaget till nytt utvecklingsprogram. Arbetet inleddes den 31 mars 2022 på samarbetskommitténs planeringskonferens. Efter en kort inledning föredras förslaget i sin helhet dvs vision, målformuleringar, målstruktur och organisation.

Helene Olofsson förtydligar att förslaget i nästa steg presenteras för nya samarbetskommittén på planeringskonferensen i januari 2023 som beslutar om innehållet för att därefter gå vidare för antagande i respektive kommuns kommunstyrelse.

Kartläggning av befintliga samverkansstrukturer inom ”trygghet- och brottsförebyggande arbete” är genomförd och rekommendation och vägval presenteras i början på nästa år för nya Samarbetskommittén.

Ordet lämnas fritt för diskussion

Inga kommentarer eller synpunkter på förslaget

Beslut:

Samarbetskommittén under 2022 ställer sig bakom förslaget till nytt utvecklingsprogram (SUP2040) och föreslår att nya Samarbetskommittén för den kommande mandatperiod beslutar om innehållet i början på år 2023.

5. Övriga frågor

Daniel Dronjak tackar alla för det värdefulla och fina samarbetet i Samarbetskommittén, en samverkan som växt sig starkare de senaste åren. Daniel önskar alla lycka till och avslutar med några medskick till kommande Samarbetskommitté.

6. Nästa möte

Beslut att ställa in nästa möte den 8 december. Behöver något stämmas av före årsskiftet görs det via mejl.

7. Avslutning

Harry Bouveng tackar alla för fint samlararbete i samarbetskommittén.

Vid anteckningarna

Helene Olofsson

Justeras

Boel Godner
"""  # noqa: E501 (the minutes' own lines)

SEED_PRESENT = [
    ("Ebba Östlin", "Botkyrka"), ("Meeri Wasberg", "Haninge"), ("Daniel Dronjak", "Huddinge"),
    ("Camilla Broo", "Huddinge"), ("Harry Bouveng", "Nynäshamn"), ("Petra Kålbäck", "Nynäshamn"),
    ("Gunilla Lindstedt", "Nykvarn"), ("Rickard Livén", "Salem"), ("Mats Bergström", "Salem"),
    ("Boel Godner", "Södertälje"), ("Stefan Hollmark", "Södertälje"),
    ("Anita Mattsson", "Tyresö"), ("Cynthia Runefjärd", "Tyresö"),
    ("Helene Olofsson", "Södertörns kommunerna"),
]
SEED_ABSENT = [
    ("Leif Eriksson", "Botkyrka"), ("Magnus Gyllestad", "Haninge"), ("Frida Nilsson", "Nykvarn"),
]
SEED_CHAIR = "Harry Bouveng"


def _between(start: str, end: str) -> str:
    """A stretch of the real minutes, so their two long narratives are not typed out twice."""
    begin = SEED_TEXT.index(start) + len(start)
    return SEED_TEXT[begin:SEED_TEXT.index(end, begin)]


CHANGES = _between("3. Förändringar efter valen\n\n", "\n\n4. ")
PROGRAMME = _between("4. Förslag nytt utvecklingsprogram\n\n", "\n\nBeslut:")
PROGRAMME_DECISION = (
    "Samarbetskommittén under 2022 ställer sig bakom förslaget till nytt utvecklingsprogram "
    "(SUP2040) och föreslår att nya Samarbetskommittén för den kommande mandatperiod beslutar om "
    "innehållet i början på år 2023."
)
NEXT_MEETING = "Beslut att ställa in nästa möte den 8 december."


def _people(rows: list[tuple[str, str]], status: str = AttendanceStatus.PRESENT) -> list:
    return [
        Participant(
            name=name, organisation=organisation, status=status,
            role=AttendanceRole.CHAIR if name == SEED_CHAIR else "",
        )
        for name, organisation in rows
    ]


def _items() -> list[Item]:
    items = [
        ("Välkommen", "Harry Bouveng hälsar alla välkomna.\n\n"
         "Boel Godner utses som justerare av minnesanteckningarna.", []),
        ("Utestående ärenden och föregående möten", "Föregående möte var den 25 augusti. Inga "
         "synpunkter på minnesanteckningarna eller utestående ärenden.", []),
        ("Förändringar efter valen", CHANGES, []),
        ("Förslag nytt utvecklingsprogram", PROGRAMME, [PROGRAMME_DECISION]),
        ("Övriga frågor", "Daniel Dronjak tackar alla för det värdefulla och fina samarbetet i "
         "Samarbetskommittén, en samverkan som växt sig starkare de senaste åren. Daniel önskar "
         "alla lycka till och avslutar med några medskick till kommande Samarbetskommitté.", []),
        # The inline decision typed inside the paragraph it opens, as the real minutes have it.
        ("Nästa möte", f"{NEXT_MEETING} Behöver något stämmas av före årsskiftet görs det via "
         "mejl.", [NEXT_MEETING]),
        ("Avslutning", "Harry Bouveng tackar alla för fint samlararbete i samarbetskommittén.", []),
    ]
    return [
        Item(number=str(n), title=title, anchor=str(n), text=text, decisions=decisions)
        for n, (title, text, decisions) in enumerate(items, start=1)
    ]


def seed_document() -> MinutesDocument:
    """The real minutes of 10 November 2022 as a MinutesDocument."""
    return MinutesDocument(
        title="Minnesanteckningar från planeringskonferens med Södertörns kommunernas "
        "samarbetskommitté",
        body="Södertörns kommunernas samarbetskommitté",
        body_mode=BodyMode.NOTES,
        kind="planning_conference",
        status="published",
        date=datetime.date(2022, 11, 10),
        time_text="Torsdagen den 10 november 2022 kl 13.00-13.30",
        place="Digitalt via Teams",
        present=_people(SEED_PRESENT),
        absent=_people(SEED_ABSENT, AttendanceStatus.ABSENT),
        items=_items(),
        note_taker="Helene Olofsson",
        adjusters=["Boel Godner"],
    )


def reading_order(doc: MinutesDocument) -> list[str]:
    """What a reader meets, in order, in every format: people with their organisations, then
    item headings with their decisions, then the signers. The other formats' tests use it."""
    people = [part for p in [*doc.present, *doc.absent] for part in (p.name, p.organisation)]
    items = [part for heading, item in doc.headed_items() for part in (heading, *item.decisions)]
    signers = [name for row in doc.signatures() for name in row.values]
    return [doc.title, doc.time_text, doc.place, *people, *items, *signers]


def assert_in_order(text: str, expected: list[str]) -> None:
    """Each expected string occurs in `text` after the one before, whitespace aside."""
    flat, position = " ".join(text.split()), 0
    for part in expected:
        needle = " ".join(part.split())
        found = flat.find(needle, position)
        assert found >= 0, f"{needle!r} missing after position {position}"
        position = found + len(needle)


@pytest.fixture
def swedish() -> None:
    """Render in Swedish, the language of the real minutes."""
    with translation.override("sv"):
        assert translation.gettext("Participants") == "Deltagare", (
            "locale/sv lacks the minutes labels: run `make messages`"
        )
        yield


def test_notes_mode_reproduces_the_real_minutes(swedish):
    assert render_text(seed_document()) == SEED_TEXT


def test_head_rows_are_tab_separated_with_the_chair_flagged(swedish):
    lines = render_text(seed_document()).splitlines()
    assert lines[2] == "Tid\tTorsdagen den 10 november 2022 kl 13.00-13.30\t"
    participants = lines[4].split("\t")
    assert participants[0] == "Deltagare"
    assert participants[1].startswith("Ebba Östlin Meeri Wasberg ")
    assert "Nynäshamn, ordförande Nynäshamn" in participants[2]
    assert lines[5] == (
        "Ej närvarande\tLeif Eriksson Magnus Gyllestad Frida Nilsson\tBotkyrka Haninge Nykvarn"
    )


def test_no_absentees_means_no_not_present_line(swedish):
    doc = seed_document()
    doc.absent = []
    assert "Ej närvarande" not in render_text(doc)


def test_decisions_each_get_a_paragraph_under_one_label(swedish):
    doc = seed_document()
    doc.items[3].decisions.append("Förslaget skickas till kommunerna.")
    text = render_text(doc)
    assert f"Beslut:\n\n{PROGRAMME_DECISION}\n\nFörslaget skickas till kommunerna.\n\n5." in text
    assert text.count("Beslut:") == 1


def test_an_inline_decision_is_its_own_paragraph_without_label(swedish):
    doc = seed_document()
    doc.items[5].text = ""
    text = render_text(doc)
    assert f"6. Nästa möte\n\n{NEXT_MEETING}\n\n7. Avslutning" in text


def test_english_labels_follow_the_active_language():
    with translation.override("en"):
        text = render_text(seed_document())
    assert "\nTime\tTorsdagen" in text
    assert "\nParticipants\tEbba Östlin" in text
    assert "Nynäshamn, chair Nynäshamn" in text
    assert "\nDecision:\n" in text
    assert text.endswith("Minutes taken by\n\nHelene Olofsson\n\nAdjusted by\n\nBoel Godner\n")


def test_protocol_mode_writes_a_protokoll(swedish):
    doc = seed_document()
    doc.body_mode = BodyMode.PROTOCOL
    doc.present[-1].role = AttendanceRole.SECRETARY
    for item in doc.items:
        item.number = f"§ {int(item.number) + 40}"
    text = render_text(doc)
    assert "\nPlats och tid\tDigitalt via Teams, Torsdagen den 10 november 2022" in text
    assert "\nBeslutande\tEbba Östlin, Botkyrka\n\tMeeri Wasberg, Haninge\n" in text
    assert "\tHarry Bouveng, Nynäshamn, ordförande\n" in text
    assert "\nÖvriga närvarande\tHelene Olofsson, Södertörns kommunerna\n" in text
    assert "\nUtses att justera\tBoel Godner\n" in text
    assert "\n§ 44 Förslag nytt utvecklingsprogram\n\n" in text
    assert f"\nBeslut\n\n{PROGRAMME_DECISION}\n\n§ 45 Övriga frågor" in text
    assert text.endswith("Vid protokollet\n\nHelene Olofsson\n\nJusteras\n\nBoel Godner\n")


@pytest.mark.django_db
def test_confidential_items_are_left_out_of_the_public_text(committee):
    meeting = load_meeting(committee.published.pk)
    staff = render_text(build_document(meeting, for_public=False))
    public = render_text(build_document(meeting, for_public=True))
    assert "Personalärende" in staff
    assert "Personalärende" not in public and CONFIDENTIAL_MARKER not in public


@pytest.mark.django_db
def test_a_cancelled_meeting_says_so(committee):
    text = render_text(build_document(load_meeting(committee.cancelled.pk), for_public=True))
    assert text.startswith("Minnesanteckningar från möte med Samarbetskommittén\n\n")
    assert f"\n\n{translation.gettext('The meeting was cancelled.')}\n" in text


def _structure(doc: MinutesDocument) -> dict:
    """What the minutes say, in the parser's terms (`ParsedMinutes.to_dict()`)."""
    return {
        "date": doc.date.isoformat(),
        "place": doc.place,
        "present": [(p.name, p.organisation) for p in doc.present],
        "absent": [(p.name, p.organisation) for p in doc.absent],
        "chair": next(p.name for p in doc.present if p.role == AttendanceRole.CHAIR),
        "secretary": doc.note_taker,
        "adjusters": doc.adjusters,
        "items": [(i.number, i.title, i.decisions) for i in doc.items],
    }


def _parsed_structure(parsed: dict) -> dict:
    return {
        "date": parsed["date"],
        "place": parsed["place"],
        "present": [(p["name"], p["organisation"]) for p in parsed["present"]],
        "absent": [(p["name"], p["organisation"]) for p in parsed["absent"]],
        "chair": parsed["chair"],
        "secretary": parsed["secretary"],
        "adjusters": parsed["adjusters"],
        "items": [(i["number"], i["title"], i["decisions"]) for i in parsed["items"]],
    }


# Round trip: the importer's parser (kansli.imports.parse) reads the layout written here.
def test_rendered_text_parses_back_to_the_same_minutes(swedish):
    doc = seed_document()
    parsed = parse_text(render_text(doc)).to_dict()
    assert _parsed_structure(parsed) == _structure(doc)


@pytest.mark.django_db
def test_an_imported_meeting_renders_to_text_that_parses_the_same(swedish, tmp_path):
    source = tmp_path / "minnesanteckningar.txt"
    source.write_text(SEED_TEXT, encoding="utf-8")
    meeting = import_file(source).meeting
    rendered = render_text(build_document(load_meeting(meeting.pk), for_public=False))
    assert parse_text(rendered).to_dict() == parse_text(SEED_TEXT).to_dict()
