"""Search relevance on the database the suite runs on (SQLite's FTS5 or PostgreSQL's full text):
the same tests, the same answers, on both engines."""

from __future__ import annotations

import pytest

from kansli.meetings.models import MeetingKind

pytestmark = pytest.mark.usefixtures("archive")


@pytest.mark.parametrize("text", [
    "utvecklingsprogram", "utvecklingsprogrammet", "utvecklingsprogrammen",
    "Utvecklingsprogrammens",
])
def test_any_form_of_a_word_finds_every_form(found, text):
    assert set(found(text)) == {
        "Förslag till nytt utvecklingsprogram", "Uppföljning av utvecklingsprogrammen"
    }


def test_a_singular_finds_an_umlaut_plural(found):
    # "bostäder" in the text, "bostad" in the narrative, "Bostadsförsörjning" is another word.
    assert found("bostad") == ["Bostadsförsörjning"]
    assert found("bostäderna") == ["Bostadsförsörjning"]
    assert found("ledamot") == ["Ledamöter i arbetsgruppen"]


def test_every_word_must_be_found(found):
    assert found("utvecklingsprogram näringslivet") == ["Förslag till nytt utvecklingsprogram"]
    assert found("utvecklingsprogram bostad") == []


def test_a_phrase_needs_its_words_together_and_in_order(found):
    assert found('"gemensam strategi"') == ["Gemensam strategi för kompetensförsörjning"]
    # "Strategi för gemensam upphandling" has both words, but not as the phrase.
    assert set(found("gemensam strategi")) == {
        "Gemensam strategi för kompetensförsörjning", "Budget för 2025"
    }


def test_a_phrase_does_not_run_from_the_title_into_the_text(found):
    # "Cykelplan" ends the title and "Planen" begins the text: not a phrase to a reader.
    assert found('"cykelplan planen"') == []
    assert found('"regional cykelplan"') == ["Regional cykelplan"]


def test_a_prefix_finds_every_word_that_begins_with_it(found):
    assert set(found("utvecklings*")) == {
        "Förslag till nytt utvecklingsprogram", "Uppföljning av utvecklingsprogrammen",
    }
    assert set(found("cykel*")) == {"Regional cykelplan", "Budget för 2025", "Cykelplan"}
    assert found("zzzz*") == []


def test_a_prefix_written_as_a_whole_word_finds_that_word(found):
    assert set(found("kommunernas*")) == {
        "Bostadsförsörjning", "Gemensam strategi för kompetensförsörjning"
    }


def test_a_title_match_ranks_above_a_match_in_the_text(found):
    results = found("cykelplan")
    assert results[0] == "Cykelplan"
    assert results.index("Regional cykelplan") < results.index("Budget för 2025")


def test_filters_narrow_by_body_year_and_kind_of_meeting(found, archive):
    assert set(found("cykelplan", body_id=archive.board.pk)) == {"Budget för 2025", "Cykelplan"}
    assert found("cykelplan", year=2023) == ["Regional cykelplan"]
    assert found("kommittén", meeting_kind=MeetingKind.PLANNING_CONFERENCE) == [
        "Bostadsförsörjning"
    ]
    assert found("cykelplan", body_id=archive.board.pk, year=2023) == []


def test_results_are_counted_and_paged(search, settings, monkeypatch):
    monkeypatch.setattr("kansli.search.results.PAGE_SIZE", 2)
    first, second = search("cykel*", page=1), search("cykel*", page=2)
    assert first.count == second.count == 3
    assert [len(first.page), len(second.page)] == [2, 1]
    assert not {hit.entry.pk for hit in first.page} & {hit.entry.pk for hit in second.page}
    assert search("cykel*", page=99).page.number == 2  # a page past the end shows the last


def test_a_search_matching_more_than_are_ranked_says_so(search, monkeypatch):
    monkeypatch.setattr("kansli.search.results.CANDIDATES", 2)
    results = search("cykel*")
    assert results.capped and results.count == 2
    assert not search("utvecklingsprogram").capped


def test_found_words_are_marked_in_title_and_snippet(search):
    hit = next(iter(search("utvecklingsprogram").page))
    marked = {str(hit.title), str(hit.snippet)}
    assert any("<mark>" in html for html in marked)
    assert "<mark>Utvecklingsprogrammet</mark>" in str(hit.snippet) or (
        "<mark>utvecklingsprogrammen</mark>" in str(hit.snippet)
    )


def test_a_phrase_is_marked_as_one_run(search):
    hit = next(iter(search('"gemensam strategi"').page))
    assert str(hit.title) == "<mark>Gemensam strategi</mark> för kompetensförsörjning"


def test_every_kind_of_term_the_normaliser_makes_is_found_by_the_engine(db, run_on_commit,
                                                                        found):
    # Numbers, codes, å/ä/ö and long compounds must come out of the database's own tokenizer
    # as the terms the normaliser made, or the engine would never find them.
    from kansli.search.tests.conftest import items, meeting

    odd = "Ärende KS2023/114 § 12 1e5 3a överförmyndarnämndsärendenas ÅÄÖ-frågor 0x1f"
    run_on_commit(lambda: items(meeting(_any_body(), _day()), (odd, "", [])))
    for word in ["ks2023", "114", "12", "1e5", "3a", "överförmyndarnämndsärendenas",
                 "åäö", "frågorna", "0x1f"]:
        assert found(word) == [odd], word


def _any_body():
    from kansli.registry.models import Body

    return Body.objects.get(slug="kommunstyrelsen")


def _day():
    import datetime

    return datetime.date(2024, 12, 12)
