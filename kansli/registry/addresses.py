"""The path segments a body's slug must not take, read from the site's own URLs.

A body's public page is `/<slug>/` and its staff pages `/hantera/<slug>/`, beside pages with fixed
addresses (`/sok/`, `/beslut/`, `/hantera/import/` …) that are matched first. A body given one of
those as its slug would have pages nobody can reach, so the slugs are refused where a body is
made by hand and avoided where an import makes one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.translation import gettext_lazy as _

# Where the staff pages of a body hang, below a segment of fixed pages of their own.
_STAFF_PREFIX = "hantera"
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
def reserved_slugs() -> frozenset[str]:
    """Fixed first segments of the site's addresses, and of the staff pages' addresses."""
    reserved = {settings.STATIC_URL.strip("/").split("/")[0]}
    for route in _routes(get_resolver().url_patterns):
        segments = route.split("/")
        places = [segments[0]]
        if segments[0] == _STAFF_PREFIX and len(segments) > 1:
            places.append(segments[1])
        reserved.update(place for place in places if _LITERAL.fullmatch(place))
    return frozenset(reserved)


def validate_body_slug(slug: str) -> None:
    if slug in reserved_slugs():
        raise ValidationError(
            _("“%(slug)s” is reserved; choose another address."),
            code="reserved", params={"slug": slug},
        )
