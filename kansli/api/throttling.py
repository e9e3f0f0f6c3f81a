"""Rate limiting of the API: a fixed number of requests per client address and time window.

The count lives in the shared cache, so all server processes count together. Writing it on every
request would cost more than answering (the default cache is a directory of files, and a write
is a file replaced), so each process counts in memory and adds its count to the shared one at
most once a second, and at once when the client nears the limit: a refusal is always decided on
the shared count. Past the limit the client gets 429 Too Many Requests with Retry-After, as
JSON like every other API error.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.http import HttpRequest
from ninja.throttling import BaseThrottle

RATE = re.compile(r"^\s*(\d+)\s*/\s*(s|sec|second|m|min|minute|h|hour|d|day)\s*$")
SECONDS = {"s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60,
           "h": 3600, "hour": 3600, "d": 86400, "day": 86400}
# How stale this process's view of the other processes' counts may get.
SYNC_SECONDS = 1.0


def parse_rate(text: str) -> tuple[int, int]:
    """'600/min' as (600, 60); '' or '0' as (0, 1), no limit."""
    if text.strip() in {"", "0"}:
        return 0, 1
    match = RATE.match(text)
    if not match:
        raise ImproperlyConfigured(
            f"KANSLI_API_RATE_LIMIT={text!r} is not a rate; write e.g. '600/min' or '10/s'"
        )
    return int(match.group(1)), SECONDS[match.group(2)]


@dataclass
class Tally:
    """One client's requests in one window, as this process knows them."""

    window: int
    shared: int = 0  # all processes' count at the last sync
    unsynced: int = 0  # this process's requests since then
    synced_at: float = 0.0


TALLIES: dict[str, Tally] = {}


def forget_tallies(*, setting: str = "", **_kwargs) -> None:
    """A new cache or a new limit starts counting afresh."""
    if setting in {"", "CACHES", "KANSLI_API_RATE_LIMIT"}:
        TALLIES.clear()


setting_changed.connect(forget_tallies, dispatch_uid="kansli-api-tallies")


def add_shared(key: str, count: int, seconds: int) -> int:
    """Add `count` to the shared count under `key`; the new total."""
    if cache.add(key, count, seconds + 1):
        return count
    try:
        return cache.incr(key, count)
    except ValueError:  # the window ended between the two calls
        cache.set(key, count, seconds + 1)
        return count


class WindowThrottle(BaseThrottle):
    """At most `KANSLI_API_RATE_LIMIT` requests per client address in each window."""

    left = 0.0

    def allow_request(self, request: HttpRequest) -> bool:
        limit, seconds = parse_rate(settings.KANSLI_API_RATE_LIMIT)
        if not limit:
            return True
        now = time.time()
        self.left = seconds - (now % seconds)
        ident = self.get_ident(request) or ""
        tally = self.tally(ident, int(now // seconds))
        if tally.shared > limit:
            return False  # known to be over: no need to count on
        tally.unsynced += 1
        if now - tally.synced_at >= SYNC_SECONDS or tally.shared + tally.unsynced > limit:
            key = f"kansli.api.rate:{ident}:{tally.window}"
            tally.shared = add_shared(key, tally.unsynced, seconds)
            tally.unsynced, tally.synced_at = 0, now
        return tally.shared + tally.unsynced <= limit

    def tally(self, ident: str, window: int) -> Tally:
        tally = TALLIES.get(ident)
        if tally is None or tally.window != window:
            if tally is not None:  # a new window: every older tally is over
                stale = [key for key, old in TALLIES.items() if old.window < window]
                for key in stale:
                    del TALLIES[key]
            tally = TALLIES[ident] = Tally(window)
        return tally

    def wait(self) -> float:
        return self.left
