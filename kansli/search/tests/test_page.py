"""The search page at /sok/: the form, results with marked words, pages, and clear answers for
a search that cannot be read."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.usefixtures("archive")


def test_the_empty_search_page_shows_the_form_and_no_results(reader):
    response = reader.get("/sok/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="search-q"' in page and 'name="organ"' in page and 'name="motestyp"' in page
    assert '<option value="2024">2024</option>' in page  # years come from the index
    assert "results-heading" not in page


def test_results_link_to_their_items_with_the_words_marked(reader, archive):
    response = reader.get("/sok/", {"q": "utvecklingsprogrammet"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 results for “utvecklingsprogrammet”" in page
    assert f'href="{archive.meetings["spring"].get_absolute_url()}#punkt-1"' in page
    assert "<mark>Utvecklingsprogrammet</mark>" in page
    assert "§ 1" in page and "item 1" in page  # the board's protokoll, the committee's notes


def test_filters_narrow_the_results(reader, archive):
    page = reader.get("/sok/", {"q": "cykelplan", "organ": archive.board.slug,
                                "ar": "2024"}).content.decode()
    assert "2 results for" in page
    assert "Regional cykelplan" not in page


def test_a_malformed_search_is_answered_with_what_is_wrong(reader):
    response = reader.get("/sok/", {"q": '"gemensam strategi'})
    assert response.status_code == 400
    page = response.content.decode()
    assert "A quotation mark is not closed: “gemensam strategi”." in page
    assert 'aria-invalid="true"' in page and 'aria-describedby="search-q-error' in page
    assert 'value="&quot;gemensam strategi"' in page  # kept, to be corrected


@pytest.mark.parametrize("params, message", [
    ({"q": "budget", "organ": "finns-inte"}, "Select a valid choice."),
    ({"q": "budget", "ar": "förra året"}, "Select a valid choice."),
    ({"q": "budget", "motestyp": "fest"}, "Select a valid choice."),
])
def test_a_filter_that_does_not_exist_is_answered_not_ignored(reader, params, message):
    response = reader.get("/sok/", params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_search_without_results_says_so_and_suggests_what_to_try(reader):
    page = reader.get("/sok/", {"q": "rymdstation"}).content.decode()
    assert "0 results for “rymdstation”" in page
    assert "Nothing in the published minutes matches the search." in page


def test_page_links_keep_the_search_and_its_filters(reader, monkeypatch):
    monkeypatch.setattr("kansli.search.results.PAGE_SIZE", 1)
    page = reader.get("/sok/", {"q": "cykel*", "ar": "2024", "sida": "2"}).content.decode()
    assert "Page 2 of 2" in page
    assert 'href="?q=cykel%2A&amp;ar=2024&amp;sida=1"' in page
    assert 'start="2"' in page  # the list goes on numbering from the first page


def test_every_public_page_has_the_search_field(reader, archive):
    for path in ["/", archive.committee.get_absolute_url(), "/tillganglighet/"]:
        page = reader.get(path).content.decode()
        assert 'role="search"' in page and 'action="/sok/"' in page, path


def test_the_search_page_takes_a_bounded_number_of_queries(reader,
                                                          django_assert_max_num_queries):
    # The form's years and bodies, the prefix's terms, the engine (on PostgreSQL a few slices of
    # the index in a transaction of their own), and one query for the page of results.
    with django_assert_max_num_queries(10):
        assert reader.get("/sok/", {"q": "cykel*"}).status_code == 200


def test_the_search_page_only_reads(reader):
    assert reader.post("/sok/", {"q": "budget"}).status_code == 405


def test_the_search_page_is_swedish_by_default(archive):
    from django.test import Client

    page = Client().get("/sok/", {"q": "cykelplan"}).content.decode()
    assert '<html lang="sv">' in page


def test_markup_typed_or_stored_is_shown_as_text(reader, run_on_commit, archive):
    from kansli.search.tests.conftest import items, meeting

    run_on_commit(lambda: items(
        meeting(archive.board, archive.meetings["board"].date.replace(day=30)),
        ("Budget <b>fet</b> & <script>alert(1)</script>", "Text om <i>budget</i>.", []),
    ))
    page = reader.get("/sok/", {"q": "<script> budget"}).content.decode()
    assert "<script>alert" not in page and "<b>fet" not in page and "<i>budget" not in page
    assert "1 result for “&lt;script&gt; budget”" in page
    assert "&lt;b&gt;fet&lt;/b&gt; &amp; &lt;<mark>script</mark>&gt;alert(1)" in page
    assert "&lt;i&gt;<mark>budget</mark>&lt;/i&gt;" in page
