"""The Swedish normaliser, without a database: inflections meet, different words stay apart."""

from __future__ import annotations

import unicodedata

import pytest

from kansli.search.normalise import composed, normalise_word, spans, terms, words

FAMILIES = [
    # The forms the Snowball stemmer alone leaves apart.
    ["utvecklingsprogram", "utvecklingsprogrammet", "utvecklingsprogrammen",
     "utvecklingsprogrammens", "utvecklingsprogrammets"],
    ["bostad", "bostaden", "bostäder", "bostäderna", "bostadens"],
    ["beslut", "beslutet", "besluten", "beslutets"],
    ["förslag", "förslaget", "förslagen"],
    ["möte", "mötet", "möten", "mötena", "mötets"],
    ["strategi", "strategin", "strategier", "strategierna"],
    ["kommitté", "kommittén", "kommittéer", "kommittéerna", "kommitten"],
    ["år", "året", "åren", "årets"],
    ["fråga", "frågan", "frågor", "frågorna"],
    ["ärende", "ärendet", "ärenden", "ärendena"],
    ["protokoll", "protokollet", "protokollen"],
    ["kvalitet", "kvaliteten", "kvaliteter"],
    ["medlem", "medlemmen", "medlemmar"],
    ["kommun", "kommunen", "kommuner", "kommunerna", "kommunens"],
    ["kompetensförsörjning", "kompetensförsörjningen"],
    ["minnesanteckning", "minnesanteckningar", "minnesanteckningarna"],
    # Umlaut plurals, alone and at the end of a compound.
    ["stad", "staden", "städer", "städerna"],
    ["land", "landet", "länder", "länderna"],
    ["ledamot", "ledamoten", "ledamöter", "ledamöterna"],
    ["bok", "boken", "böcker", "böckerna"],
    ["tjänsteman", "tjänstemannen", "tjänstemän", "tjänstemännen"],
    ["natt", "natten", "nätter"],
]


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family[0])
def test_every_form_of_a_word_becomes_the_same_term(family):
    assert {normalise_word(word) for word in family} == {normalise_word(family[0])}


@pytest.mark.parametrize("first, second", [
    ("möte", "mot"),           # meeting, against
    ("bostad", "bostadsrätt"),
    ("plan", "plats"),
    ("ledamot", "mot"),
    ("kommun", "kommunikation"),
    ("stad", "städning"),
])
def test_different_words_stay_apart(first, second):
    assert normalise_word(first) != normalise_word(second)


@pytest.mark.parametrize("word", [w for family in FAMILIES for w in family])
def test_a_term_is_its_own_term(word):
    # Prefixes and repeated normalisation rely on it.
    term = normalise_word(word)
    assert normalise_word(term) == term


def test_case_and_accents_swedish_does_not_write_are_folded():
    assert normalise_word("KOMMITTÉN") == normalise_word("kommitten")
    assert normalise_word("Müller") == normalise_word("muller")
    assert normalise_word("Økonomi") == normalise_word("ökonomi")


def test_å_ä_and_ö_are_letters_of_their_own():
    assert normalise_word("år") != normalise_word("ar")
    assert normalise_word("för") != normalise_word("for")
    assert normalise_word("mål") != normalise_word("mal")


def test_numbers_and_codes_are_kept_as_written():
    assert terms("Budget 2025, § 12 och KS2023/114") == [
        normalise_word("budget"), "2025", "12", normalise_word("och"), "ks2023", "114"
    ]
    assert normalise_word("2011") == "2011"  # no doubled "consonant" to drop in a number


def test_punctuation_and_hyphens_separate_words():
    assert words("trygghets- och brottsförebyggande arbete; e-post") == [
        "trygghets", "och", "brottsförebyggande", "arbete", "e", "post"
    ]


def test_a_decomposed_letter_counts_as_the_composed_one():
    decomposed = unicodedata.normalize("NFD", "bostäderna")
    assert terms(decomposed) == terms("bostäderna")
    assert composed(decomposed) == "bostäderna"


def test_spans_point_at_the_words_in_the_text():
    text = "Nya bostäder, fler städer."
    found = [(text[start:end], term) for start, end, term in spans(text)]
    assert found == [
        ("Nya", normalise_word("nya")), ("bostäder", normalise_word("bostad")),
        ("fler", normalise_word("fler")), ("städer", normalise_word("stad")),
    ]


def test_a_very_long_word_is_cut_to_the_longest_term():
    assert len(normalise_word("a" * 500)) <= 64
