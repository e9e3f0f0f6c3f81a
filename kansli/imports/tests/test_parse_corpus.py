"""Every corpus document parses with its key fields right, the corpus scores well, and layouts
beyond the corpus sample follow the same rules."""

from __future__ import annotations

import importlib.util
import json
from datetime import date, time
from pathlib import Path
from types import ModuleType

import pytest

from kansli.imports.parse import parse_file, parse_text

# The shared corpus sits beside the repository root.
CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus"
SCORE_FLOOR = 0.95

# name prefix: (date, body, number of items, chair)
EXPECTED = {
    "000": (date(2022, 11, 10), "Södertörns kommunernas samarbetskommitté", 7, "Harry Bouveng"),
    "001": (date(2023, 9, 19), "Kommunstyrelsen", 9, "Marie Lindqvist"),
    "002": (date(2024, 2, 13), "Barn- och utbildningsnämnden", 9, "Camilla Berg"),
    "004": (date(2023, 10, 25), "Miljö- och byggnadsnämnden", 7, "Bertil Sandgren"),
    "006": (date(2023, 10, 24), "Tekniska nämnden", 8, "Christer Lund"),
    "011": (date(2023, 3, 7), "Älvstrandskommunernas samrådsgrupp", 8, "Anna Berg Sjödin"),
    "012": (
        date(2024, 4, 18),
        "Länsnätverket för kommunala klimatstrateger i Kalmar län",
        6,
        "Jenny Kask",
    ),
    "014": (
        date(2023, 11, 14),
        "Regionala samverkansgruppen för vuxenutbildning i Västmanland",
        7,
        "Helena Strid",
    ),
    "016": (date(2023, 10, 12), "Räddningschefsgruppen i Västernorrland", 7, "Henrik Olsson"),
    "019": (date(2024, 1, 15), "Bostadsrättsföreningen Svalboet", 10, "Anna-Karin Widmark"),
    "020": (date(2024, 3, 10), "Friluftsföreningen Tallvinden", 20, "Bengt Forsman"),
    "024": (date(2024, 3, 5), "Licensing and Regulatory Committee", 7, "P. Okafor"),
    "025": (date(2024, 1, 18), "Board of Trustees", 8, "Helen Marsh"),
    "029": (date(2023, 3, 14), "Hovedutvalg for oppvekst og kultur", 7, "Kari Haugen"),
    "032": (
        date(2023, 3, 14),
        "Arbetsgruppen för gemensam löneservice i södra Halland",
        6,
        "Jonatan Ek",
    ),
    "035": (date(2024, 4, 25), "Förbundsstyrelsen", 13, "Annika Strömberg"),
}


def corpus_documents() -> list[Path]:
    return sorted((CORPUS / "docs").glob("*.txt"))


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    """The corpus's own scorer, imported from beside the repository."""
    path = CORPUS / "score.py"
    if not path.is_file():
        pytest.fail(f"the shared corpus is not beside the repository ({CORPUS})")
    spec = importlib.util.spec_from_file_location("corpus_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_key_fields_of_each_corpus_document(prefix):
    found = sorted((CORPUS / "docs").glob(f"{prefix}_*.txt"))
    if not found:
        pytest.fail(f"the shared corpus is not beside the repository ({CORPUS})")
    minutes = parse_file(found[0])
    expected_date, body, item_count, chair = EXPECTED[prefix]
    assert minutes.date == expected_date
    assert minutes.body == body
    assert len(minutes.items) == item_count
    assert minutes.chair == chair


def test_every_corpus_document_is_covered():
    documents = corpus_documents()
    if not documents:
        pytest.fail(f"the shared corpus is not beside the repository ({CORPUS})")
    assert {path.name[:3] for path in documents} == set(EXPECTED)


def test_the_corpus_scores_above_the_floor(scorer):
    total = scorer.Scorer()
    for gold_path in sorted((CORPUS / "gold").glob("*.json")):
        document = scorer.document_for(CORPUS, gold_path.stem)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        total.score_doc(gold, parse_file(document).to_dict())
    report = total.report()
    assert scorer.overall(report) >= SCORE_FLOOR
    assert report["item_f1"] >= 0.95 and report["present_f1"] >= 0.95


def test_parsing_is_deterministic_and_independent_of_line_endings():
    documents = corpus_documents()
    if not documents:
        pytest.fail(f"the shared corpus is not beside the repository ({CORPUS})")
    for path in documents:
        text = path.read_text(encoding="utf-8")
        assert parse_text(text).to_dict() == parse_file(path).to_dict()
        assert parse_text(text.replace("\n", "\r\n")).to_dict() == parse_text(text).to_dict()


# Layouts beyond the corpus sample, written in code: the rules must hold for documents not seen.

SEED_LAYOUT = """Minnesanteckningar från vårmöte med Mälardalens samrådsgrupp

Tid\tTisdagen den 5 mars 2024 kl 10.00-11.30\t
Plats\tVästerås stadshus\t
Deltagare\tKarin Ek Anna Berg Sjödin Per Lund Eva Holm\t\
Västerås, ordförande Region Västmanland Lilla Edet Köping
Ej närvarande\tOla Sten\tSala

1. Inledning

Anna Berg Sjödin hälsar välkommen. Per Lund utses att justera minnesanteckningarna.

2. Nästa möte

Nästa möte hålls den 14 maj.

Vid anteckningarna

Eva Holm

Justeras

Per Lund
"""


def test_seed_layout_with_a_three_word_name_and_two_word_organisations():
    minutes = parse_text(SEED_LAYOUT)
    assert [(p.name, p.organisation, p.role) for p in minutes.present] == [
        ("Karin Ek", "Västerås", "chair"),
        ("Anna Berg Sjödin", "Region Västmanland", None),
        ("Per Lund", "Lilla Edet", "adjuster"),
        ("Eva Holm", "Köping", "secretary"),
    ]
    assert [(p.name, p.organisation) for p in minutes.absent] == [("Ola Sten", "Sala")]
    assert minutes.next_meeting == date(2024, 5, 14)


DANISH_COMMITTEE = """Frederikssund Kommune

Referat

Økonomiudvalget

Mødedato:       12. marts 2024
Mødetidspunkt:  16:00 - 18:15
Mødested:       Rådhuset, mødelokale 1

Medlemmer:
Tina Tving Stauning (A), formand
Ole Søbæk (Ø)

Fraværende:
Inger Kongsbak (C)

Indholdsfortegnelse
1. Godkendelse af dagsorden
2. Lukket punkt: Køb af ejendom
3. Eventuelt

1. Godkendelse af dagsorden

Indstilling
Kommunaldirektøren indstiller, at dagsordenen godkendes.

Beslutning i Økonomiudvalget den 12. marts 2024:
Dagsordenen blev godkendt.

2. Lukket punkt: Køb af ejendom

Beslutning i Økonomiudvalget den 12. marts 2024:
1. Ejendommen købes.
2. Udgiften finansieres af kassen.

3. Eventuelt

Næste møde afholdes den 9. april 2024 kl. 16.00.
"""


def test_a_danish_committee_with_a_table_of_contents_and_a_closed_item():
    minutes = parse_text(DANISH_COMMITTEE)
    assert (minutes.language, minutes.kind, minutes.body) == ("da", "protokoll", "Økonomiudvalget")
    assert (minutes.date, minutes.start, minutes.end) == (date(2024, 3, 12), time(16), time(18, 15))
    assert [(i.number, i.confidential) for i in minutes.items] == [
        ("1", False),
        ("2", True),
        ("3", False),
    ]
    assert minutes.items[0].decisions == ["Dagsordenen blev godkendt."]
    assert minutes.items[1].decisions == ["Ejendommen købes.", "Udgiften finansieres af kassen."]
    assert {p.name: p.party for p in minutes.present} == {
        "Tina Tving Stauning": "A",
        "Ole Søbæk": "Ø",
    }
    assert minutes.chair == "Tina Tving Stauning"
    assert [p.name for p in minutes.absent] == ["Inger Kongsbak"]
    assert minutes.next_meeting == date(2024, 4, 9)


CANCELLATION = """LJUSDALS KOMMUN
Socialnämnden

INSTÄLLT SAMMANTRÄDE

Socialnämndens sammanträde torsdagen den 15 februari 2024 kl. 13.00 i Kommunhuset, \
sal Hälsingland, är inställt.

Ärenden som skulle ha behandlats:
1. Val av justerare
2. Godkännande av dagordning
3. Information från förvaltningen

Ljusdal den 8 februari 2024

Anna Lindström
Ordförande
"""


def test_a_cancellation_notice_keeps_its_schedule_and_has_no_items():
    minutes = parse_text(CANCELLATION)
    assert (minutes.kind, minutes.cancelled) == ("other", True)
    assert (minutes.date, minutes.start) == (date(2024, 2, 15), time(13))
    assert minutes.place == "Kommunhuset, sal Hälsingland"
    assert (minutes.body, minutes.organisation) == ("Socialnämnden", "Ljusdals kommun")
    assert minutes.chair == "Anna Lindström"
    assert minutes.items == [] and minutes.present == []


SWEDISH_PROTOCOL = """DOROTEA KOMMUN                              PROTOKOLL
Kommunstyrelsens arbetsutskott              2024-03-05

Plats och tid:   Kommunkontoret, kl 08.30-11.45
Beslutande:      Karin Lundqvist (S), ordförande, Per Ols-
                 son (C), Maria Berg (M), Johan
                 Nyström (S)
Övriga:          Erik Sjödin, sekreterare

§ 21
Dnr 2024/40
Val av justerare

Arbetsutskottets beslut
Maria Berg (M) utses att jämte ordföranden justera protokollet.

§ 22  Ny renhållnings-
ordning

Arbetsutskottets förslag till kommunstyrelsen
Kommunstyrelsen föreslås besluta
att anta renhållningsordningen,
att den gäller från 1 juli 2024.

Åtgärd: Informera hushållen om ordningen.
Ansvarig: KL. Klart: 30/4.

Justeras

Karin Lundqvist                 Maria Berg
"""


def test_a_protocol_with_wrapped_names_split_headings_and_att_clauses():
    minutes = parse_text(SWEDISH_PROTOCOL)
    assert [p.name for p in minutes.present][:4] == [
        "Karin Lundqvist",
        "Per Olsson",
        "Maria Berg",
        "Johan Nyström",
    ]
    assert [(i.number, i.title) for i in minutes.items] == [
        ("21", "Val av justerare"),
        ("22", "Ny renhållningsordning"),
    ]
    assert minutes.items[1].decisions == [
        "att anta renhållningsordningen",
        "att den gäller från 1 juli 2024.",
    ]
    assert minutes.adjusters == ["Maria Berg"]
    assert (minutes.chair, minutes.secretary) == ("Karin Lundqvist", "Erik Sjödin")
    (action,) = minutes.actions
    assert (action.owner, action.due) == ("Karin Lundqvist", "2024-04-30")


ENGLISH_COUNCIL = """UPPER WICKHAM PARISH COUNCIL

Minutes of the Ordinary Meeting of the Parish Council held at the Village Hall
on Monday 11th March 2024 at 7.30pm

Present: Cllr J. Harding (Chairman), Cllr M. Patel and Cllr R. Lewis
In attendance: Mrs K. Foster (Clerk)
Apologies: Cllr T. Green

24/041 Minutes of the previous meeting
RESOLVED: that the minutes of the meeting held on 12th February 2024 be signed.

24/042 Finance
RESOLVED that the payments be approved.
Action: Clerk to arrange payment by 22nd March.
ACTION: M. Patel and JH to inspect the play area.

24/043 Staffing (private session without officers)
RESOLVED that the Clerk's salary be increased.

The meeting closed at 9.05pm.
"""


def test_an_english_parish_council():
    minutes = parse_text(ENGLISH_COUNCIL)
    assert (minutes.kind, minutes.meeting_type, minutes.body) == (
        "protokoll",
        "Ordinary Meeting",
        # "of the Parish Council" in the title is the council the heading names in full.
        "Upper Wickham Parish Council",
    )
    assert (minutes.start, minutes.end, minutes.place) == (
        time(19, 30),
        time(21, 5),
        "Village Hall",
    )
    assert (minutes.chair, minutes.secretary) == ("J. Harding", "K. Foster")
    assert [p.name for p in minutes.absent] == ["T. Green"]
    assert [i.number for i in minutes.items] == ["24/041", "24/042", "24/043"]
    assert [i.confidential for i in minutes.items] == [False, False, True]
    assert minutes.previous_meeting == date(2024, 2, 12)
    assert [(a.owner, a.due) for a in minutes.actions] == [
        ("Clerk", "2024-03-22"),
        ("M. Patel; J. Harding", None),
    ]
