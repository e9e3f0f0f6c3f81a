"""The notice board (anslagstavla) of protocol-mode bodies: dates and the entry itself.

A protocol's anslag goes up once the protocol is adjusted (KL 8 kap. 12 §) and stays up three
weeks, the time anyone has to appeal the decisions (laglighetsprövning, KL 13 kap. 5 §). When the
last day of that period falls on a day off, the period runs to the next working day: lag
(1930:173) om beräkning av lagstadgad tid, 2 §, names Saturdays, Sundays and other public holidays,
and also midsummer eve, christmas eve and new year's eve, which are not public holidays in the
calendar law (and so not in the `holidays` package) but on which offices are closed.
"""

from __future__ import annotations

import datetime
from functools import cache

import holidays
from django.utils.translation import gettext as _

from kansli.minutes.models import Minutes, NoticeBoardEntry

APPEAL_PERIOD = datetime.timedelta(weeks=3)
SATURDAY = 5


@cache
def _public_holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays("SE", years=year))


def _midsummer_eve(year: int) -> datetime.date:
    """The Friday between 19 and 25 June."""
    june_19 = datetime.date(year, 6, 19)
    return june_19 + datetime.timedelta(days=(4 - june_19.weekday()) % 7)


def is_day_off(day: datetime.date) -> bool:
    """Whether a deadline falling on `day` moves to the next working day (lag 1930:173)."""
    if day.weekday() >= SATURDAY or day in _public_holidays(day.year):
        return True
    eves = {_midsummer_eve(day.year), datetime.date(day.year, 12, 24),
            datetime.date(day.year, 12, 31)}
    return day in eves


def next_working_day(day: datetime.date) -> datetime.date:
    """`day` itself if it is a working day, else the first working day after it."""
    while is_day_off(day):
        day += datetime.timedelta(days=1)
    return day


def take_down_date(posted_on: datetime.date) -> datetime.date:
    """The last day of the appeal period: three weeks after posting, moved to a working day."""
    return next_working_day(posted_on + APPEAL_PERIOD)


def appeal_text(posted_on: datetime.date, take_down_on: datetime.date) -> str:
    return _(
        "Any member of the municipality may appeal the decisions in this protocol to the "
        "administrative court (laglighetsprövning, KL 13 kap.). The appeal must have reached the "
        "court no later than %(last_day)s, three weeks after the protocol was posted on "
        "%(posted)s."
    ) % {"last_day": take_down_on.isoformat(), "posted": posted_on.isoformat()}


def post(minutes: Minutes, posted_on: datetime.date) -> NoticeBoardEntry:
    """Put up (or leave up) the anslag of published protocol-mode minutes."""
    body = minutes.meeting.body
    take_down_on = take_down_date(posted_on)
    entry, _created = NoticeBoardEntry.objects.get_or_create(minutes=minutes, defaults={
        "posted_on": posted_on,
        "take_down_on": take_down_on,
        "kept_at": body.protocol_kept_at or body.organisation.name,
        "appeal_text": appeal_text(posted_on, take_down_on),
    })
    return entry
