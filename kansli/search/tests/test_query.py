"""Reading a reader's search: words, phrases, prefixes, and clear messages for what cannot be
read. No database."""

from __future__ import annotations

import pytest
from django.utils import translation

from kansli.search.normalise import normalise_word
from kansli.search.query import LONGEST_QUERY, MOST_TERMS, QueryError, TermKind, parse


@pytest.fixture(autouse=True)
def _in_english():
    # The messages are compared as written in the code; Swedish has its own catalogue test.
    with translation.override("en"):
        yield


def test_messages_are_in_the_readers_language():
    with translation.override("sv"), pytest.raises(QueryError) as error:
        parse('"gemensam')
    assert "gemensam" in str(error.value.message)
    assert str(error.value.message) != "A quotation mark is not closed: “gemensam”."


def kinds_and_terms(text: str) -> list[tuple[TermKind, tuple[str, ...]]]:
    return [(term.kind, term.terms) for term in parse(text).terms]


def test_words_are_normalised_and_all_required():
    assert kinds_and_terms("Utvecklingsprogrammet bostäder") == [
        (TermKind.WORD, (normalise_word("utvecklingsprogram"),)),
        (TermKind.WORD, (normalise_word("bostad"),)),
    ]


def test_a_phrase_in_quotation_marks_keeps_its_words_in_order():
    assert kinds_and_terms('"gemensam strategi" budget') == [
        (TermKind.PHRASE, (normalise_word("gemensam"), normalise_word("strategi"))),
        (TermKind.WORD, (normalise_word("budget"),)),
    ]


def test_swedish_quotation_marks_work_like_straight_ones():
    assert parse("”gemensam strategi”").terms == parse('"gemensam strategi"').terms


def test_a_hyphenated_word_is_a_phrase():
    assert kinds_and_terms("e-post") == [(TermKind.PHRASE, ("e", normalise_word("post")))]


def test_a_prefix_keeps_the_letters_typed_and_the_words_own_term():
    assert kinds_and_terms("Utveckl*") == [(TermKind.PREFIX, ("utveckl",))]
    # "möte" is indexed as "möt", which no term beginning with "möte" covers.
    assert kinds_and_terms("möte*") == [(TermKind.PREFIX, ("möte", normalise_word("möte")))]


def test_punctuation_only_separates_words_and_repeats_count_once():
    assert kinds_and_terms("§ 12, budget; budget!") == [
        (TermKind.WORD, ("12",)), (TermKind.WORD, (normalise_word("budget"),)),
    ]


@pytest.mark.parametrize("text, message", [
    ('"gemensam strategi', "A quotation mark is not closed: “gemensam strategi”"),
    ('budget "', "A quotation mark is not closed"),
    ("utv*eckling", "An asterisk (*) can only end a word, as in utveckl*: “utv*eckling”"),
    ("*budget", "An asterisk (*) can only end a word"),
    ('"gemensam strat*"', "An asterisk (*) cannot be used inside quotation marks"),
    ("e-post*", "An asterisk (*) can only end a single word"),
    ("ut*", "Write at least 3 letters before the asterisk: “ut*”"),
    ('""', "The quotation marks hold no words to search for."),
    ("!!! ?", "Write at least one word to search for."),
    ("*", "An asterisk (*) must follow the start of a word, as in utveckl*: “*”"),
    ("x" * (LONGEST_QUERY + 1), f"at most {LONGEST_QUERY} characters"),
    (" ".join(f"ord{n}" for n in range(MOST_TERMS + 1)),
     f"At most {MOST_TERMS} words or phrases"),
])
def test_a_malformed_search_gets_a_message_naming_what_is_wrong(text, message):
    with pytest.raises(QueryError) as error:
        parse(text)
    assert message in str(error.value.message)


def test_the_longest_search_allowed_is_read():
    assert parse("a" * LONGEST_QUERY).terms
