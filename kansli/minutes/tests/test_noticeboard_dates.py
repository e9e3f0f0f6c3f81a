import datetime

import pytest

from kansli.minutes.noticeboard import is_day_off, take_down_date

D = datetime.date


@pytest.mark.parametrize(("posted", "taken_down"), [
    # Three weeks later is an ordinary Tuesday: it stays.
    (D(2026, 3, 3), D(2026, 3, 24)),
    # Three weeks later is a Sunday: Monday.
    (D(2026, 3, 1), D(2026, 3, 23)),
    # Three weeks later is a Saturday: Monday.
    (D(2026, 2, 28), D(2026, 3, 23)),
    # Midsummer eve 2026 is Friday 19 June: the weekend and midsummer day follow, so Monday.
    (D(2026, 5, 29), D(2026, 6, 22)),
    # Christmas eve 2026 (Thursday), then Christmas day and the second day (Fri, Sat), Sunday.
    (D(2026, 12, 3), D(2026, 12, 28)),
    # New year's eve 2025 (Wednesday), then new year's day: Friday 2 January.
    (D(2025, 12, 10), D(2026, 1, 2)),
    # Good Friday 2026 (3 April), Easter weekend and Easter Monday: Tuesday.
    (D(2026, 3, 13), D(2026, 4, 7)),
    # Ascension day 2026 (Thursday 14 May): Friday.
    (D(2026, 4, 23), D(2026, 5, 15)),
])
def test_the_take_down_date_is_three_weeks_later_on_a_working_day(posted, taken_down):
    assert take_down_date(posted) == taken_down


def test_midsummer_eve_is_a_day_off_though_not_a_public_holiday():
    assert is_day_off(D(2027, 6, 25))  # Friday between 19 and 25 June
    assert not is_day_off(D(2027, 6, 18))  # the Friday before
    assert is_day_off(D(2026, 6, 6))  # national day, on a Saturday anyway
    assert is_day_off(D(2027, 1, 6))  # epiphany, a Wednesday
    assert not is_day_off(D(2027, 1, 7))
