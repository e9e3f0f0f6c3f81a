"""Kept public pages and files, dropped the moment any content changes.

Every anonymous reader gets the same page, so a rendered page or file can be served again
without touching the database; that is what lets a meeting page keep up with a trivial view and a
PDF download cost one render, not one per reader. Correctness comes from a generation token in
the shared cache: every key includes it, and any write to a model of the registry, meetings or
minutes apps moves it on, so no reader is ever served a page older than the data (an unpublished
or newly confidential item disappears at once, in every server process).
"""

from __future__ import annotations

import datetime
import secrets
import time
from collections.abc import Callable
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

from kansli.public.oncommit import on_commit_once

STATE_KEY = "kansli.public.state"
CONTENT_APPS = ("registry", "meetings", "minutes")

# The state read for the response being made: a response reads the cache's state once, and its
# validators and every key it keeps something under agree.
_held: ContextVar[tuple[str, int] | None] = ContextVar("kansli_public_state", default=None)


def _state() -> tuple[str, int]:
    """(generation, changed-at) as the response being made read them, or as the cache holds
    them now.

    The generation is a random token, not a counter, so that a state lost to the cache's culling
    comes back as a new token and can never revive pages kept under an earlier one; and with it
    the change time comes back as now, later than the truth, so no stale copy ever looks fresh.
    """
    held = _held.get()
    if held is not None:
        return held
    return cache.get_or_set(STATE_KEY, _new_state, timeout=None)


def _new_state() -> tuple[str, int]:
    return secrets.token_hex(8), int(time.time())


def generation() -> str:
    """The current generation: every key of a kept page or file includes it."""
    return _state()[0]


def changed_at() -> int:
    """When the content last changed (Unix seconds), as far as the cache knows."""
    return _state()[1]


def validators() -> tuple[str, int]:
    """The ETag and Last-Modified of every kept response, read from the cache alone: checking
    whether a reader's copy is current costs no query and no rendering.

    Pages that list upcoming meetings change at midnight with no write at all, so the day is
    part of both. The tag is weak because pages carry each reader's own CSRF token; what they
    say is equal.
    """
    today = timezone.localdate()
    midnight = datetime.datetime.combine(today, datetime.time(), timezone.get_current_timezone())
    stamp = max(changed_at(), int(midnight.timestamp()))
    return f'W/"{generation()}.{stamp}.{get_language()}.{today:%Y%m%d}"', stamp


def validated(
    request: HttpRequest, respond: Callable[[], HttpResponse], *, private: bool = False
) -> HttpResponse:
    """`respond()`, or 304 Not Modified when the reader's copy is still the current one.

    Every response says `no-cache`: a copy may be kept but must be checked first, since any
    change (an unpublished meeting, say) has to reach the reader at once. `private` keeps
    pages that carry the reader's own token out of shared caches.
    """
    held = _held.set(_state())
    try:
        etag, stamp = validators()
        response = get_conditional_response(request, etag=etag, last_modified=stamp)
        if response is None:
            response = respond()
    finally:
        _held.reset(held)
    if response.status_code in (200, 304):
        response.headers.setdefault("ETag", etag)
        response.headers.setdefault("Last-Modified", http_date(stamp))
        visibility = {"private": True} if private else {"public": True}
        patch_cache_control(response, no_cache=True, **visibility)
    return response


def key_for(kind: str, path: str) -> str:
    return f"kansli.public.{kind}:{generation()}:{get_language()}:{path}"


def kept(kind: str, path: str, make):
    """The kept value for `path`, or `make()` kept for next time."""
    seconds = settings.KANSLI_PUBLIC_CACHE_SECONDS
    if seconds <= 0:
        return make()
    key = key_for(kind, path)
    value = cache.get(key)
    if value is None:
        value = make()
        cache.set(key, value, seconds)
    return value


def forget_everything(**_kwargs) -> None:
    """Move the generation on after the writing transaction commits, so that a page rendered
    from the old data in the meantime is kept under the old generation only."""
    on_commit_once("public-generation", lambda _done: _next_generation())


def _next_generation() -> None:
    cache.set(STATE_KEY, _new_state(), timeout=None)


def connect_signals() -> None:
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            post_save.connect(forget_everything, sender=model, dispatch_uid=f"kept-{model}-s")
            post_delete.connect(forget_everything, sender=model, dispatch_uid=f"kept-{model}-d")
    m2m_changed.connect(forget_everything, dispatch_uid="kept-m2m")
