"""The meetings archive: upcoming meetings and years (/moten/), a year's meetings (/moten/2022/)."""

from __future__ import annotations


def test_the_index_shows_upcoming_meetings_and_the_years(reader, committee):
    html = reader.get("/moten/").content.decode()
    assert committee.planned.get_absolute_url() in html
    assert committee.published.get_absolute_url() not in html  # not upcoming
    assert 'href="/moten/2022/"' in html and 'href="/moten/2099/"' in html


def test_a_year_lists_every_meeting_of_that_year(reader, committee):
    html = reader.get("/moten/2022/").content.decode()
    for meeting in (committee.published, committee.draft, committee.cancelled):
        assert meeting.get_absolute_url() in html
    assert committee.planned.get_absolute_url() not in html
    assert 'href="/moten/2099/"' in html  # the next year with meetings


def test_a_year_without_meetings_is_not_found(reader, committee):
    assert reader.get("/moten/2021/").status_code == 404
