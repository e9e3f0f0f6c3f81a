"""Slugs that would collide with the site's own pages, read from its URLs.

A body's public page is `/<slug>/` and its staff pages `/hantera/<slug>/`; a meeting's are
`/<body>/<slug>/` and `/hantera/<body>/<slug>/`; a matter's `/arenden/<slug>/`. Beside each slug
the URL configuration has pages with fixed names (`/sok/`, `/hantera/import/`,
`/hantera/<body>/nytt-mote/`, `/arenden/antaganden/` …) that are matched first, so a record given
one of those names would have pages nobody can reach. Reading the names from the URLs keeps the
lists right as pages are added.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.translation import gettext_lazy as _

_ANY = "*"
_LITERAL = re.compile(r"[a-z0-9-]+")


def _routes(patterns: Iterable[URLPattern | URLResolver], prefix: str = "") -> Iterator[str]:
    """Every route of the site as one string, regular-expression anchors left out."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern).strip("^$")
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        else:
            yield route


@functools.cache
def _segment_lists() -> tuple[tuple[str, ...], ...]:
    """Each route's path segments, with every variable part written as `_ANY`."""
    return tuple(
        tuple(_ANY if "<" in segment else segment for segment in route.split("/"))
        for route in _routes(get_resolver().url_patterns)
    )


def _fixed_names_after(*prefix: str) -> set[str]:
    """The fixed segments routes put right after `prefix`, where a slug could otherwise go."""
    depth = len(prefix)
    return {
        segments[depth] for segments in _segment_lists()
        if len(segments) > depth and segments[:depth] == prefix
        and _LITERAL.fullmatch(segments[depth])
    }


@functools.cache
def reserved_slugs() -> frozenset[str]:
    """Slugs no body may take: the site's first path segments, those of the staff pages, and
    the static files' folder, which is served before any page."""
    static = settings.STATIC_URL.strip("/").split("/")[0]
    return frozenset(_fixed_names_after() | _fixed_names_after("hantera") | {static})


@functools.cache
def reserved_meeting_slugs() -> frozenset[str]:
    """Slugs no meeting may take: the pages of a body beside its meetings."""
    return frozenset(_fixed_names_after(_ANY) | _fixed_names_after("hantera", _ANY))


@functools.cache
def reserved_matter_slugs() -> frozenset[str]:
    """Slugs no matter may take: the pages beside the matters, public and staff."""
    return frozenset(
        _fixed_names_after("arenden") | _fixed_names_after("hantera", _ANY, "arenden")
    )


def validate_body_slug(slug: str) -> None:
    if slug in reserved_slugs():
        raise ValidationError(
            _("“%(slug)s” is reserved; choose another address."),
            code="reserved", params={"slug": slug},
        )
