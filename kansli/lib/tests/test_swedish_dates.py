from datetime import date, time

import pytest

from kansli.lib.swedish_dates import (
    find_dates,
    find_times,
    format_clock,
    format_date,
    format_meeting_date,
    format_meeting_time,
    parse_date,
    parse_meeting_time,
    parse_time_range,
    resolve_day_month,
)

MARCH_14 = date(2023, 3, 14)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Torsdagen den 10 november 2022 kl 13.00-13.30", date(2022, 11, 10)),
        ("14/3 2023", date(2023, 3, 14)),
        ("tisdag 14 mars 2023 kl. 9–11.30", date(2023, 3, 14)),
        ("den 1:a oktober 2023", date(2023, 10, 1)),
        ("5th March 2024", date(2024, 3, 5)),
        ("on Tuesday 5th March 2024 at 6.30pm", date(2024, 3, 5)),
        ("March 5, 2024", date(2024, 3, 5)),
        ("2023-09-19", date(2023, 9, 19)),
        ("14.03.2023", date(2023, 3, 14)),
        ("5. marts 2024", date(2024, 3, 5)),
        ("Justerat 17/3 -23", date(2023, 3, 17)),
        ("23/1 2024 kl. 13:00-15:30 i Arboga.", date(2024, 1, 23)),
    ],
)
def test_dates_with_a_year_are_read_in_every_common_form(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("den 14/2", date(2023, 2, 14)),
        ("28/3", date(2023, 3, 28)),
        ("03/04", date(2023, 4, 3)),
        ("1/9", date(2023, 9, 1)),
        ("den 25 augusti", date(2023, 8, 25)),
        ("25 okt", date(2022, 10, 25)),
        ("Den 11:e april", date(2023, 4, 11)),
        ("Klart 15.02.", date(2023, 2, 15)),
    ],
)
def test_dates_without_a_year_resolve_to_the_nearest_one(text, expected):
    assert parse_date(text, MARCH_14, "nearest") == expected


def test_previous_meeting_takes_the_nearest_earlier_date():
    assert parse_date("den 22 november", date(2023, 3, 7), "past") == date(2022, 11, 22)


def test_next_meeting_takes_the_nearest_later_date():
    assert parse_date("25 okt", date(2023, 8, 28), "future") == date(2023, 10, 25)
    assert parse_date("den 8 december", date(2022, 11, 10), "future") == date(2022, 12, 8)


def test_resolving_29_february_skips_years_without_it():
    assert resolve_day_month(29, 2, date(2023, 6, 1), "future") == date(2024, 2, 29)


def test_a_date_without_a_year_stays_unresolved_without_a_reference():
    (found,) = find_dates("den 25 augusti")
    assert found.year is None
    assert found.resolve() is None


@pytest.mark.parametrize(
    "text",
    ["2025/2026", "PS 11/23", "22,34 kronor", "Sida 1 (12)", "KS 2023/298", "1 920 000 kronor"],
)
def test_numbers_that_are_not_dates_are_left_alone(text):
    assert find_dates(text) == []


def test_the_span_of_a_date_includes_its_weekday_and_den():
    (found,) = find_dates("Tid: Torsdagen den 10 november 2022 kl 13.00")
    assert found.text == "Torsdagen den 10 november 2022"


@pytest.mark.parametrize(
    ("text", "bare", "expected"),
    [
        ("kl 13.00-13.30", False, (time(13), time(13, 30))),
        ("kl. 9–11.30", False, (time(9), time(11, 30))),
        ("8.12pm", False, (time(20, 12), None)),
        ("7.00pm – 8.45pm", False, (time(19), time(20, 45))),
        ("closed at 11.40 am", False, (time(11, 40), None)),
        ("19.00–20.40", True, (time(19), time(20, 40))),
        ("18:00 – 20:40", True, (time(18), time(20, 40))),
        ("2023-10-12, 08:30–10:00", True, (time(8, 30), time(10))),
    ],
)
def test_times_and_ranges(text, bare, expected):
    assert parse_time_range(text, bare=bare) == expected


def test_bare_numbers_are_not_times_outside_a_time_field():
    assert find_times("a reserve of 4.2 months and 22,34 kronor") == []


def test_a_dotted_date_is_not_read_as_a_time():
    assert parse_time_range("Dato: 14.03.2023", bare=True) == (None, None)


def test_at_followed_by_a_plain_number_is_not_a_time():
    assert find_times("carried by 4 votes at 4 to 2") == []


def test_format_meeting_time_writes_the_seed_layout():
    text = format_meeting_time(date(2022, 11, 10), time(13), time(13, 30))
    assert text == "Torsdagen den 10 november 2022 kl 13.00-13.30"


def test_format_meeting_time_without_end_or_start():
    assert (
        format_meeting_time(date(2024, 2, 13), time(8, 30))
        == "Tisdagen den 13 februari 2024 kl 08.30"
    )
    assert format_meeting_time(date(2024, 2, 13)) == "Tisdagen den 13 februari 2024"


def test_format_helpers():
    assert format_date(date(2023, 3, 7)) == "7 mars 2023"
    assert format_meeting_date(date(2023, 3, 7)) == "Tisdagen den 7 mars 2023"
    assert format_clock(time(9, 5)) == "09.05"


@pytest.mark.parametrize("day", [date(2022, 11, 10), date(2024, 2, 29), date(2023, 1, 1)])
@pytest.mark.parametrize(
    ("start", "end"), [(time(13), time(13, 30)), (time(9, 5), None), (None, None)]
)
def test_parse_meeting_time_inverts_format_meeting_time(day, start, end):
    assert parse_meeting_time(format_meeting_time(day, start, end)) == (day, start, end)
