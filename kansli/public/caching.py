"""Kept public pages and files, dropped the moment any content changes.

Every anonymous reader gets the same page, so a rendered page or file can be served again
without touching the database; that is what lets a meeting page keep up with a trivial view and a
PDF download cost one render, not one per reader. Correctness comes from a generation number in
the shared cache: every key includes it, and any write to a model of the registry, meetings or
minutes apps moves it on, so no reader is ever served a page older than the data (an unpublished
or newly confidential item disappears at once, in every server process).
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language

GENERATION_KEY = "kansli.public.generation"
CONTENT_APPS = ("registry", "meetings", "minutes")


def generation() -> int:
    return cache.get_or_set(GENERATION_KEY, 0, timeout=None)


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
    transaction.on_commit(_next_generation)


def _next_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # the key was evicted or never set
        cache.set(GENERATION_KEY, 1, timeout=None)


def connect_signals() -> None:
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            post_save.connect(forget_everything, sender=model, dispatch_uid=f"kept-{model}-s")
            post_delete.connect(forget_everything, sender=model, dispatch_uid=f"kept-{model}-d")
    m2m_changed.connect(forget_everything, dispatch_uid="kept-m2m")
