"""The real minutes (the seed), read field by field, and read again after rendering its layout."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from kansli.imports.parse import ParsedMinutes, parse_file, parse_text
from kansli.lib.swedish_dates import format_meeting_time

# The shared corpus sits beside the repository root.
SEED = (
    Path(__file__).resolve().parents[3]
    / ".."
    / "shared"
    / "corpus"
    / "docs"
    / "000_c45261a3b21fa762.txt"
)

PARTICIPANTS = [
    ("Ebba Östlin", "Botkyrka"),
    ("Meeri Wasberg", "Haninge"),
    ("Daniel Dronjak", "Huddinge"),
    ("Camilla Broo", "Huddinge"),
    ("Harry Bouveng", "Nynäshamn"),
    ("Petra Kålbäck", "Nynäshamn"),
    ("Gunilla Lindstedt", "Nykvarn"),
    ("Rickard Livén", "Salem"),
    ("Mats Bergström", "Salem"),
    ("Boel Godner", "Södertälje"),
    ("Stefan Hollmark", "Södertälje"),
    ("Anita Mattsson", "Tyresö"),
    ("Cynthia Runefjärd", "Tyresö"),
    ("Helene Olofsson", "Södertörns kommunerna"),
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


@pytest.fixture(scope="module")
def seed() -> ParsedMinutes:
    if not SEED.is_file():
        pytest.fail(f"the shared corpus is not beside the repository ({SEED})")
    return parse_file(SEED)


def test_seed_identity(seed):
    assert (seed.language, seed.kind) == ("sv", "minnesanteckningar")
    assert seed.title == (
        "Minnesanteckningar från planeringskonferens med Södertörns kommunernas samarbetskommitté"
    )
    assert seed.body == "Södertörns kommunernas samarbetskommitté"
    assert seed.organisation == "Södertörns kommunerna"
    assert seed.meeting_type == "planeringskonferens"


def test_seed_date_time_and_place(seed):
    assert (seed.date, seed.start, seed.end) == (date(2022, 11, 10), time(13), time(13, 30))
    assert seed.date_text == "Torsdagen den 10 november 2022 kl 13.00-13.30"
    assert seed.place == "Digitalt via Teams"
    assert seed.online is True
    assert seed.cancelled is False


def test_every_participant_with_the_organisation_in_the_same_position(seed):
    assert [(p.name, p.organisation) for p in seed.present] == PARTICIPANTS


def test_the_chair_is_flagged_by_the_ordforande_suffix(seed):
    assert seed.chair == "Harry Bouveng"
    roles = {p.name: p.role for p in seed.present}
    assert roles["Harry Bouveng"] == "chair"
    assert roles["Helene Olofsson"] == "secretary"
    assert roles["Boel Godner"] == "adjuster"
    assert [name for name, role in roles.items() if role is None] == [
        name
        for name, _ in PARTICIPANTS
        if name not in {"Harry Bouveng", "Helene Olofsson", "Boel Godner"}
    ]


def test_absentees(seed):
    assert [(p.name, p.organisation) for p in seed.absent] == [
        ("Leif Eriksson", "Botkyrka"),
        ("Magnus Gyllestad", "Haninge"),
        ("Frida Nilsson", "Nykvarn"),
    ]


def test_parties_come_from_the_body_text_even_misspelt(seed):
    parties = {p.name: p.party for p in seed.present if p.party}
    assert parties == {"Ebba Östlin": "S", "Boel Godner": "S", "Anita Mattsson": "S"}


def test_note_taker_and_adjuster(seed):
    assert seed.secretary == "Helene Olofsson"
    assert seed.adjusters == ["Boel Godner"]


def test_seven_items_with_titles(seed):
    assert [(i.number, i.title) for i in seed.items] == [
        (str(n), t) for n, t in enumerate(TITLES, 1)
    ]
    assert all(not i.confidential and i.parent is None for i in seed.items)
    assert [i.line for i in seed.items] == [10, 16, 20, 38, 54, 58, 62]


def test_both_decisions(seed):
    decisions = {i.number: i.decisions for i in seed.items if i.decisions}
    assert decisions == {
        "4": [
            "Samarbetskommittén under 2022 ställer sig bakom förslaget till nytt "
            "utvecklingsprogram (SUP2040) och föreslår att nya Samarbetskommittén för den "
            "kommande mandatperiod beslutar om innehållet i början på år 2023."
        ],
        "6": ["Beslut att ställa in nästa möte den 8 december."],
    }


def test_item_text_keeps_the_narrative_without_the_decision(seed):
    fourth, sixth = seed.items[3], seed.items[5]
    assert fourth.text.startswith("Helene Olofsson inleder med att redogöra")
    assert fourth.text.endswith("Inga kommentarer eller synpunkter på förslaget")
    assert "Samarbetskommittén under 2022" not in fourth.text
    assert sixth.text == "Behöver något stämmas av före årsskiftet görs det via mejl."
    assert seed.items[2].text.count("\n\n") == 7


def test_previous_and_next_meeting(seed):
    assert seed.previous_meeting == date(2022, 8, 25)
    assert seed.next_meeting == date(2022, 12, 8)
    assert seed.next_meeting_cancelled is True
    assert seed.actions == []


def test_to_dict_is_the_corpus_schema(seed):
    data = seed.to_dict()
    assert list(data) == [
        "language",
        "kind",
        "body",
        "organisation",
        "meeting_type",
        "date",
        "start",
        "end",
        "place",
        "online",
        "cancelled",
        "present",
        "absent",
        "chair",
        "secretary",
        "adjusters",
        "items",
        "previous_meeting",
        "next_meeting",
        "next_meeting_cancelled",
        "actions",
        "confidence",
    ]
    assert all(0 <= value <= 1 for value in data["confidence"].values())
    assert (data["date"], data["start"], data["end"]) == ("2022-11-10", "13:00", "13:30")
    assert data["present"][4] == {
        "name": "Harry Bouveng",
        "organisation": "Nynäshamn",
        "role": "chair",
        "party": None,
    }
    assert data["items"][5]["decisions"] == ["Beslut att ställa in nästa möte den 8 december."]


def render_like_the_seed(minutes: ParsedMinutes) -> str:
    """The seed's layout, as the project's renderer writes it; enough to check the round trip."""
    assert minutes.date is not None
    organisations = [
        f"{p.organisation}, ordförande" if p.role == "chair" else p.organisation or ""
        for p in minutes.present
    ]
    lines = [
        minutes.title or "",
        "",
        f"Tid\t{format_meeting_time(minutes.date, minutes.start, minutes.end)}\t",
        f"Plats\t{minutes.place}\t",
        f"Deltagare\t{' '.join(p.name for p in minutes.present)}\t{' '.join(organisations)}",
        f"Ej närvarande\t{' '.join(p.name for p in minutes.absent)}\t"
        f"{' '.join(p.organisation or '' for p in minutes.absent)}",
        "",
    ]
    for item in minutes.items:
        lines += [f"{item.number}. {item.title}", ""]
        if item.text:
            lines += [item.text, ""]
        for decision in item.decisions:
            lines += ["Beslut:", "", decision, ""]
    lines += [
        "Vid anteckningarna",
        "",
        minutes.secretary or "",
        "",
        "Justeras",
        "",
        *minutes.adjusters,
    ]
    return "\n".join(lines)


def test_the_seed_layout_round_trips(seed):
    again = parse_text(render_like_the_seed(seed))
    assert again.to_dict() == seed.to_dict()
    assert [i.text for i in again.items] == [i.text for i in seed.items]
